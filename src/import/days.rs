//! The day rule of `import carpentries`: episodes laid out on days between fixed breaks.
//!
//! A day runs from `start` to `end` with breaks at fixed times. Episodes are placed in
//! order, back to back; one that would not finish before the next break starts after it,
//! and one that would not finish before the day's end starts the next day. An episode longer
//! than every stretch between breaks starts at the next empty stretch and runs over (listed).

use crate::diagnostics::Diagnostic;

#[derive(Clone, Debug)]
pub struct Break {
    pub title: String,
    /// Minutes after midnight.
    pub at: u32,
    pub minutes: u32,
}

#[derive(Clone, Debug)]
pub struct DayRule {
    pub start: u32,
    pub end: u32,
    pub breaks: Vec<Break>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub day: u32,
    /// Index of the stretch between breaks (the block).
    pub block: usize,
    pub start: u32,
    pub overruns: bool,
}

impl Default for DayRule {
    fn default() -> Self {
        let b = |title: &str, at, minutes| Break {
            title: title.into(),
            at,
            minutes,
        };
        DayRule {
            start: 9 * 60 + 30,
            end: 17 * 60,
            breaks: vec![
                b("Morning break", 11 * 60, 15),
                b("Lunch", 12 * 60 + 30, 60),
                b("Afternoon break", 15 * 60, 15),
            ],
        }
    }
}

/// `HH:MM` as minutes after midnight.
pub fn clock(s: &str) -> Option<u32> {
    let (h, m) = s.trim().split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

pub fn hhmm(m: u32) -> String {
    format!("{:02}:{:02}", m / 60, m % 60)
}

/// A break given on the command line: `11:00/15` (at 11:00 for 15 minutes) or `none`.
pub fn parse_break(title: &str, flag: &str, s: &str) -> Result<Option<Break>, Diagnostic> {
    if s.trim().eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    let bad = || {
        Diagnostic::error(format!("--{flag}"), format!("`{s}` is not a break")).hint(format!(
            "write the time and the minutes, as in `--{flag} 11:00/15`, or `none`"
        ))
    };
    let (at, mins) = s.split_once('/').ok_or_else(bad)?;
    let at = clock(at).ok_or_else(bad)?;
    let minutes: u32 = mins
        .trim()
        .trim_end_matches('m')
        .parse()
        .map_err(|_| bad())?;
    if minutes == 0 || minutes > 240 {
        return Err(bad());
    }
    Ok(Some(Break {
        title: title.into(),
        at,
        minutes,
    }))
}

impl DayRule {
    /// Breaks in order, each after the one before ends, all inside the day.
    pub fn check(&self) -> Result<(), Diagnostic> {
        let mut t = self.start;
        for b in &self.breaks {
            if b.at < t {
                return Err(Diagnostic::error(
                    "import",
                    format!(
                        "the break `{}` at {} starts before {}",
                        b.title,
                        hhmm(b.at),
                        hhmm(t)
                    ),
                )
                .hint(
                    "breaks go in order, after the day's start and each after the one before ends",
                ));
            }
            t = b.at + b.minutes;
        }
        if self.end <= t {
            return Err(Diagnostic::error(
                "import",
                format!("the day ends at {}, before {}", hhmm(self.end), hhmm(t)),
            )
            .hint("give --end (or `end` in book.toml's [import]) a time after the last break"));
        }
        Ok(())
    }

    /// The stretches between breaks: (from, to).
    pub fn stretches(&self) -> Vec<(u32, u32)> {
        let mut out = Vec::new();
        let mut from = self.start;
        for b in &self.breaks {
            out.push((from, b.at));
            from = b.at + b.minutes;
        }
        out.push((from, self.end));
        out
    }

    /// Each episode's day, stretch and start, in order.
    pub fn place(&self, minutes: &[u32]) -> Vec<Placed> {
        let s = self.stretches();
        let longest = s
            .iter()
            .map(|(a, b)| b.saturating_sub(*a))
            .max()
            .unwrap_or(0);
        let (mut day, mut k, mut t) = (1, 0, s[0].0);
        let mut out = Vec::with_capacity(minutes.len());
        for &m in minutes {
            if m > longest {
                if t != s[k].0 {
                    (day, k) = next(day, k, s.len());
                    t = s[k].0;
                }
                out.push(Placed {
                    day,
                    block: k,
                    start: t,
                    overruns: true,
                });
                t += m;
                continue;
            }
            while t + m > s[k].1 {
                (day, k) = next(day, k, s.len());
                t = s[k].0;
            }
            out.push(Placed {
                day,
                block: k,
                start: t,
                overruns: false,
            });
            t += m;
        }
        out
    }
}

fn next(day: u32, k: usize, n: usize) -> (u32, usize) {
    if k + 1 < n {
        (day, k + 1)
    } else {
        (day + 1, 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn episodes_wait_for_breaks_and_days() {
        let r = DayRule::default();
        let p = r.place(&[60, 40, 90, 200, 30, 100]);
        let at: Vec<(u32, String)> = p.iter().map(|p| (p.day, hhmm(p.start))).collect();
        let want = [
            (1, "09:30"),
            (1, "11:15"),
            (1, "13:30"),
            (1, "15:15"),
            (2, "09:30"),
            (2, "15:15"),
        ];
        let want: Vec<(u32, String)> = want.iter().map(|(d, t)| (*d, t.to_string())).collect();
        assert_eq!(at, want);
        assert!(p[3].overruns && !p[4].overruns);
        // 13:30 + 90 = 15:00 fits exactly before the afternoon break.
        assert_eq!(p[2].block, 2);
    }

    #[test]
    fn a_day_ends_when_the_next_episode_does_not_fit() {
        let r = DayRule {
            start: 600,
            end: 720,
            breaks: vec![],
        };
        let p = r.place(&[60, 45, 30]);
        assert_eq!(
            p.iter().map(|p| (p.day, p.start)).collect::<Vec<_>>(),
            [(1, 600), (1, 660), (2, 600)]
        );
        assert!(parse_break("Lunch", "lunch", "12:30/60").is_ok());
        assert!(parse_break("Lunch", "lunch", "12.30").is_err());
        assert!(
            DayRule {
                start: 600,
                end: 610,
                breaks: vec![]
            }
            .check()
            .is_ok()
        );
    }
}
