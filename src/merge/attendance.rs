//! Who attended: an `attended` column, or a column per day (`Day 1`, the day's title, or its
//! date), each cell yes or no. Read by `merge` (a certificate only for those who attended)
//! and by `register` (the attendance summary).

use crate::model::{Day, Programme};

use super::Table;

/// Where a list says who attended.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Columns {
    /// The `attended` column (any case).
    pub attended: Option<usize>,
    /// (day number, column) for each day the list has a column for, in day order.
    pub days: Vec<(u32, usize)>,
}

impl Columns {
    pub fn is_empty(&self) -> bool {
        self.attended.is_none() && self.days.is_empty()
    }

    /// Whether column `i` is one of these.
    pub fn holds(&self, i: usize) -> bool {
        self.attended == Some(i) || self.days.iter().any(|&(_, c)| c == i)
    }
}

/// The columns of `table` that say who attended `p`'s days.
pub fn columns(table: &Table, p: &Programme) -> Columns {
    columns_of(table, &p.days)
}

/// The columns of `table` that say who attended `days` (a programme's or a delivery's).
pub fn columns_of(table: &Table, days: &[Day]) -> Columns {
    let days: Vec<ListDay> = days
        .iter()
        .map(|d| ListDay {
            number: d.number,
            title: d.title.clone(),
            date: d.date.map(|x| x.to_string()),
        })
        .collect();
    columns_in(&table.header, &days)
}

/// A day as a list's columns may name it: `Day 1`, its title, or its date (`YYYY-MM-DD`).
/// The letter page's save kit carries these for `letter-save.js`, which reads the columns
/// the same way (`tests/cases/shared.json`, `attendance_columns`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ListDay {
    pub number: u32,
    pub title: String,
    pub date: Option<String>,
}

/// The columns of `header` that say who attended `days`: case, spaces and punctuation
/// aside, `attended`, and per day `Day N`, its title or its date.
pub fn columns_in(header: &[String], days: &[ListDay]) -> Columns {
    let norm = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let header: Vec<String> = header.iter().map(|h| norm(h)).collect();
    let attended = header.iter().position(|h| h == "attended");
    let days = days
        .iter()
        .filter_map(|d| {
            let names = [
                format!("day{}", d.number),
                norm(&d.title),
                d.date.as_deref().map(norm).unwrap_or_default(),
            ];
            header
                .iter()
                .position(|h| !h.is_empty() && names.iter().any(|n| n == h))
                .map(|c| (d.number, c))
        })
        .collect();
    Columns { attended, days }
}

/// A cell's yes or no: `yes`, `y`, `x`, `✓`, `✔`, `true`, `1`, `present`, `attended` are
/// yes; `no`, `n`, `false`, `0`, `absent` and an empty cell are no; anything else is `None`.
pub fn yes(cell: &str) -> Option<bool> {
    match cell.trim().to_lowercase().as_str() {
        "yes" | "y" | "x" | "✓" | "✔" | "☑" | "true" | "1" | "present" | "attended" => {
            Some(true)
        }
        "no" | "n" | "" | "false" | "0" | "absent" | "-" | "✗" | "✘" => Some(false),
        _ => None,
    }
}

/// Whether a row's person attended, and if not, why: `Ok(())` or `Err(reason)`.
/// Without any attendance column everyone on the list attended.
pub fn attended(cols: &Columns, header: &[String], cells: &[String]) -> Result<(), String> {
    let cell = |c: usize| cells.get(c).map(String::as_str).unwrap_or("");
    if let Some(c) = cols.attended {
        let v = cell(c);
        return match yes(v) {
            Some(true) => Ok(()),
            Some(false) if v.trim().is_empty() => Err(format!("`{}` is empty", header[c])),
            _ => Err(format!("`{}` is `{}`", header[c], v.trim())),
        };
    }
    if !cols.days.is_empty() && !cols.days.iter().any(|&(_, c)| yes(cell(c)) == Some(true)) {
        return Err("no day is marked as attended".to_string());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_yes_or_no() {
        for y in ["yes", "Y", "x", "✓", "TRUE", "1", " present "] {
            assert_eq!(yes(y), Some(true), "{y}");
        }
        for n in ["no", "N", "", "0", "absent"] {
            assert_eq!(yes(n), Some(false), "{n}");
        }
        assert_eq!(yes("maybe"), None);
    }

    #[test]
    fn a_row_attended_by_its_column() {
        let header = vec!["name".to_string(), "Attended".to_string()];
        let cols = Columns {
            attended: Some(1),
            days: vec![],
        };
        let row = |v: &str| vec!["Sam".to_string(), v.to_string()];
        assert!(attended(&cols, &header, &row("yes")).is_ok());
        assert_eq!(
            attended(&cols, &header, &row("no")),
            Err("`Attended` is `no`".into())
        );
        assert_eq!(
            attended(&cols, &header, &row("")),
            Err("`Attended` is empty".into())
        );
        let by_day = Columns {
            attended: None,
            days: vec![(1, 1)],
        };
        assert!(attended(&by_day, &header, &row("✓")).is_ok());
        assert!(attended(&by_day, &header, &row("")).is_err());
    }
}
