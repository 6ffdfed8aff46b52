//! A delivery's file (`<programme>/deliveries/<id>.md`): its dates, venue, trainers and
//! plan as written, with where each is written for the checks made when the programme is
//! put together (`deliveries.rs`).

use super::Pos;
use super::file::Source;
use super::values::{audience_of, parse_clock};
use super::{Parsed, audience::Scope};
use crate::content::markdown::Body;
use crate::content::yaml::{Fields, Node, Value};
use crate::diagnostics::Diagnostic;
use crate::model::{Clock, Delivery, Fragment, Trainer};

const DELIVERY_KEYS: &[&str] = &[
    "title",
    "venue",
    "timezone",
    "days",
    "trainers",
    "participants",
    "audience",
];
const DAY_KEYS: &[&str] = &["date", "start", "end", "blocks"];
const TRAINER_KEYS: &[&str] = &["name", "role", "days", "blocks"];

/// One day as written: a date, perhaps a start and end, perhaps the blocks it runs.
#[derive(Clone, Debug)]
pub(super) struct DayHead {
    pub(super) pos: Pos,
    pub(super) date: Option<jiff::civil::Date>,
    pub(super) start: Option<Clock>,
    pub(super) end: Option<(Clock, Pos)>,
    /// `"<day>:<block>"` entries, each where it is written; `None` when not listed.
    pub(super) blocks: Option<Vec<(String, Pos)>>,
}

/// A delivery as its file gives it, before the programme's blocks and sessions are known.
#[derive(Clone)]
pub(super) struct DeliveryHead {
    pub(super) d: Delivery,
    pub(super) title_given: bool,
    pub(super) timezone_given: bool,
    pub(super) days_pos: Pos,
    pub(super) days: Vec<DayHead>,
    pub(super) trainer_pos: Vec<Pos>,
}

/// The delivery's id: its file name without `.md`.
fn id_of(rel: &str) -> String {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.strip_suffix(".md").unwrap_or(name).to_string()
}

pub(super) fn delivery_file(
    src: &Source,
    slug: &str,
    scope: &Scope,
    diags: &mut Vec<Diagnostic>,
) -> Parsed {
    let in_folder = src.f.rel.split_once("/deliveries/").map(|(_, n)| n);
    if in_folder.is_some_and(|n| n.contains('/')) {
        diags.push(
            Diagnostic::error(&src.f.display, "a delivery sits directly in its programme's `deliveries/` folder")
                .at(1, 1)
                .hint(format!("move it to content/{slug}/deliveries/<id>.md; files in folders under deliveries/ are not read")),
        );
        return Parsed::Skipped;
    }
    let trainer_only = audience_of(src.f, &src.node, diags) == Some(true) || scope.trainer_only;
    let hidden = trainer_only && src.participant();
    let md = src.render(if hidden { Body::Hidden } else { Body::Shared }, diags);
    let Some(mut head) = parse(src, diags) else {
        return Parsed::Skipped;
    };
    head.d.trainer_only = trainer_only;
    if hidden {
        let f = src.f;
        let mut frags = vec![];
        let node_text = |k: &str| src.node.get(k).and_then(|n| n.as_text().map(|t| (t, n)));
        for k in ["title", "venue"] {
            if let Some((t, n)) = node_text(k) {
                frags.push(Fragment::new(&f.display, &t).at(n.line, n.col));
            }
        }
        frags.extend(
            md.dropped
                .iter()
                .map(|d| Fragment::new(&f.display, &d.text).at(d.line, d.col)),
        );
        let dir = head.d.dir(slug);
        frags.push(Fragment::path(&f.display, &format!("{dir}/index.html")));
        for file in [
            "timetable.csv",
            "timetable.ics",
            "evaluation.html",
            "evaluation.docx",
        ] {
            frags.push(Fragment::path(&f.display, &format!("{dir}/{file}")));
        }
        return Parsed::TrainerOnly(frags);
    }
    head.d.md = std::sync::Arc::new(md);
    Parsed::Delivery(Box::new(head))
}

fn parse(src: &Source, diags: &mut Vec<Diagnostic>) -> Option<DeliveryHead> {
    let f = src.f;
    let mut fl = Fields::new(
        &f.display,
        &src.node,
        "delivery front matter",
        DELIVERY_KEYS,
    );
    let title = fl.text("title");
    let venue = fl.text("venue");
    let timezone = fl.text_node("timezone").map(|(tz, n)| {
        if jiff::tz::TimeZone::get(&tz).is_err() {
            fl.error_at(
                n,
                format!("unknown time zone `{tz}`"),
                Some("use an IANA name such as Europe/London or UTC".into()),
            );
        }
        tz
    });
    let participants = fl.int("participants", 1, 1000).map(|(n, _)| n as u32);
    let days_pos = fl.node("days").map(Pos::of).unwrap_or(Pos {
        line: src.node.line.max(1),
        col: 1,
    });
    let days = match fl.seq("days") {
        Some(items) => items.iter().map(|it| day(&mut fl, it)).collect(),
        None => {
            fl.missing(
                "days",
                "delivery front matter",
                "list its days, e.g. days: [{ date: 2027-04-12 }, { date: 2027-04-13 }]",
            );
            Vec::new()
        }
    };
    let mut trainers = Vec::new();
    let mut trainer_pos = Vec::new();
    for it in fl.seq("trainers").unwrap_or(&[]) {
        if let Some(t) = trainer(&mut fl, it) {
            trainers.push(t);
            trainer_pos.push(Pos::of(it));
        }
    }
    // Read on past mistakes: the plan's checks still run (the errors stop the build).
    diags.append(&mut fl.diags);
    Some(DeliveryHead {
        d: Delivery {
            id: id_of(&f.rel),
            src: f.display.clone(),
            title: title.clone().unwrap_or_default(),
            venue,
            timezone: timezone.clone().unwrap_or_default(),
            days: Vec::new(),
            plan: Vec::new(),
            trainers,
            participants,
            trainer_only: false,
            md: Default::default(),
            timetable: Default::default(),
            locale: Default::default(),
        },
        title_given: title.is_some(),
        timezone_given: timezone.is_some(),
        days_pos,
        days,
        trainer_pos,
    })
}

fn day(fl: &mut Fields, it: &Node) -> DayHead {
    let mut df = Fields::new(fl.path, it, "a delivery day", DAY_KEYS);
    let date = match df.text_node("date") {
        Some((t, n)) => match t.trim().parse::<jiff::civil::Date>() {
            Ok(d) => Some(d),
            Err(_) => {
                df.error_at(
                    n,
                    format!("`date` is `{t}`, not a date"),
                    Some("write dates as YYYY-MM-DD, e.g. 2027-04-12".into()),
                );
                None
            }
        },
        None => {
            df.error_at(
                it,
                "each delivery day needs a `date`",
                Some("e.g. { date: 2027-04-12 }".into()),
            );
            None
        }
    };
    let start = parse_clock(&mut df, "start").map(|(c, _)| c);
    let end = parse_clock(&mut df, "end");
    let blocks = df.node("blocks").is_some().then(|| {
        df.list_nodes("blocks")
            .into_iter()
            .map(|(s, n)| (s, Pos::of(n)))
            .collect()
    });
    fl.diags.append(&mut df.diags);
    DayHead {
        pos: Pos::of(it),
        date,
        start,
        end,
        blocks,
    }
}

/// A trainer: a name alone, or `{ name, role, days, blocks }`.
fn trainer(fl: &mut Fields, it: &Node) -> Option<Trainer> {
    if let Some(name) = it.as_text().filter(|_| !matches!(it.value, Value::Map(_))) {
        return Some(Trainer {
            name,
            role: None,
            days: Vec::new(),
            blocks: Vec::new(),
        });
    }
    let mut tf = Fields::new(fl.path, it, "a trainer", TRAINER_KEYS);
    let name = tf.text("name");
    if name.is_none() {
        tf.error_at(
            it,
            "each trainer needs a `name`",
            Some("e.g. { name: Sam Lee, role: lead, days: [1] }".into()),
        );
    }
    let role = tf.text("role");
    let mut days = Vec::new();
    for (t, n) in tf.list_nodes("days") {
        match t.trim().parse::<u32>() {
            Ok(d) if d > 0 => days.push(d),
            _ => tf.error_at(
                n,
                format!("`{t}` is not a day number"),
                Some("list the delivery's day numbers, e.g. days: [1, 2]".into()),
            ),
        }
    }
    let blocks = tf.list("blocks");
    fl.diags.append(&mut tf.diags);
    Some(Trainer {
        name: name?,
        role,
        days,
        blocks,
    })
}
