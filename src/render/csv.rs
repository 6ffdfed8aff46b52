//! `timetable.csv`: day,date,start,end,minutes,kind,title,block,format,page

use crate::model::timetable::{RowKind, Timetable};
use crate::model::{Day, Delivery, Programme};

/// The header is the contract and stays English; the human columns' words (free time)
/// are the site's language.
pub fn timetable(p: &Programme, tr: &crate::i18n::Strings) -> Vec<u8> {
    rows(p, &p.timetable, &p.days, tr)
}

/// A delivery's timetable: the same columns, its own days and dates.
pub fn delivery(p: &Programme, d: &Delivery, tr: &crate::i18n::Strings) -> Vec<u8> {
    rows(p, &d.timetable, &d.days, tr)
}

fn rows(p: &Programme, tt: &Timetable, days: &[Day], tr: &crate::i18n::Strings) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "day", "date", "start", "end", "minutes", "kind", "title", "block", "format", "page",
    ]);
    for d in &tt.days {
        let date = days
            .iter()
            .find(|x| x.number == d.number)
            .and_then(|x| x.date)
            .map(|x| x.to_string())
            .unwrap_or_default();
        for r in d.rows() {
            let (kind, title, block, format, page) = match &r.kind {
                RowKind::Session(i) => {
                    let s = &p.sessions[*i];
                    (
                        "session",
                        s.title.clone(),
                        s.block.clone(),
                        s.format.clone().unwrap_or_default(),
                        s.out.clone(),
                    )
                }
                RowKind::Break(t) => (
                    "break",
                    super::view::default_title(p, t, tr),
                    String::new(),
                    String::new(),
                    String::new(),
                ),
                RowKind::Free => (
                    "free",
                    tr.get("free_time", &[]),
                    String::new(),
                    String::new(),
                    String::new(),
                ),
                RowKind::Reserved => (
                    "reserved",
                    crate::model::load::RESERVED_TITLE.to_string(),
                    String::new(),
                    String::new(),
                    String::new(),
                ),
            };
            // Every cell through the guard: a block id or a folder name is the author's too.
            let cells = [
                d.number.to_string(),
                date.clone(),
                r.start.to_string(),
                r.end.to_string(),
                r.minutes().to_string(),
                kind.to_string(),
                title,
                block,
                format,
                page,
            ];
            let _ = w.write_record(cells.iter().map(|c| safe_cell(c)));
        }
    }
    w.into_inner().unwrap_or_default()
}

/// Cells that a spreadsheet would run as a formula get a leading apostrophe.
pub fn safe_cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}
