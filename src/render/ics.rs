//! `timetable.ics`: one event per session (RFC 5545), for Outlook, Google and Apple
//! calendars. Times are local to the programme's zone, with a VTIMEZONE built from the
//! zone's transitions over the programme's years. The output is reproducible: UIDs come
//! from the programme and the session's source path, and SEQUENCE and DTSTAMP from when the
//! programme last changed (`model::changed`), so a calendar takes an edited event as an update.

use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use jiff::tz::{Offset, TimeZone};

use crate::model::timetable::Timetable;
use crate::model::{Day, Delivery, Programme};
use crate::util::encode_path;

/// What one calendar is made of: the programme's own run, or one delivery's.
struct Run<'a> {
    title: &'a str,
    timezone: &'a str,
    venue: Option<&'a str>,
    days: &'a [Day],
    timetable: &'a Timetable,
    /// The delivery's id, which every UID carries (none for the programme's own run).
    delivery: Option<&'a str>,
}

/// The calendar, or `None` when a day has no date (the loader notes which).
pub fn timetable(p: &Programme, site_url: Option<&str>) -> Option<Vec<u8>> {
    let run = Run {
        title: &p.title,
        timezone: &p.timezone,
        venue: p.venue.as_deref(),
        days: &p.days,
        timetable: &p.timetable,
        delivery: None,
    };
    calendar(p, &run, site_url)
}

/// A delivery's calendar: its dates and venue; UIDs its own (`+<id>` before the `@`).
pub fn delivery(p: &Programme, d: &Delivery, site_url: Option<&str>) -> Option<Vec<u8>> {
    let title = format!("{}: {}", p.title, d.title);
    let run = Run {
        title: &title,
        timezone: &d.timezone,
        venue: d.venue.as_deref().or(p.venue.as_deref()),
        days: &d.days,
        timetable: &d.timetable,
        delivery: Some(&d.id),
    };
    calendar(p, &run, site_url)
}

/// Long by design: one event's lines after another, in the order RFC 5545 readers expect.
fn calendar(p: &Programme, run: &Run, site_url: Option<&str>) -> Option<Vec<u8>> {
    if run.days.is_empty() || run.days.iter().any(|d| d.date.is_none()) {
        return None;
    }
    let tz = TimeZone::get(run.timezone).unwrap_or(TimeZone::UTC);
    let tzid = if run.timezone.is_empty() {
        "UTC"
    } else {
        run.timezone
    };
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//coursebook//coursebook//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!("X-WR-CALNAME:{}", text(run.title)),
        format!("X-WR-TIMEZONE:{tzid}"),
    ];
    let dates: Vec<Date> = run.days.iter().filter_map(|d| d.date).collect();
    let first = dates.iter().min().copied()?;
    let last = dates.iter().max().copied()?;
    lines.extend(vtimezone(&tz, tzid, first.year(), last.year()));
    let dtstamp = stamp(p.changed);
    for day in &run.timetable.days {
        let Some(date) = run
            .days
            .iter()
            .find(|d| d.number == day.number)
            .and_then(|d| d.date)
        else {
            continue;
        };
        for r in day.rows() {
            let crate::model::timetable::RowKind::Session(i) = r.kind else {
                continue;
            };
            let s = &p.sessions[i];
            lines.push("BEGIN:VEVENT".into());
            let id = uid(p.original_slug(), &s.file);
            match run.delivery {
                Some(d) => lines.push(format!("UID:{}", delivery_uid(&id, d))),
                None => lines.push(format!("UID:{id}")),
            }
            lines.push(format!("DTSTAMP:{dtstamp}"));
            lines.push(format!("SEQUENCE:{}", p.changed));
            lines.push(format!("DTSTART;TZID={tzid}:{}", local(date, r.start.0)));
            lines.push(format!("DTEND;TZID={tzid}:{}", local(date, r.end.0)));
            lines.push(format!("SUMMARY:{}", text(&s.title)));
            if let Some(v) = run.venue {
                lines.push(format!("LOCATION:{}", text(v)));
            }
            let url =
                site_url.map(|u| format!("{}/{}", u.trim_end_matches('/'), encode_path(&s.out)));
            let mut desc = s
                .summary
                .as_ref()
                .map(|x| x.text.clone())
                .unwrap_or_default();
            if let Some(u) = &url {
                if !desc.is_empty() {
                    desc.push_str("\n\n");
                }
                desc.push_str(u);
            }
            if !desc.is_empty() {
                lines.push(format!("DESCRIPTION:{}", text(&desc)));
            }
            if let Some(u) = &url {
                lines.push(format!("URL:{u}"));
            }
            lines.push("TRANSP:OPAQUE".into());
            lines.push("END:VEVENT".into());
        }
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for l in &lines {
        out.push_str(&fold(l));
    }
    Some(out.into_bytes())
}

/// Stable from build to build, and one source path's alone: the programme folder and the
/// file's path in it, each byte outside `A-Z a-z 0-9 . _ -` (and the path's `/`) written as
/// `%XX`, so no two paths share a UID (`x/y-z.md` and `x-y/z.md` once did).
pub fn uid(slug: &str, file: &str) -> String {
    format!("{}/{}@coursebook", encode(slug, false), encode(file, true))
}

/// A session's UID in a delivery's calendar: its UID with `+<id>` before the `@`. `+` is
/// encoded in every path, so no delivery's UID is the programme's own or another's.
pub fn delivery_uid(session_uid: &str, delivery: &str) -> String {
    let base = session_uid
        .strip_suffix("@coursebook")
        .unwrap_or(session_uid);
    format!("{base}+{}@coursebook", encode(delivery, false))
}

fn encode(s: &str, slashes: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"._-".contains(&b) || (slashes && b == b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The UTC instant `seconds` after [`crate::model::changed::EPOCH`], as `YYYYMMDDTHHMMSSZ`.
fn stamp(seconds: u64) -> String {
    let epoch = crate::model::changed::EPOCH.as_secs() as i64;
    let ts = i64::try_from(seconds)
        .ok()
        .and_then(|s| Timestamp::from_second(epoch + s).ok())
        .unwrap_or(Timestamp::UNIX_EPOCH);
    ts.strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// `YYYYMMDDTHHMMSS` for a clock time on a date; a time past midnight runs into the next day.
fn local(date: Date, minutes: u32) -> String {
    let date = date
        .checked_add(jiff::Span::new().days(i64::from(minutes / 1440)))
        .unwrap_or(date);
    let m = minutes % 1440;
    format!(
        "{:04}{:02}{:02}T{:02}{:02}00",
        date.year(),
        date.month(),
        date.day(),
        m / 60,
        m % 60
    )
}

fn civil(dt: DateTime) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}",
        dt.year(),
        dt.month(),
        dt.day(),
        dt.hour(),
        dt.minute(),
        dt.second()
    )
}

fn offset(o: Offset) -> String {
    let s = o.seconds();
    let sign = if s < 0 { '-' } else { '+' };
    let a = s.unsigned_abs();
    if a.is_multiple_of(60) {
        format!("{sign}{:02}{:02}", a / 3600, a / 60 % 60)
    } else {
        format!("{sign}{:02}{:02}{:02}", a / 3600, a / 60 % 60, a % 60)
    }
}

/// STANDARD and DAYLIGHT parts for every transition in the programme's years, plus the one
/// in force when they begin, so every event's local time maps to one offset.
fn vtimezone(tz: &TimeZone, tzid: &str, first_year: i16, last_year: i16) -> Vec<String> {
    let start = Date::new(first_year, 1, 1)
        .ok()
        .and_then(|d| {
            tz.to_timestamp(d.to_datetime(jiff::civil::Time::midnight()))
                .ok()
        })
        .unwrap_or(Timestamp::UNIX_EPOCH);
    let end = Date::new(last_year.saturating_add(1), 1, 1)
        .ok()
        .and_then(|d| {
            tz.to_timestamp(d.to_datetime(jiff::civil::Time::midnight()))
                .ok()
        })
        .unwrap_or(start);
    let mut transitions: Vec<(Timestamp, Offset, Offset, String, bool)> = Vec::new();
    let mut push = |t: &jiff::tz::TimeZoneTransition| {
        let before = tz.to_offset(t.timestamp() - jiff::SignedDuration::from_secs(1));
        transitions.push((
            t.timestamp(),
            before,
            t.offset(),
            t.abbreviation().to_string(),
            t.dst().is_dst(),
        ));
    };
    if let Some(t) = tz.preceding(start).next() {
        push(&t);
    }
    for t in tz.following(start) {
        if t.timestamp() >= end {
            break;
        }
        push(&t);
    }
    let mut lines = vec!["BEGIN:VTIMEZONE".to_string(), format!("TZID:{tzid}")];
    if transitions.is_empty() {
        // A zone without changes (UTC, or one that stopped changing long ago).
        let o = tz.to_offset(start);
        lines.extend([
            "BEGIN:STANDARD".to_string(),
            "DTSTART:19700101T000000".into(),
            format!("TZOFFSETFROM:{}", offset(o)),
            format!("TZOFFSETTO:{}", offset(o)),
            format!("TZNAME:{}", text(&abbreviation(tz, start))),
            "END:STANDARD".into(),
        ]);
    }
    for (ts, from, to, abbr, dst) in transitions {
        let kind = if dst { "DAYLIGHT" } else { "STANDARD" };
        lines.extend([
            format!("BEGIN:{kind}"),
            // The wall-clock time at which the change happens, in the offset before it.
            format!("DTSTART:{}", civil(from.to_datetime(ts))),
            format!("TZOFFSETFROM:{}", offset(from)),
            format!("TZOFFSETTO:{}", offset(to)),
            format!("TZNAME:{}", text(&abbr)),
            format!("END:{kind}"),
        ]);
    }
    lines.push("END:VTIMEZONE".into());
    lines
}

fn abbreviation(tz: &TimeZone, ts: Timestamp) -> String {
    tz.to_offset_info(ts).abbreviation().to_string()
}

/// TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newlines.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded so that no line exceeds 75 octets (the leading space of a
/// continuation counts), never splitting a UTF-8 character; each line ends with CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_at_75_octets_on_char_boundaries() {
        let line = format!("SUMMARY:{}", "é".repeat(60));
        let folded = fold(&line);
        for l in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
        assert_eq!(fold("A:b"), "A:b\r\n");
    }

    #[test]
    fn uids_tell_every_source_path_apart() {
        assert_ne!(uid("x", "y-z.md"), uid("x-y", "z.md"));
        assert_ne!(uid("p", "x/y-z.md"), uid("p", "x-y/z.md"));
        assert_ne!(uid("p", "a b.md"), uid("p", "a%20b.md"));
        assert_eq!(
            uid("prog", "day-1/a intro.md"),
            "prog/day-1/a%20intro.md@coursebook"
        );
        assert_eq!(stamp(0), "20200101T000000Z");
        assert_eq!(stamp(86_400 + 61), "20200102T000101Z");
    }

    #[test]
    fn escapes_text() {
        assert_eq!(text("a\\b;c,d\ne\r\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
    }

    #[test]
    fn london_has_both_changes_in_2027() {
        let tz = TimeZone::get("Europe/London").unwrap();
        let v = vtimezone(&tz, "Europe/London", 2027, 2027).join("\n");
        assert!(
            v.contains(
                "BEGIN:DAYLIGHT\nDTSTART:20270328T010000\nTZOFFSETFROM:+0000\nTZOFFSETTO:+0100"
            ),
            "{v}"
        );
        assert!(
            v.contains(
                "BEGIN:STANDARD\nDTSTART:20271031T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0000"
            ),
            "{v}"
        );
        let u = vtimezone(&TimeZone::UTC, "UTC", 2027, 2027).join("\n");
        assert!(u.contains("TZOFFSETTO:+0000"), "{u}");
    }
}
