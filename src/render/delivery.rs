//! Deliveries: each one's page (`<programme>/deliveries/<id>/index.html`), timetable CSV
//! and calendar, and the lists of them the programme's overview and the home page show.
//! Whether a delivery is past is the browser's to say (`deliveries.js`), never the build's.

use serde::Serialize;

use super::view::{DayView, day_views_of};
use crate::model::{Delivery, Programme, Site};

/// A delivery in a list: its dates (words and ISO, for the script), venue and link.
#[derive(Serialize, Clone)]
pub struct DeliveryCard {
    pub title: String,
    pub href: String,
    pub dates: Option<String>,
    /// The dates beside the title, when the title does not already start with them.
    pub when: Option<String>,
    /// First and last date, `YYYY-MM-DD`: `data-first`/`data-last` for `deliveries.js`.
    pub first: Option<String>,
    pub last: Option<String>,
    pub venue: Option<String>,
    /// The zone "today" is read in.
    pub timezone: String,
    /// The programme's title, for the home page's list.
    pub programme: String,
    /// The programme's own dates (its front matter), shown on its own timetable.
    pub own: bool,
    /// On a home page in another language, a run of a programme not translated into it:
    /// the programme's language (its title is in it).
    pub lang: Option<String>,
}

/// A programme's runs in date order: its deliveries and, when it has dates of its own,
/// those as one more (linking to its own timetable).
pub fn delivery_cards(p: &Programme) -> Vec<DeliveryCard> {
    delivery_cards_in(p, p.locale)
}

/// [`delivery_cards`] with the dates written in `locale` (a home page's language).
fn delivery_cards_in(p: &Programme, locale: crate::model::clock::Locale) -> Vec<DeliveryCard> {
    let mut cards: Vec<DeliveryCard> = p.deliveries.iter().map(|d| card(p, d, locale)).collect();
    if cards.is_empty() {
        return cards;
    }
    let own: Vec<jiff::civil::Date> = p.days.iter().filter_map(|d| d.date).collect();
    if !own.is_empty() {
        cards.push(DeliveryCard {
            title: [p.dates_label(), p.venue.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", "),
            href: format!("{}/timetable.html", p.slug),
            dates: locale.dates_label(&own),
            when: None,
            first: own.iter().min().map(|d| d.to_string()),
            last: own.iter().max().map(|d| d.to_string()),
            venue: p.venue.clone(),
            timezone: p.timezone.clone(),
            programme: p.title.clone(),
            own: true,
            lang: None,
        });
        cards.sort_by(|a, b| (&a.first, &a.href).cmp(&(&b.first, &b.href)));
    }
    for c in &mut cards {
        c.when = c.dates.clone().filter(|d| !c.title.starts_with(d.as_str()));
    }
    cards
}

fn card(p: &Programme, d: &Delivery, locale: crate::model::clock::Locale) -> DeliveryCard {
    let dates = d.dates();
    DeliveryCard {
        title: d.title.clone(),
        href: format!("{}/index.html", d.dir(&p.slug)),
        dates: locale.dates_label(&dates),
        when: None,
        first: dates.iter().min().map(|x| x.to_string()),
        last: dates.iter().max().map(|x| x.to_string()),
        venue: d.venue.clone().or(p.venue.clone()),
        timezone: d.timezone.clone(),
        programme: p.title.clone(),
        own: false,
        lang: None,
    }
}

/// Every programme's runs, by first date: the home page lists them (the script hides the
/// past ones).
/// `lang`: a translated home page's language (each programme's edition in it where it has
/// one, else the original's runs, marked); `None`: the site's home (the originals' runs).
pub fn site_cards(site: &Site, lang: Option<&str>) -> Vec<DeliveryCard> {
    let locale = lang
        .filter(|l| crate::model::clock::Lang::parse(l).is_some())
        .map(|l| crate::model::clock::Locale::of(l, site.config.clock));
    let mut all: Vec<DeliveryCard> = super::lists::programmes_in(site, lang)
        .into_iter()
        .flat_map(|(p, other)| {
            let mut cards = delivery_cards_in(p, locale.unwrap_or(p.locale));
            for c in &mut cards {
                c.lang.clone_from(&other);
            }
            cards
        })
        .collect();
    all.sort_by(|a, b| (&a.first, &a.href).cmp(&(&b.first, &b.href)));
    all
}

#[derive(Serialize)]
pub struct TrainerView {
    name: String,
    role: Option<String>,
    /// "Days 1 and 2", "Day 1: After lunch" (none when they lead the whole delivery).
    leads: Option<String>,
}

/// What a delivery's page shows above its timetable.
#[derive(Serialize)]
pub struct DeliveryView {
    id: String,
    title: String,
    dates: Option<String>,
    venue: Option<String>,
    timezone: String,
    participants: Option<u32>,
    trainers: Vec<TrainerView>,
    /// Joining details: the body as HTML (this edition's).
    body: String,
    csv: String,
    ics: Option<String>,
    /// Its folder: the day's run sheet and sign-in sheet are in it.
    dir: String,
    /// Whether this edition has the run sheets and sign-in sheets (trainers').
    pub papers: bool,
}

pub fn delivery_view(
    p: &Programme,
    d: &Delivery,
    tr: &crate::i18n::Strings,
) -> (DeliveryView, Vec<DayView>) {
    let dir = d.dir(&p.slug);
    let dated = !d.days.is_empty() && d.days.iter().all(|x| x.date.is_some());
    let trainers = d
        .trainers
        .iter()
        .map(|t| {
            let mut leads: Vec<String> = Vec::new();
            if !t.days.is_empty() {
                let n: Vec<String> = t.days.iter().map(u32::to_string).collect();
                let days = n.join(", ");
                leads.push(tr.count("n_leads_days", n.len() as u64, &[("days", &days)]));
            }
            leads.extend(t.blocks.iter().map(|b| match b.split_once(':') {
                Some((day, id)) => tr.get(
                    "leads_block",
                    &[("day", day.trim()), ("block", &p.block_title(id.trim()))],
                ),
                None => b.clone(),
            }));
            TrainerView {
                name: t.name.clone(),
                role: t.role.clone(),
                leads: (!leads.is_empty()).then(|| leads.join("; ")),
            }
        })
        .collect();
    let view = DeliveryView {
        id: d.id.clone(),
        title: d.title.clone(),
        dates: d.dates_label(),
        venue: d.venue.clone().or(p.venue.clone()),
        timezone: d.timezone.clone(),
        participants: d.participants,
        trainers,
        body: d.md.html.clone(),
        csv: format!("{dir}/timetable.csv"),
        ics: dated.then(|| format!("{dir}/timetable.ics")),
        dir,
        papers: false,
    };
    (view, day_views_of(p, &d.timetable, &d.days, tr))
}

/// The files of a delivery's folder made without templates: (path, bytes).
pub fn delivery_files(
    p: &Programme,
    d: &Delivery,
    site_url: Option<&str>,
    tr: &crate::i18n::Strings,
) -> Vec<(String, Vec<u8>)> {
    let dir = d.dir(&p.slug);
    let mut out = vec![(
        format!("{dir}/timetable.csv"),
        super::csv::delivery(p, d, tr),
    )];
    if let Some(ics) = super::ics::delivery(p, d, site_url) {
        out.push((format!("{dir}/timetable.ics"), ics));
    }
    out
}
