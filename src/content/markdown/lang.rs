//! The page's language as the Markdown pass knows it: which words it writes (callouts'
//! default titles) and which quotes (`quotes.rs`).

/// The languages whose words the Markdown pass writes (callout titles, quotes); any other
/// tag is English.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum Language {
    #[default]
    En,
    Cy,
    Fr,
    De,
    Es,
    /// `en-XA`, the pseudo-locale: English, its words accented.
    Pseudo,
}

impl Language {
    /// By a BCP 47 tag's primary subtag (`fr-CA` is French).
    pub fn of(tag: &str) -> Language {
        if tag.eq_ignore_ascii_case(crate::i18n::PSEUDO) {
            return Language::Pseudo;
        }
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "cy" => Language::Cy,
            "fr" => Language::Fr,
            "de" => Language::De,
            "es" => Language::Es,
            _ => Language::En,
        }
    }
}

/// A callout's title when its author gives none, in the page's language (by its class).
pub(super) fn default_title(class: &str, lang: Language) -> &'static str {
    use Language::{Cy, De, En, Es, Fr, Pseudo};
    match (class, lang) {
        ("note", En | Pseudo) => "Note",
        ("note", Cy) => "Nodyn",
        ("note", Fr) => "Remarque",
        ("note", De) => "Hinweis",
        ("note", Es) => "Nota",
        ("tip", En) => "Tip",
        ("tip", Cy) => "Awgrym",
        ("tip", Fr) => "Astuce",
        ("tip", De) => "Tipp",
        ("tip", Es) => "Consejo",
        ("important", En) => "Important",
        ("important", Cy) => "Pwysig",
        ("important", Fr) => "Important",
        ("important", De) => "Wichtig",
        ("important", Es) => "Importante",
        ("warning", En) => "Warning",
        ("warning", Cy) => "Rhybudd",
        ("warning", Fr) => "Avertissement",
        ("warning", De) => "Warnung",
        ("warning", Es) => "Advertencia",
        ("caution", En) => "Caution",
        ("caution", Cy) => "Gofal",
        ("caution", Fr) => "Attention",
        ("caution", De) => "Vorsicht",
        ("caution", Es) => "Precaución",
        ("prompts", En) => "Discussion prompts",
        ("prompts", Cy) => "Cwestiynau trafod",
        ("prompts", Fr) => "Pistes de discussion",
        ("prompts", De) => "Diskussionsfragen",
        ("prompts", Es) => "Preguntas para el debate",
        ("trainer", En) => "Trainer note",
        ("trainer", Cy) => "Nodyn i hyfforddwyr",
        ("trainer", Fr) => "Note pour le formateur",
        ("trainer", De) => "Hinweis für Trainer",
        ("trainer", Es) => "Nota para el formador",
        ("handout", En) => "For participants",
        ("handout", Cy) => "I gyfranogwyr",
        ("handout", Fr) => "Pour les participants",
        ("handout", De) => "Für Teilnehmende",
        ("handout", Es) => "Para los participantes",
        ("challenge", En) => "Challenge",
        ("challenge", Cy) => "Her",
        ("challenge", Fr) => "Défi",
        ("challenge", De) => "Aufgabe",
        ("challenge", Es) => "Reto",
        ("solution", Cy) => "Ateb",
        ("solution", Fr) => "Solution",
        ("solution", De) => "Lösung",
        ("solution", Es) => "Solución",
        _ => "Solution",
    }
}
