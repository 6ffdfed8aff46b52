//! Session lengths as authors write them: `30`, `30m`, `30 mins`, `1h 30m`, `1:30`,
//! `1 hr 15 mins`, `1.5 hours`, `1½ hours`, and in words: `half an hour`, `an hour and a half`,
//! `three quarters of an hour`, `two hours` (number words one to twelve).

pub const ACCEPTED: &str = "accepted forms: 30 | 30m | 30 min | 30 mins | 90 minutes | 1h | 1 hour | 1h 30m | 1 hr 15 mins | 1:30 | 1.5 hours | 1½ hours | 1 ½ hours | half an hour | a quarter of an hour | three quarters of an hour | an hour | an hour and a half | two hours (numbers one to twelve in words)";

/// Minutes in `text`, or a message saying what is wrong. Zero is refused: a session takes time.
pub fn parse(text: &str) -> Result<u32, String> {
    let t = text.trim().to_lowercase();
    if t.is_empty() {
        return Err("the duration is empty".into());
    }
    if t.starts_with('-') {
        return Err(format!("`{text}` is negative"));
    }
    let t = words(&t);
    let minutes = if let Some((h, m)) = t.split_once(':') {
        let h: u64 = h.trim().parse().map_err(|_| bad(text))?;
        let m: u64 = m.trim().parse().map_err(|_| bad(text))?;
        if m >= 60 || m.to_string().len() > 2 || !m_two_digits(&t) {
            return Err(bad(text));
        }
        h.checked_mul(60).and_then(|x| x.checked_add(m))
    } else {
        parse_units(&t).ok_or_else(|| bad(text))?
    };
    match minutes {
        Some(0) => Err(format!("`{text}` is zero minutes")),
        Some(m) if m <= 24 * 60 => Ok(m as u32),
        _ => Err(format!("`{text}` is longer than a day")),
    }
}

const NUMBERS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
];

/// A count: digits, a number word, or `a`/`an` (one).
fn count(w: &str) -> Option<f64> {
    match w {
        "a" | "an" => Some(1.0),
        _ => NUMBERS
            .iter()
            .position(|n| *n == w)
            .map(|i| (i + 1) as f64)
            .or_else(|| w.parse::<f64>().ok().filter(|x| x.is_finite())),
    }
}

fn is_hour(w: &str) -> bool {
    matches!(w, "h" | "hr" | "hrs" | "hour" | "hours")
}

/// The forms in words rewritten as numbers and units: `an hour and a half` -> `1.5 hours`,
/// `three quarters of an hour` -> `45 min`, `1½ hours` -> `1.5 hours`, `two hours` -> `2
/// hours`. Anything else is left for the number-and-unit reading (which refuses it).
fn words(t: &str) -> String {
    let spaced = t.replace('½', " ½ ").replace("-quarter", " quarter");
    let w: Vec<&str> = spaced.split_whitespace().collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    let num = |x: f64| format!("{x}");
    while i < w.len() {
        let at = |k: usize| w.get(i + k).copied().unwrap_or("");
        // half an hour, half a hour, a half hour, half hour
        if (at(0) == "half" && matches!(at(1), "an" | "a") && is_hour(at(2)))
            || (matches!(at(0), "a" | "an") && at(1) == "half" && is_hour(at(2)))
        {
            out.push("30 min".into());
            i += 3;
        } else if at(0) == "half" && is_hour(at(1)) {
            out.push("30 min".into());
            i += 2;
        // (a | three) quarter(s) of an hour
        } else if let Some(n) = count(at(0)).filter(|_| matches!(at(1), "quarter" | "quarters"))
            && at(2) == "of"
            && matches!(at(3), "an" | "a")
            && is_hour(at(4))
        {
            out.push(format!("{} min", num(n * 15.0)));
            i += 5;
        } else if matches!(at(0), "quarter" | "quarters")
            && at(1) == "of"
            && matches!(at(2), "an" | "a")
            && is_hour(at(3))
        {
            out.push("15 min".into());
            i += 4;
        // an hour and a half, two hours and a half
        } else if let Some(n) = count(at(0)).filter(|_| is_hour(at(1)))
            && at(2) == "and"
            && at(3) == "a"
            && at(4) == "half"
        {
            out.push(format!("{} hours", num(n + 0.5)));
            i += 5;
        // one and a half hours
        } else if let Some(n) = count(at(0)).filter(|_| at(1) == "and")
            && at(2) == "a"
            && at(3) == "half"
            && is_hour(at(4))
        {
            out.push(format!("{} hours", num(n + 0.5)));
            i += 5;
        // 1 ½ hours, 1½ hours, ½ hour
        } else if at(0) == "½" {
            match out.last().and_then(|p| p.parse::<f64>().ok()) {
                Some(n) => {
                    out.pop();
                    out.push(num(n + 0.5));
                }
                None => out.push("0.5".into()),
            }
            i += 1;
        } else if let Some(n) = count(at(0)).filter(|_| {
            // `a`/`an` only as a count of something: `an hour`, not `an` alone.
            !at(0).starts_with(|c: char| c.is_ascii_digit())
                && (!matches!(at(0), "a" | "an") || !at(1).is_empty())
        }) {
            out.push(num(n));
            i += 1;
        } else {
            out.push(at(0).to_string());
            i += 1;
        }
    }
    out.join(" ")
}

fn m_two_digits(t: &str) -> bool {
    t.split_once(':').is_some_and(|(_, m)| m.trim().len() == 2)
}

fn bad(text: &str) -> String {
    format!("`{text}` is not a duration")
}

/// A sequence of `<number><unit>` pairs; a bare number is minutes.
fn parse_units(t: &str) -> Option<Option<u64>> {
    let mut rest = t;
    let mut total: u64 = 0;
    let mut seen_hours = false;
    let mut seen_minutes = false;
    let mut any = false;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        let num_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        if num_len == 0 {
            return None;
        }
        let num: f64 = rest[..num_len].parse().ok()?;
        if !num.is_finite() || num > 100_000.0 {
            return Some(None);
        }
        rest = rest[num_len..].trim_start();
        let unit_len = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        let unit = &rest[..unit_len];
        rest = rest[unit_len..].trim_start_matches([',', ' ']);
        if let Some(r) = rest.strip_prefix("and ") {
            rest = r;
        }
        let mins = match unit {
            "h" | "hr" | "hrs" | "hour" | "hours" => {
                if seen_hours || seen_minutes {
                    return None;
                }
                seen_hours = true;
                num * 60.0
            }
            "" | "m" | "min" | "mins" | "minute" | "minutes" => {
                if seen_minutes || (unit.is_empty() && seen_hours && !rest.is_empty()) {
                    return None;
                }
                seen_minutes = true;
                num
            }
            _ => return None,
        };
        if mins.fract() != 0.0 {
            return None;
        }
        total += mins as u64;
        any = true;
    }
    any.then_some(Some(total))
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn contract_forms() {
        for (t, m) in [
            ("30", 30),
            ("30m", 30),
            ("30 min", 30),
            ("30 mins", 30),
            ("1h", 60),
            ("1h 30m", 90),
            ("1:30", 90),
            ("0:45", 45),
            ("90 minutes", 90),
        ] {
            assert_eq!(parse(t), Ok(m), "{t}");
        }
    }

    #[test]
    fn obvious_variants() {
        for (t, m) in [
            ("30mins", 30),
            ("1 hour", 60),
            ("2 hours", 120),
            ("1 hr 15 mins", 75),
            ("1h30m", 90),
            ("1.5h", 90),
            ("1 hour and 15 minutes", 75),
            ("  45 MINS ", 45),
            ("1 minute", 1),
        ] {
            assert_eq!(parse(t), Ok(m), "{t}");
        }
    }

    #[test]
    fn words_halves_and_quarters() {
        for (t, m) in [
            ("half an hour", 30),
            ("Half an hour", 30),
            ("a half hour", 30),
            ("an hour", 60),
            ("a quarter of an hour", 15),
            ("quarter of an hour", 15),
            ("three quarters of an hour", 45),
            ("three-quarters of an hour", 45),
            ("1.5 hours", 90),
            ("1 ½ hours", 90),
            ("1½ hours", 90),
            ("½ hour", 30),
            ("one hour", 60),
            ("two hours", 120),
            ("twelve hours", 720),
            ("an hour and a half", 90),
            ("one and a half hours", 90),
            ("two hours and a half", 150),
            ("90 mins", 90),
            ("ten minutes", 10),
            ("an hour and 15 minutes", 75),
            ("one hour 30 minutes", 90),
        ] {
            assert_eq!(parse(t), Ok(m), "{t}");
        }
    }

    #[test]
    fn words_that_are_not_durations() {
        for t in [
            "half",
            "an",
            "a while",
            "thirteen hours",
            "half an",
            "quarters",
            "hour",
            "one and a half",
            "a half hour 1h",
        ] {
            assert!(parse(t).is_err(), "{t:?} should be refused");
        }
    }

    #[test]
    fn rejects_nonsense_zero_negative_and_huge() {
        for t in [
            "",
            "abc",
            "30 parsecs",
            "m30",
            "1:3",
            "1:75",
            "0",
            "0m",
            "-5",
            "-5m",
            "1h -30m",
            "30m 1h",
            "1h 1h",
            "99999999999999999999",
            "25h",
            "1.25m",
            "1:",
            ":30",
        ] {
            assert!(parse(t).is_err(), "{t:?} should be refused");
        }
    }
}
