//! Views of a programme's lists (prompts and materials by day, themes) and of the
//! home page's programme cards.

use std::collections::HashMap;

use serde::Serialize;

use crate::model::{Programme, Site};
use crate::util::slugify;

use super::view::{Link, ProgrammeViews, PromptView, label, prompt_views};

#[derive(Serialize)]
pub struct PromptGroup {
    pub session: Link,
    pub prompts: Vec<PromptView>,
}

#[derive(Serialize)]
pub struct PromptDay {
    pub title: String,
    pub date: Option<String>,
    pub sessions: Vec<PromptGroup>,
}

pub fn prompt_days(p: &Programme, v: &ProgrammeViews) -> Vec<PromptDay> {
    v.days
        .iter()
        .map(|d| PromptDay {
            title: d.title.clone(),
            date: d.date.clone(),
            sessions: v
                .order
                .iter()
                .filter(|&&i| p.sessions[i].day == d.number && !p.sessions[i].prompts.is_empty())
                .map(|&i| PromptGroup {
                    session: v.link(p, i),
                    prompts: prompt_views(&p.sessions[i].prompts, true),
                })
                .collect(),
        })
        .filter(|d| !d.sessions.is_empty())
        .collect()
}

#[derive(Serialize)]
pub struct Material {
    pub name: String,
    pub sessions: Vec<Link>,
}

#[derive(Serialize)]
pub struct MaterialDay {
    pub title: String,
    pub date: Option<String>,
    /// "6 items": the day's pack list, counted.
    pub count: String,
    pub items: Vec<Material>,
}

/// Each item once per day (matched without regard to case), with the sessions that need it.
pub fn material_days(p: &Programme, v: &ProgrammeViews) -> Vec<MaterialDay> {
    v.days
        .iter()
        .map(|d| {
            let mut items: Vec<Material> = Vec::new();
            let mut idx: HashMap<String, usize> = HashMap::new();
            for &i in v.order.iter().filter(|&&i| p.sessions[i].day == d.number) {
                for m in &p.sessions[i].materials {
                    let key = m.trim().to_lowercase();
                    let k = *idx.entry(key).or_insert_with(|| {
                        items.push(Material {
                            name: m.html.clone(),
                            sessions: Vec::new(),
                        });
                        items.len() - 1
                    });
                    items[k].sessions.push(v.link(p, i));
                }
            }
            MaterialDay {
                title: d.title.clone(),
                date: d.date.clone(),
                count: match items.len() {
                    1 => "1 item".to_string(),
                    n => format!("{n} items"),
                },
                items,
            }
        })
        .filter(|d| !d.items.is_empty())
        .collect()
}

#[derive(Serialize)]
pub struct ThemeView {
    pub id: String,
    pub label: String,
    pub sessions: Vec<Link>,
}

pub fn theme_views(p: &Programme, v: &ProgrammeViews) -> Vec<ThemeView> {
    v.themes
        .iter()
        .map(|(name, ids)| ThemeView {
            id: slugify(name),
            label: label(name),
            sessions: ids.iter().map(|&i| v.link(p, i)).collect(),
        })
        .collect()
}

#[derive(Serialize)]
pub struct ProgrammeCard {
    pub title: String,
    pub subtitle: Option<String>,
    pub summary: Option<String>,
    pub href: String,
    pub dates: Option<String>,
    pub days: usize,
    pub sessions: usize,
    pub contact: String,
    pub venue: Option<String>,
    /// On a home page in another language, a programme not translated into it: its own
    /// language (its words are in it; the card says so).
    pub lang: Option<String>,
}

/// `p`'s card, its dates and contact time written in `locale` (the home page's language).
pub fn programme_card(p: &Programme, locale: crate::model::clock::Locale) -> ProgrammeCard {
    let dates: Vec<jiff::civil::Date> = p.days.iter().filter_map(|d| d.date).collect();
    ProgrammeCard {
        title: p.title.clone(),
        subtitle: p.subtitle.clone(),
        summary: p.summary.as_ref().map(|x| x.html.clone()),
        href: format!("{}/index.html", p.slug),
        dates: locale.dates_label(&dates),
        days: p.days.len(),
        sessions: p.sessions.len(),
        contact: locale.duration(p.contact_minutes()),
        venue: p.venue.clone(),
        lang: None,
    }
}

/// Whether two language tags are the same language (`cy`, `cy-GB`).
fn same_language(a: &str, b: &str) -> bool {
    let primary = |t: &str| {
        t.split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    primary(a) == primary(b)
}

/// The programmes a home page in `lang` lists (`None`: the site's own home): each original,
/// or its edition in `lang` where it has one; with the original's language when that is
/// shown instead, not translated. Linear: one look-up per programme.
pub fn programmes_in<'a>(
    site: &'a Site,
    lang: Option<&str>,
) -> Vec<(&'a Programme, Option<String>)> {
    let by_slug: std::collections::HashMap<&str, &Programme> = match lang {
        Some(_) => site
            .programmes
            .iter()
            .map(|p| (p.slug.as_str(), p))
            .collect(),
        None => std::collections::HashMap::new(),
    };
    let originals = site
        .programmes
        .iter()
        .filter(|p| p.editions.untranslated.is_none());
    originals
        .map(|p| {
            let Some(lang) = lang else {
                return (p, None);
            };
            if same_language(&p.language, lang) {
                return (p, None);
            }
            let edition = (p.editions.all.iter())
                .find(|(code, _)| same_language(code, lang))
                .and_then(|(_, slug)| by_slug.get(slug.as_str()));
            match edition {
                Some(e) => (*e, None),
                None => (p, Some(p.language.clone())),
            }
        })
        .collect()
}

/// The home page's cards in its language (`None`: the site's).
pub fn programme_cards(site: &Site, lang: Option<&str>) -> Vec<ProgrammeCard> {
    let config = &site.config;
    let locale = crate::model::clock::Locale::of(lang.unwrap_or(&config.language), config.clock);
    programmes_in(site, lang)
        .into_iter()
        .map(|(p, other)| {
            // The site's own home writes each programme's dates in its own language.
            let locale = if lang.is_some() { locale } else { p.locale };
            ProgrammeCard {
                lang: other,
                ..programme_card(p, locale)
            }
        })
        .collect()
}
