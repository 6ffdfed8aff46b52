//! The page's language as the Markdown pass knows it: which words it writes (callouts'
//! default titles, from the interface strings) and which quotes (`quotes.rs`).

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

/// The callouts' classes, in the order of [`Words`]' titles; each title is the interface
/// string `callout_<class>` (`themes/default/i18n/<lang>.ftl`).
pub const CALLOUT_CLASSES: [&str; 10] = [
    "note",
    "tip",
    "important",
    "warning",
    "caution",
    "prompts",
    "trainer",
    "handout",
    "challenge",
    "solution",
];

/// The words the Markdown pass writes in one language: its quotes (by [`Language`]) and
/// the callouts' default titles, as HTML (escaped), looked up once per language from the
/// interface strings, so a site's `.ftl` changes them as it changes any message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Words {
    pub(super) lang: Language,
    titles: [String; 10],
}

impl Words {
    /// The words of `tag` (a BCP 47 tag: its quotes) from its interface strings.
    pub fn of(tag: &str, strings: &crate::i18n::Strings) -> Words {
        Words {
            lang: Language::of(tag),
            titles: CALLOUT_CLASSES.map(|class| {
                crate::util::escape_html(&strings.get(&format!("callout_{class}"), &[]))
            }),
        }
    }

    /// The built-in theme's words for `tag` (tests, the fuzzers, files outside a site).
    pub fn builtin(tag: &str) -> Words {
        Words::of(tag, &crate::i18n::builtin().strings(tag))
    }

    /// The default title of the callout of `class`, as HTML.
    pub(super) fn title(&self, class: &str) -> &str {
        CALLOUT_CLASSES
            .iter()
            .position(|c| *c == class)
            .and_then(|i| self.titles.get(i))
            .map_or("", String::as_str)
    }
}

impl Default for Words {
    /// British English, from the built-in theme.
    fn default() -> Words {
        static ENGLISH: std::sync::LazyLock<Words> =
            std::sync::LazyLock::new(|| Words::builtin(crate::i18n::ENGLISH));
        ENGLISH.clone()
    }
}
