//! Clock times of a day, as minutes since midnight, and date labels.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Clock(pub u32);

impl Clock {
    /// `HH:MM` (24-hour; `9:30` accepted).
    pub fn parse(s: &str) -> Option<Clock> {
        let (h, m) = s.trim().split_once(':')?;
        if h.is_empty() || h.len() > 2 || m.len() != 2 {
            return None;
        }
        let h: u32 = h.parse().ok()?;
        let m: u32 = m.parse().ok()?;
        (h < 24 && m < 60).then_some(Clock(h * 60 + m))
    }
    pub fn plus(self, minutes: u32) -> Clock {
        Clock(self.0 + minutes)
    }
}

impl fmt::Display for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

/// "30 min", "1 h", "1 h 15 min".
pub fn minutes_label(m: u32) -> String {
    match (m / 60, m % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// "Monday 1 March 2027".
pub fn date_long(d: jiff::civil::Date) -> String {
    d.strftime("%A %-d %B %Y").to_string()
}

/// "1 March 2027", "1 and 2 March 2027", "1, 2 and 8 March 2027", "30 March and 1 April 2027".
pub fn dates_label(dates: &[jiff::civil::Date]) -> Option<String> {
    let first = *dates.first()?;
    let same_month = dates
        .iter()
        .all(|d| d.month() == first.month() && d.year() == first.year());
    let same_year = dates.iter().all(|d| d.year() == first.year());
    let parts: Vec<String> = if same_month {
        dates.iter().map(|d| d.day().to_string()).collect()
    } else if same_year {
        dates
            .iter()
            .map(|d| d.strftime("%-d %B").to_string())
            .collect()
    } else {
        dates
            .iter()
            .map(|d| d.strftime("%-d %B %Y").to_string())
            .collect()
    };
    let joined = match parts.len() {
        1 => parts[0].clone(),
        n => format!("{} and {}", parts[..n - 1].join(", "), parts[n - 1]),
    };
    Some(if same_month {
        format!("{joined} {}", first.strftime("%B %Y"))
    } else if same_year {
        format!("{joined} {}", first.year())
    } else {
        joined
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn parses_and_prints() {
        assert_eq!(Clock::parse("09:30"), Some(Clock(570)));
        assert_eq!(Clock::parse("9:05"), Some(Clock(545)));
        assert_eq!(Clock::parse("24:00"), None);
        assert_eq!(Clock::parse("9.30"), None);
        assert_eq!(Clock(570).to_string(), "09:30");
        assert_eq!(minutes_label(75), "1 h 15 min");
    }

    #[test]
    fn date_labels() {
        assert_eq!(
            dates_label(&[date(2027, 3, 1), date(2027, 3, 2)]).unwrap(),
            "1 and 2 March 2027"
        );
        assert_eq!(
            dates_label(&[date(2027, 3, 31), date(2027, 4, 1)]).unwrap(),
            "31 March and 1 April 2027"
        );
        assert_eq!(date_long(date(2027, 3, 1)), "Monday 1 March 2027");
    }
}
