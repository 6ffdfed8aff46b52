//! `new session`'s edits to a programme: a day missing from an explicit `days:` list is
//! added to the YAML text (only lines added, comments and layout kept), and the block a
//! new session goes in when `--block` is not given.

use std::path::Path;

use crate::Audience;
use crate::content::{frontmatter, normalise, yaml};
use crate::diagnostics::Diagnostic;
use crate::model::timetable::Segment;

/// What the programme's `index.md` needs for a session on `day`: `None` when it has the
/// day already (or no `days:` list, so days come from sessions); else its new text and
/// the titles of the days added. An error says what to add by hand where the list cannot
/// be edited safely (a flow list such as `days: [...]`, or an edit that would not read
/// back as the same list with the days added).
pub(super) fn add_days(
    text: &str,
    day: u32,
    display: &str,
) -> Result<Option<(String, Vec<String>)>, Diagnostic> {
    let Some(days) = listed_days(text, display)? else {
        return Ok(None);
    };
    let have = days.len() as u32;
    if day <= have {
        return Ok(None);
    }
    let last_date = days
        .last()
        .and_then(|d| d.get("date"))
        .and_then(|n| n.as_text())
        .and_then(|t| t.trim().parse::<jiff::civil::Date>().ok());
    let items: Vec<String> = (have + 1..=day)
        .map(|n| {
            let date = last_date
                .and_then(|d| {
                    d.checked_add(jiff::Span::new().days(i64::from(n - have)))
                        .ok()
                })
                .map_or(String::new(), |d| format!(", date: {d}"));
            format!("{{ title: Day {n}{date} }}")
        })
        .collect();
    let refuse = || {
        Diagnostic::error(
            display,
            format!("day {day} is not in the programme's `days:` list, which cannot be edited safely here"),
        )
        .hint(format!(
            "add {} under `days:` in {display}, then run this again",
            items
                .iter()
                .map(|i| format!("`- {i}`"))
                .collect::<Vec<_>>()
                .join(" and ")
        ))
    };
    let edited = insert_items(text, &items).ok_or_else(refuse)?;
    // The edit must read back as the same programme with the days added.
    match listed_days(&edited, display) {
        Ok(Some(after)) if after.len() as u32 == day => {}
        _ => return Err(refuse()),
    }
    let titles = (have + 1..=day).map(|n| format!("Day {n}")).collect();
    Ok(Some((edited, titles)))
}

/// The items of the front matter's `days:` list; `None` without one.
fn listed_days(text: &str, display: &str) -> Result<Option<Vec<yaml::Node>>, Diagnostic> {
    let text = normalise(text.to_string());
    let split = frontmatter::split(&text)
        .map_err(|(line, msg)| Diagnostic::error(display, msg).at(line, 1))?;
    let Some(y) = split.yaml else {
        return Ok(None);
    };
    let node = yaml::parse(display, y, split.yaml_line)?;
    match node.get("days").map(|d| &d.value) {
        None => Ok(None),
        Some(yaml::Value::Seq(items)) => Ok(Some(items.clone())),
        Some(_) => Err(Diagnostic::error(display, "`days` is not a list")
            .hint("- { title: Day one, date: 2027-03-01 }, one line per day")),
    }
}

/// `text` with `items` added as lines at the end of its block-style `days:` list, indented
/// as its first item is; `None` when the list is not written one item per line.
fn insert_items(text: &str, items: &[String]) -> Option<String> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let bare = |l: &str| l.trim_end_matches(['\n', '\r']).to_string();
    // The front matter's lines: after the first `---`, up to the closing one.
    let close = lines
        .iter()
        .skip(1)
        .position(|l| matches!(bare(l).as_str(), "---" | "..."))?
        + 1;
    let key = (1..close).find(|&i| {
        let l = bare(lines[i]);
        l.strip_prefix("days:")
            .is_some_and(|rest| rest.trim().is_empty() || rest.trim_start().starts_with('#'))
    })?;
    let mut last = None;
    let mut first_item = None;
    for (i, line) in lines.iter().enumerate().take(close).skip(key + 1) {
        let l = bare(line);
        let t = l.trim_start();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if l.starts_with([' ', '\t']) || t.starts_with('-') {
            if first_item.is_none() && t.starts_with('-') {
                first_item = Some(l[..l.len() - t.len()].to_string());
            }
            last = Some(i);
        } else {
            break;
        }
    }
    let (last, indent) = (last?, first_item?);
    let eol = if lines[last].ends_with("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let mut out = String::with_capacity(text.len() + 64);
    for (i, l) in lines.iter().enumerate() {
        out.push_str(l);
        if i == last {
            if !l.ends_with('\n') {
                out.push_str(eol);
            }
            for it in items {
                out.push_str(&format!("{indent}- {it}{eol}"));
            }
        }
    }
    Some(out)
}

/// The block for a new session on `day` when `--block` is not given: the last block that
/// day's sessions use (so it comes last in the day), or the first block for a day without
/// sessions; and why, in words.
pub(super) fn default_block(
    root: &Path,
    programme: &str,
    day: u32,
    blocks: &[String],
) -> (String, String) {
    let (site, _) = crate::load(root, Audience::Trainer);
    let last = site.as_ref().and_then(|s| {
        let p = s.programmes.iter().find(|p| p.slug == programme)?;
        let d = p.timetable.days.iter().find(|d| d.number == day)?;
        d.segments.iter().rev().find_map(|s| match s {
            Segment::Block { id, .. } if blocks.contains(id) => Some(id.clone()),
            _ => None,
        })
    });
    match last {
        Some(b) => (b, format!("the last block of day {day}")),
        None => (
            blocks.first().cloned().unwrap_or_default(),
            format!("the first block: day {day} has no sessions yet"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE_DAY: &str = "---\ntitle: T\n# the days\ndays:   # one so far\n  - { title: Day one, date: 2027-03-01 }\n  # a comment\nend: \"16:30\"\n---\nBody\n";

    #[test]
    fn a_missing_day_is_added_after_the_last_item_with_comments_kept() {
        let (text, titles) = add_days(ONE_DAY, 3, "x.md").unwrap().unwrap();
        assert_eq!(titles, vec!["Day 2", "Day 3"]);
        assert_eq!(
            text,
            "---\ntitle: T\n# the days\ndays:   # one so far\n  - { title: Day one, date: 2027-03-01 }\n  - { title: Day 2, date: 2027-03-02 }\n  - { title: Day 3, date: 2027-03-03 }\n  # a comment\nend: \"16:30\"\n---\nBody\n"
        );
        assert!(add_days(ONE_DAY, 1, "x.md").unwrap().is_none());
        assert!(
            add_days("---\ntitle: T\n---\n", 4, "x.md")
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn a_flow_list_is_refused_with_the_line_to_add() {
        let e = add_days("---\ntitle: T\ndays: [{ title: A }]\n---\n", 2, "x.md").unwrap_err();
        assert!(e.message.contains("cannot be edited safely"), "{e:?}");
        assert!(e.hint.unwrap().contains("`- { title: Day 2 }`"));
    }

    #[test]
    fn crlf_lines_stay_crlf() {
        let t = "---\r\ntitle: T\r\ndays:\r\n- { title: A }\r\n---\r\n";
        let (text, _) = add_days(t, 2, "x.md").unwrap().unwrap();
        assert_eq!(
            text,
            "---\r\ntitle: T\r\ndays:\r\n- { title: A }\r\n- { title: Day 2 }\r\n---\r\n"
        );
    }
}
