//! `<programme>/schedule.js`: the dated days of a programme as the page's script needs them
//! for "now and next" and "running late" (`themes/default/static/now.js`). A script file
//! that assigns to a global, since pages opened from `file://` cannot fetch JSON. Made from
//! the day views, so a participant build holds only the participant model's rows: a
//! trainer-only session is a reserved row with no title of its own and no link.

use serde::Serialize;

use super::Output;
use super::view::{DayView, RowType};
use crate::model::Programme;

/// The global the file assigns to.
pub const GLOBAL: &str = "coursebookSchedule";

/// Where a programme's schedule goes.
pub fn path(slug: &str) -> String {
    format!("{slug}/schedule.js")
}

#[derive(Serialize)]
struct Schedule<'a> {
    programme: &'a str,
    title: &'a str,
    /// IANA name: the clock the times are read by, whatever the device's zone.
    timezone: &'a str,
    /// With `[output.html] clock = "12h"`: the build's forms of a morning and an evening
    /// time, `{t}` for `h:mm` ("{t} am"), so `now.js` writes moved times as the page does.
    /// Absent: `HH:MM`, as every supported language writes a 24-hour time.
    #[serde(skip_serializing_if = "Option::is_none")]
    clock: Option<TwelveHour>,
    days: Vec<Day<'a>>,
}

#[derive(Serialize)]
struct TwelveHour {
    am: String,
    pm: String,
}

fn twelve_hour(locale: &crate::model::clock::Locale) -> Option<TwelveHour> {
    use crate::model::clock::{Clock, HourClock};
    if locale.clock != HourClock::H12 {
        return None;
    }
    let form = |c: Clock| locale.time(c).replacen("9:30", "{t}", 1);
    Some(TwelveHour {
        am: form(Clock(9 * 60 + 30)),
        pm: form(Clock(21 * 60 + 30)),
    })
}

#[derive(Serialize)]
struct Day<'a> {
    number: u32,
    title: &'a str,
    date: &'a str,
    /// "Monday 1 March 2027".
    label: &'a str,
    start: &'a str,
    end: &'a str,
    rows: Vec<Row<'a>>,
}

#[derive(Serialize)]
struct Row<'a> {
    start: &'a str,
    end: &'a str,
    title: &'a str,
    kind: RowType,
    /// Site-relative; `None` for breaks, free time and reserved rows.
    href: Option<&'a str>,
    fixed: bool,
}

/// The schedule file, when the programme has a dated day (the bar has nothing to say of
/// days without a date).
pub fn schedule(p: &Programme, days: &[DayView]) -> Option<Output> {
    let whose = Whose {
        key: p.original_slug(),
        title: &p.title,
        timezone: &p.timezone,
        locale: &p.locale,
    };
    schedule_of(&whose, days, path(&p.slug))
}

/// Whose schedule a file is: the key running-late delays are kept under on the device
/// (the programme's slug, or `<slug>/deliveries/<id>` for a delivery, so two runs on one
/// date do not share a delay), the title and the zone its clock is read in.
pub struct Whose<'a> {
    pub key: &'a str,
    pub title: &'a str,
    pub timezone: &'a str,
    /// How clock times are written (the 12-hour forms `now.js` writes moved times in).
    pub locale: &'a crate::model::clock::Locale,
}

/// The schedule file of `days` (a programme's or a delivery's day views) at `path`.
pub fn schedule_of(whose: &Whose, days: &[DayView], path: String) -> Option<Output> {
    let days: Vec<Day> = days
        .iter()
        .filter_map(|d| {
            Some(Day {
                number: d.number,
                title: &d.title,
                date: d.date_iso.as_deref()?,
                label: d.date.as_deref().unwrap_or_default(),
                start: &d.start_iso,
                end: &d.end_iso,
                rows: d
                    .segments
                    .iter()
                    .flat_map(|s| &s.rows)
                    .map(|r| Row {
                        start: &r.start_iso,
                        end: &r.end_iso,
                        title: &r.title,
                        kind: r.kind,
                        href: r.href.as_deref(),
                        fixed: r.fixed,
                    })
                    .collect(),
            })
        })
        .collect();
    if days.is_empty() {
        return None;
    }
    let s = Schedule {
        programme: whose.key,
        title: whose.title,
        timezone: whose.timezone,
        clock: twelve_hour(whose.locale),
        days,
    };
    // Plain strings and numbers always serialise; were they not to, the pages would simply
    // show no bar.
    let json = serde_json::to_string(&s).ok()?;
    let js = format!("window.{GLOBAL} = {json};\n");
    Some(Output::bytes(path, js.into_bytes()))
}
