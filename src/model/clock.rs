//! Clock times of a day, as minutes since midnight, and date labels.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use icu_calendar::{Date, Gregorian};
use icu_datetime::input::Time;
// NoEra: "9 January 999", as `Intl.DateTimeFormat` writes it (CLDR's default adds "AD").
use icu_datetime::options::YearStyle;
use icu_datetime::preferences::HourCycle;
use icu_datetime::{
    DateTimeFormatterPreferences, FixedCalendarDateTimeFormatter, NoCalendarFormatter, fieldsets,
};

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

/// "30 min", "1 h", "1 h 15 min" (British English; [`Lang::duration`] for the others).
pub fn minutes_label(m: u32) -> String {
    Lang::EnGb.duration(m)
}

/// A language coursebook writes dates and times in (its autonyms name them in the
/// language switch). Any `en` tag is British English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Lang {
    #[default]
    EnGb,
    Cy,
    Fr,
    De,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 5] = [Lang::EnGb, Lang::Cy, Lang::Fr, Lang::De, Lang::Es];

    /// The BCP 47 tag written in `lang` and `hreflang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::EnGb => "en-GB",
            Lang::Cy => "cy",
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::Es => "es",
        }
    }

    /// The language's name in itself.
    pub fn autonym(self) -> &'static str {
        match self {
            Lang::EnGb => "English",
            Lang::Cy => "Cymraeg",
            Lang::Fr => "Français",
            Lang::De => "Deutsch",
            Lang::Es => "Español",
        }
    }

    /// A tag as an author writes it (`cy`, `en-GB`, `fr-FR`, case ignored): by its primary
    /// language subtag. `None` for a language coursebook does not write.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL
            .into_iter()
            .find(|l| l.code().split('-').next() == Some(primary.as_str()))
    }

    /// The supported tags, for "did you mean" and the hint's list.
    pub fn codes() -> Vec<&'static str> {
        Lang::ALL.iter().map(|l| l.code()).collect()
    }

    /// A duration, short, as the language's style guides abbreviate it: "1 h 30 min",
    /// "1 awr 30 munud", "1 h 30", "1 Std. 30 Min.", "1 h 30 min" (hours alone: "2 h",
    /// "2 awr", "2 h", "2 Std.", "2 h").
    pub fn duration(self, m: u32) -> String {
        let (h, m) = (m / 60, m % 60);
        let (hour, min) = match self {
            Lang::EnGb | Lang::Fr | Lang::Es => ("h", "min"),
            Lang::Cy => ("awr", "munud"),
            Lang::De => ("Std.", "Min."),
        };
        match (h, m) {
            (0, m) => format!("{m} {min}"),
            (h, 0) => format!("{h} {hour}"),
            // French writes the minutes bare after the hours: "1 h 30".
            (h, m) if self == Lang::Fr => format!("{h} {hour} {m}"),
            (h, m) => format!("{h} {hour} {m} {min}"),
        }
    }

    /// A duration in words, for a certificate's contact hours: "7 hours 30 minutes", "7 awr
    /// 30 munud", "7 heures 30 minutes", "7 Stunden 30 Minuten", "7 horas 30 minutos".
    /// Plurals by CLDR's rules for the language: Welsh counts with the singular noun
    /// ("7 awr", "30 munud"); French's singular covers 0 and 1 ("0 minute").
    pub fn hours_in_words(self, minutes: u32) -> String {
        let (hour, hours, minute, mins) = match self {
            Lang::EnGb => ("hour", "hours", "minute", "minutes"),
            Lang::Cy => ("awr", "awr", "munud", "munud"),
            Lang::Fr => ("heure", "heures", "minute", "minutes"),
            Lang::De => ("Stunde", "Stunden", "Minute", "Minuten"),
            Lang::Es => ("hora", "horas", "minuto", "minutos"),
        };
        let singular = |n: u32| n == 1 || (n == 0 && self == Lang::Fr);
        let unit =
            |n: u32, one: &str, many: &str| format!("{n} {}", if singular(n) { one } else { many });
        match (minutes / 60, minutes % 60) {
            (0, m) => unit(m, minute, mins),
            (h, 0) => unit(h, hour, hours),
            (h, m) => format!("{} {}", unit(h, hour, hours), unit(m, minute, mins)),
        }
    }

    /// The word that joins the last two items of a list, given the last (`next`). Welsh
    /// writes "ac" before a vowel (a, e, i, o, u, w, y, accented or not) and "a" before a
    /// consonant; a number in digits is judged by its name in the traditional count (the
    /// way a date is read): "un" (1, 11, 16, 21, 31) and "wyth" (8, 28) take "ac".
    pub fn and_before(self, next: &str) -> &'static str {
        match self {
            Lang::Cy if welsh_vowel_start(next) => "ac",
            _ => self.and(),
        }
    }

    /// The word that joins the last two dates of a list.
    fn and(self) -> &'static str {
        match self {
            Lang::EnGb => "and",
            Lang::Cy => "a",
            Lang::Fr => "et",
            Lang::De => "und",
            Lang::Es => "y",
        }
    }
}

/// Whether a Welsh word (or number in digits) starts with a vowel sound, for "ac".
fn welsh_vowel_start(next: &str) -> bool {
    let digits: String = next.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        return matches!(digits.parse::<u64>(), Ok(1 | 8 | 11 | 16 | 21 | 28 | 31));
    }
    next.chars()
        .next()
        .and_then(|c| c.to_lowercase().next())
        .is_some_and(|c| "aeiouwyâêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿ".contains(c))
}

/// `[output.html] clock`: the locale's own hour cycle, or one forced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum HourClock {
    #[default]
    Locale,
    H12,
    H24,
}

/// How a programme writes dates and clock times for people: its language and the site's
/// clock. Files for machines (the CSV's `date`/`start`/`end`, ICS times) stay ISO.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Locale {
    pub lang: Lang,
    pub clock: HourClock,
    /// The pseudo-locale `en-XA`: British English, then every letter accented and the
    /// whole in `⟦ ⟧`, as its interface strings are (a text without letters, "09:30",
    /// stays as it is).
    pub pseudo: bool,
}

/// ICU4X formatters of one [`Locale`], made once per thread (at most 15: 5 languages,
/// 3 clocks; ICU4X's data handles are not `Sync` without its `sync` feature, which would
/// rebuild every ICU crate) and reused.
struct Formats {
    long: FixedCalendarDateTimeFormatter<Gregorian, fieldsets::YMDE>,
    weekday: FixedCalendarDateTimeFormatter<Gregorian, fieldsets::E>,
    dmy: FixedCalendarDateTimeFormatter<Gregorian, fieldsets::YMD>,
    dm: FixedCalendarDateTimeFormatter<Gregorian, fieldsets::MD>,
    d: FixedCalendarDateTimeFormatter<Gregorian, fieldsets::D>,
    time: NoCalendarFormatter<fieldsets::T>,
}

thread_local! {
    static MADE: RefCell<Vec<(Locale, Rc<Formats>)>> = const { RefCell::new(Vec::new()) };
}

impl Formats {
    fn of(locale: Locale) -> Option<Rc<Formats>> {
        // The pseudo-locale formats as British English does.
        let locale = Locale {
            pseudo: false,
            ..locale
        };
        if let Some(f) =
            MADE.with_borrow(|m| m.iter().find(|(l, _)| *l == locale).map(|x| x.1.clone()))
        {
            return Some(f);
        }
        let tag: icu_locale_core::Locale = locale.lang.code().parse().ok()?;
        let mut prefs = DateTimeFormatterPreferences::from(&tag);
        prefs.hour_cycle = match locale.clock {
            HourClock::Locale => None,
            HourClock::H12 => Some(HourCycle::H12),
            HourClock::H24 => Some(HourCycle::H23),
        };
        let f = Rc::new(Formats {
            long: FixedCalendarDateTimeFormatter::try_new(
                prefs,
                fieldsets::YMDE::long().with_year_style(YearStyle::NoEra),
            )
            .ok()?,
            weekday: FixedCalendarDateTimeFormatter::try_new(prefs, fieldsets::E::long()).ok()?,
            dmy: FixedCalendarDateTimeFormatter::try_new(
                prefs,
                fieldsets::YMD::long().with_year_style(YearStyle::NoEra),
            )
            .ok()?,
            dm: FixedCalendarDateTimeFormatter::try_new(prefs, fieldsets::MD::long()).ok()?,
            d: FixedCalendarDateTimeFormatter::try_new(prefs, fieldsets::D::long()).ok()?,
            time: NoCalendarFormatter::try_new(prefs, fieldsets::T::hm()).ok()?,
        });
        MADE.with_borrow_mut(|m| m.push((locale, f.clone())));
        Some(f)
    }
}

fn gregorian(d: jiff::civil::Date) -> Option<Date<Gregorian>> {
    Date::try_new_gregorian(
        i32::from(d.year()),
        u8::try_from(d.month()).ok()?,
        u8::try_from(d.day()).ok()?,
    )
    .ok()
}

/// Upper-cases the first letter: a Welsh date starts a line ("Dydd Llun").
fn capitalised(s: String) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => s,
    }
}

impl Locale {
    /// The locale of a language tag as a programme writes it (`cy`, `fr-CA`, `en-XA`; one
    /// coursebook does not write: British English).
    pub fn of(tag: &str, clock: HourClock) -> Locale {
        Locale {
            lang: Lang::parse(tag).unwrap_or_default(),
            clock,
            pseudo: tag.trim().eq_ignore_ascii_case(crate::i18n::PSEUDO),
        }
    }

    /// The tag the browser's scripts format in (`letters.js`): the language's, or `en-XA`.
    pub fn code(self) -> &'static str {
        if self.pseudo {
            crate::i18n::PSEUDO
        } else {
            self.lang.code()
        }
    }

    /// `text` as the locale writes it: as it is, or in the pseudo-locale accented and
    /// bracketed (when it has a letter).
    fn say(self, text: String) -> String {
        if self.pseudo {
            crate::i18n::pseudo_words(&text)
        } else {
            text
        }
    }

    /// A duration, short ([`Lang::duration`]).
    pub fn duration(self, m: u32) -> String {
        self.say(self.lang.duration(m))
    }

    /// A duration in words ([`Lang::hours_in_words`]).
    pub fn hours_in_words(self, minutes: u32) -> String {
        self.say(self.lang.hours_in_words(minutes))
    }

    /// The word before a list's last item `next` ([`Lang::and_before`]).
    pub fn and_before(self, next: &str) -> String {
        self.say(self.lang.and_before(next).to_string())
    }

    fn formats(self) -> Option<Rc<Formats>> {
        Formats::of(self)
    }

    /// A day's heading: "Monday 1 March 2027", "Dydd Llun 1 Mawrth 2027", "lundi 1 mars
    /// 2027", "Montag, 1. März 2027", "lunes, 1 de marzo de 2027". British English and
    /// Welsh follow their style guides (no comma after the weekday; CLDR has one).
    pub fn date_long(self, d: jiff::civil::Date) -> String {
        let (Some(f), Some(g)) = (self.formats(), gregorian(d)) else {
            return d.to_string();
        };
        self.say(match self.lang {
            Lang::EnGb | Lang::Cy => {
                capitalised(format!("{} {}", f.weekday.format(&g), f.dmy.format(&g)))
            }
            _ => f.long.format(&g).to_string(),
        })
    }

    /// A date in words without its weekday: "1 March 2027", "1. März 2027" (a letter's
    /// date; `letters.js` `dateInWords` writes the same with `Intl.DateTimeFormat`).
    pub fn date_words(self, d: jiff::civil::Date) -> String {
        match (self.formats(), gregorian(d)) {
            (Some(f), Some(g)) => self.say(f.dmy.format(&g).to_string()),
            _ => d.to_string(),
        }
    }

    /// A clock time as the locale (or `[output.html] clock`) writes it: "09:30", "9:30 am".
    pub fn time(self, c: Clock) -> String {
        let t = Time::try_new((c.0 / 60 % 24) as u8, (c.0 % 60) as u8, 0, 0);
        match (self.formats(), t) {
            (Some(f), Ok(t)) => self.say(f.time.format(&t).to_string()),
            _ => c.to_string(),
        }
    }

    /// "1 March 2027", "1 and 2 March 2027", "1, 2 and 8 March 2027", "30 March and 1 April
    /// 2027"; "1 a 2 Mawrth 2027", "1. und 2. März 2027": every date but the last as little
    /// as tells it apart (its day, or day and month), the last in full.
    pub fn dates_label(self, dates: &[jiff::civil::Date]) -> Option<String> {
        let first = *dates.first()?;
        let last = *dates.last()?;
        let f = self.formats()?;
        let same_month = dates
            .iter()
            .all(|d| d.month() == first.month() && d.year() == first.year());
        let same_year = dates.iter().all(|d| d.year() == first.year());
        let mut parts = Vec::with_capacity(dates.len());
        for d in &dates[..dates.len() - 1] {
            let g = gregorian(*d)?;
            parts.push(if same_month {
                // CLDR's day alone is "1" in German too; in a list it is the ordinal "1.".
                match self.lang {
                    Lang::De => format!("{}.", f.d.format(&g)),
                    _ => f.d.format(&g).to_string(),
                }
            } else if same_year {
                f.dm.format(&g).to_string()
            } else {
                f.dmy.format(&g).to_string()
            });
        }
        let last = f.dmy.format(&gregorian(last)?).to_string();
        Some(self.say(match parts.len() {
            0 => last,
            _ => format!(
                "{} {} {last}",
                parts.join(", "),
                self.lang.and_before(&last)
            ),
        }))
    }
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
    fn durations_by_language() {
        let cases = [
            (
                Lang::EnGb,
                ["30 min", "1 h", "1 h 30 min"],
                "7 hours 30 minutes",
            ),
            (
                Lang::Cy,
                ["30 munud", "1 awr", "1 awr 30 munud"],
                "7 awr 30 munud",
            ),
            (Lang::Fr, ["30 min", "1 h", "1 h 30"], "7 heures 30 minutes"),
            (
                Lang::De,
                ["30 Min.", "1 Std.", "1 Std. 30 Min."],
                "7 Stunden 30 Minuten",
            ),
            (
                Lang::Es,
                ["30 min", "1 h", "1 h 30 min"],
                "7 horas 30 minutos",
            ),
        ];
        for (lang, short, words) in cases {
            assert_eq!([30, 60, 90].map(|m| lang.duration(m)), short, "{lang:?}");
            assert_eq!(lang.hours_in_words(450), words, "{lang:?}");
        }
        assert_eq!(Lang::Fr.hours_in_words(61), "1 heure 1 minute");
        assert_eq!(Lang::Fr.hours_in_words(0), "0 minute");
        assert_eq!(Lang::De.hours_in_words(61), "1 Stunde 1 Minute");
        assert_eq!(Lang::Es.hours_in_words(120), "2 horas");
        assert_eq!(Lang::Cy.hours_in_words(61), "1 awr 1 munud");
    }

    #[test]
    fn welsh_and_before_vowels() {
        assert_eq!(Lang::Cy.and_before("Owen"), "ac");
        assert_eq!(Lang::Cy.and_before("Wyn"), "ac");
        assert_eq!(Lang::Cy.and_before("Ŵyn"), "ac");
        assert_eq!(Lang::Cy.and_before("Sam"), "a");
        assert_eq!(Lang::Cy.and_before("8 Mawrth 2027"), "ac");
        assert_eq!(Lang::Cy.and_before("1 Ebrill 2027"), "ac");
        assert_eq!(Lang::Cy.and_before("2 Mawrth 2027"), "a");
        assert_eq!(Lang::Cy.and_before("18 Mawrth 2027"), "a");
        assert_eq!(Lang::EnGb.and_before("Owen"), "and");
        let cy = on(Lang::Cy);
        assert_eq!(
            cy.dates_label(&[date(2027, 3, 1), date(2027, 3, 8)])
                .unwrap(),
            "1 ac 8 Mawrth 2027"
        );
    }

    fn on(lang: Lang) -> Locale {
        Locale {
            lang,
            ..Locale::default()
        }
    }

    #[test]
    fn the_pseudo_locale_accents_and_brackets_what_has_letters() {
        let xa = Locale::of("en-XA", HourClock::Locale);
        assert_eq!(xa.code(), "en-XA");
        let d = date(2027, 3, 1);
        assert_eq!(xa.date_long(d), "⟦Ṁöñðåý 1 Ṁåŕçĥ 2027⟧");
        assert_eq!(xa.date_words(d), "⟦1 Ṁåŕçĥ 2027⟧");
        assert_eq!(
            xa.dates_label(&[d, date(2027, 3, 2)]).unwrap(),
            "⟦1 åñð 2 Ṁåŕçĥ 2027⟧"
        );
        assert_eq!(xa.time(Clock(570)), "09:30");
        assert_eq!(xa.duration(90), "⟦1 ĥ 30 ɱîñ⟧");
        assert_eq!(xa.hours_in_words(61), "⟦1 ĥöûŕ 1 ɱîñûţé⟧");
        assert_eq!(xa.and_before("Owen"), "⟦åñð⟧");
        let twelve = Locale::of("en-XA", HourClock::H12);
        assert_eq!(
            twelve.time(Clock(570)).replace('\u{202f}', " "),
            "⟦9:30 åɱ⟧"
        );
        assert_eq!(
            Locale::of("en-GB", HourClock::Locale).date_words(d),
            "1 March 2027"
        );
    }

    #[test]
    fn date_labels() {
        let en = on(Lang::EnGb);
        assert_eq!(
            en.dates_label(&[date(2027, 3, 1), date(2027, 3, 2)])
                .unwrap(),
            "1 and 2 March 2027"
        );
        assert_eq!(
            en.dates_label(&[date(2027, 3, 31), date(2027, 4, 1)])
                .unwrap(),
            "31 March and 1 April 2027"
        );
        assert_eq!(
            en.dates_label(&[date(2027, 3, 1), date(2027, 3, 2), date(2027, 3, 8)])
                .unwrap(),
            "1, 2 and 8 March 2027"
        );
        assert_eq!(
            en.dates_label(&[date(2027, 12, 31), date(2028, 1, 1)])
                .unwrap(),
            "31 December 2027 and 1 January 2028"
        );
        assert_eq!(en.date_long(date(2027, 3, 1)), "Monday 1 March 2027");
    }

    #[test]
    fn dates_by_locale() {
        let d = date(2027, 3, 1);
        assert_eq!(on(Lang::Cy).date_long(d), "Dydd Llun 1 Mawrth 2027");
        assert_eq!(on(Lang::Fr).date_long(d), "lundi 1 mars 2027");
        assert_eq!(on(Lang::De).date_long(d), "Montag, 1. März 2027");
        assert_eq!(on(Lang::Es).date_long(d), "lunes, 1 de marzo de 2027");
        let two = [d, date(2027, 3, 2)];
        assert_eq!(on(Lang::Cy).dates_label(&two).unwrap(), "1 a 2 Mawrth 2027");
        assert_eq!(on(Lang::Fr).dates_label(&two).unwrap(), "1 et 2 mars 2027");
        assert_eq!(
            on(Lang::De).dates_label(&two).unwrap(),
            "1. und 2. März 2027"
        );
        assert_eq!(
            on(Lang::Es).dates_label(&two).unwrap(),
            "1 y 2 de marzo de 2027"
        );
    }

    #[test]
    fn clock_times() {
        let c = Clock(570);
        assert_eq!(on(Lang::EnGb).time(c), "09:30");
        assert_eq!(on(Lang::Fr).time(Clock(13 * 60 + 5)), "13:05");
        assert_eq!(on(Lang::Cy).time(c), "09:30");
        assert_eq!(on(Lang::De).time(c), "09:30");
        assert_eq!(on(Lang::Es).time(c), "09:30");
        let twelve = Locale {
            lang: Lang::EnGb,
            clock: HourClock::H12,
            pseudo: false,
        };
        assert_eq!(twelve.time(c).replace('\u{202f}', " "), "9:30 am");
        assert_eq!(
            twelve.time(Clock(14 * 60)).replace('\u{202f}', " "),
            "2:00 pm"
        );
        assert_eq!(Lang::parse("en"), Some(Lang::EnGb));
        assert_eq!(Lang::parse("CY-gb"), Some(Lang::Cy));
        assert_eq!(Lang::parse("nl"), None);
    }
}
