//! Session lengths as authors write them: `30`, `30m`, `30 mins`, `1h 30m`, `1:30`, `1 hr 15 mins`.

pub const ACCEPTED: &str = "accepted forms: 30 | 30m | 30 min | 30 mins | 30 minutes | 1h | 1 hour | 1h 30m | 1 hr 15 mins | 1:30 | 90 minutes";

/// Minutes in `text`, or a message saying what is wrong. Zero is refused: a session takes time.
pub fn parse(text: &str) -> Result<u32, String> {
    let t = text.trim().to_lowercase();
    if t.is_empty() {
        return Err("the duration is empty".into());
    }
    if t.starts_with('-') {
        return Err(format!("`{text}` is negative"));
    }
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
