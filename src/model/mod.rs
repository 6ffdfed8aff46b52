//! The site as plain data: programmes, days, blocks, sessions, pages, letters and assets.
//! Built by [`load`] from the sources; the timetable is computed by [`timetable::compute`].

pub mod changed;
pub mod clock;
mod letters;
pub mod links;
pub mod load;
pub mod logo;
pub mod paths;
pub mod plan;
mod sanitize;
pub mod timetable;
mod titles;
mod urls;

use std::path::PathBuf;

pub use clock::Clock;
pub use letters::{
    BUILTINS, Field, Kind as LetterKind, Letter, POST_BOX, POST_BOX_POINTS, Piece,
    delivery_attended, fill_tokens as fill_letter_tokens, hours_in_words, names_in_words,
    names_in_words_in, scan as scan_letter, token as letter_token,
};
use timetable::Timetable;

use crate::config::Config;
pub use crate::content::markdown::Inline;
use crate::content::markdown::Markdown;

#[derive(Debug, Clone)]
pub struct Site {
    pub config: Config,
    /// `content/index.md`, when there is one.
    pub home: Option<Page>,
    /// Plain pages outside any programme.
    pub pages: Vec<Page>,
    pub programmes: Vec<Programme>,
    pub assets: Vec<Asset>,
    /// In a participant build: what was left out as trainer-only, so the build can check
    /// that none of it reached the output. Empty in a trainer build.
    pub trainer_fragments: Vec<Fragment>,
    /// Output paths participants may not be led to: trainer-only pages, sessions and
    /// letters (in both editions; in a participant build they are gone), and `<slug>/` for
    /// each trainer-only programme.
    pub trainer_only: std::collections::HashSet<String>,
    /// The logo (`logo` in book.toml) when it is a PNG or JPEG: certificates' `.docx` show it.
    pub logo: Option<std::sync::Arc<logo::Logo>>,
    /// The site's own pages in other languages (`about.cy.md` beside `about.md`, and
    /// `index.cy.md` for the home page).
    pub editions: SiteEditions,
}

/// Translations of pages outside programmes (`load/translate.rs`): `<page>.<lang>.md`
/// beside `<page>.md` (or, at the top, `index.<lang>.md`: the home page's), written where
/// such a page always was (`about.cy.html`) in its own language.
#[derive(Debug, Clone, Default)]
pub struct SiteEditions {
    /// Each translation's output path and language tag (`about.cy.html` -> `cy`).
    pub lang: std::collections::HashMap<String, String>,
    /// Each original's output path (`about.html`, `index.html`) and its translations'
    /// (language tag, output path), in language order.
    pub of: std::collections::HashMap<String, Vec<(String, String)>>,
    /// Each translation's original's output path.
    pub original: std::collections::HashMap<String, String>,
}

impl SiteEditions {
    /// Whether `out` is a translation of the home page (`index.cy.html`).
    pub fn is_home(&self, out: &str) -> bool {
        self.original.get(out).is_some_and(|o| o == "index.html")
    }
}

/// Something trainer-only, and where in which source file it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fragment {
    pub src: String,
    pub text: String,
    /// An output path (a dropped page's), rather than text.
    pub is_path: bool,
    /// Where it starts in `src` (0 when not known).
    pub line: usize,
    pub col: usize,
}

impl Fragment {
    pub fn new(src: &str, text: &str) -> Self {
        Fragment {
            src: src.to_string(),
            text: text.to_string(),
            is_path: false,
            line: 0,
            col: 0,
        }
    }
    pub fn path(src: &str, out: &str) -> Self {
        Fragment {
            is_path: true,
            ..Fragment::new(src, out)
        }
    }
    pub fn at(mut self, line: usize, col: usize) -> Self {
        self.line = line;
        self.col = col;
        self
    }
}

/// A file copied as it is.
#[derive(Debug, Clone)]
pub struct Asset {
    /// Output path, relative to the build directory (`assets/logo.svg`).
    pub out: String,
    pub source: PathBuf,
}

/// A plain Markdown page (no `day`).
#[derive(Debug, Clone)]
pub struct Page {
    /// Source path relative to the site root, for messages (`content/recording/notes.md`).
    pub src: String,
    /// Output path relative to the build directory (`recording/notes.html`).
    pub out: String,
    pub title: String,
    pub summary: Option<Inline>,
    /// `order:`, for the order pages are listed in (see `load::page::sort_pages`).
    pub order: Option<i64>,
    pub trainer_only: bool,
    /// Shared: the dev server's parse cache hands the same body to every rebuild.
    pub md: std::sync::Arc<Markdown>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum BlockDef {
    Block {
        id: String,
        title: String,
    },
    Break {
        title: String,
        minutes: u32,
        at: Option<Clock>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Day {
    pub number: u32,
    pub title: String,
    pub date: Option<jiff::civil::Date>,
    pub start: Clock,
    /// When the day is meant to end: its own `end`, else the programme's (None: open).
    pub end: Option<Clock>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub text: Inline,
    /// For the trainer only.
    pub note: Option<Inline>,
}

#[derive(Debug, Clone)]
pub struct Session {
    pub src: String,
    pub out: String,
    /// Path inside the programme folder, the tie-breaker for order within a block.
    pub file: String,
    pub title: String,
    pub day: u32,
    pub block: String,
    pub minutes: u32,
    pub order: Option<i64>,
    pub format: Option<String>,
    pub summary: Option<Inline>,
    pub objectives: Vec<Inline>,
    /// Front-matter prompts, then the items of `[!PROMPTS]` callouts.
    pub prompts: Vec<Prompt>,
    pub materials: Vec<Inline>,
    pub themes: Vec<String>,
    pub produces: Vec<String>,
    pub uses: Vec<String>,
    /// Index into the programme's sessions.
    pub same_as: Option<usize>,
    /// Indices into the programme's letters.
    pub letters: Vec<usize>,
    pub trainer_only: bool,
    /// Shared: the dev server's parse cache hands the same body to every rebuild.
    pub md: std::sync::Arc<Markdown>,
}

/// Rows of a sign-in sheet when a programme does not say how many people to expect.
pub const DEFAULT_PARTICIPANTS: u32 = 20;

#[derive(Debug, Clone)]
pub struct Programme {
    /// Folder name under the content directory; also the output folder.
    pub slug: String,
    pub src: String,
    pub title: String,
    pub subtitle: Option<String>,
    pub authors: Vec<String>,
    pub summary: Option<Inline>,
    /// Who the programme is for, in words (`for:`).
    pub audience: Option<String>,
    /// `audience: trainer`: the whole programme is left out of participant builds.
    pub trainer_only: bool,
    /// `session-bodies: all`: session bodies are written to learners, not to the trainer.
    pub shared_bodies: bool,
    pub prerequisites: Vec<Inline>,
    /// What participants bring with them (`bring:`).
    pub bring: Vec<Inline>,
    pub venue: Option<String>,
    /// How many people are expected (`participants:`, default [`DEFAULT_PARTICIPANTS`]): the
    /// rows of each day's sign-in sheet.
    pub participants: u32,
    /// The statements participants complete on the action-plan sheet (`action_plan:`);
    /// empty: the sheet's default statements.
    pub action_plan: Vec<Inline>,
    pub timezone: String,
    pub start: Clock,
    pub end: Option<Clock>,
    pub blocks: Vec<BlockDef>,
    pub days: Vec<Day>,
    pub sessions: Vec<Session>,
    pub pages: Vec<Page>,
    pub letters: Vec<Letter>,
    /// Shared: the dev server's parse cache hands the same body to every rebuild.
    pub md: std::sync::Arc<Markdown>,
    pub timetable: Timetable,
    /// When the programme last changed, for the calendar's `SEQUENCE`: see [`changed`].
    pub changed: u64,
    /// The evaluation form's scale and questions (`evaluation:`).
    pub evaluation: Evaluation,
    /// Its runs (`deliveries/<id>.md`), by first date then id.
    pub deliveries: Vec<Delivery>,
    /// `language:` as written in its front matter; after loading, its own or the site's
    /// `language`: the `lang` of its pages.
    pub language: String,
    /// How its dates and clock times are written for people (from `language` and
    /// `[output.html] clock`).
    pub locale: clock::Locale,
    /// The same programme in other languages (`<file>.<lang>.md`), when it has any.
    pub editions: Editions,
}

/// A programme's editions in other languages (`load/translate.rs`).
#[derive(Debug, Clone, Default)]
pub struct Editions {
    /// Every edition, the original first: (language tag, programme slug). Empty when the
    /// programme has no translation.
    pub all: Vec<(String, String)>,
    /// In a translated edition: the original's language, and the output paths of the
    /// edition's pages that are the original's (not translated yet).
    pub untranslated: Option<(String, std::collections::HashSet<String>)>,
}

/// What the evaluation form asks (`evaluation:` in a programme's front matter).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    /// The words at the ends of the 1 to 5 scale.
    pub low: String,
    pub high: String,
    /// Whether each session is rated (and has a comment box).
    pub sessions: bool,
    /// The overall questions, in order.
    pub questions: Vec<EvalQuestion>,
}

/// An overall question of the evaluation form: a comment box, or a rating on the scale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvalQuestion {
    pub text: String,
    pub rating: bool,
}

impl Default for Evaluation {
    fn default() -> Self {
        let q = |text: &str, rating| EvalQuestion {
            text: text.into(),
            rating,
        };
        Evaluation {
            low: "Not useful".into(),
            high: "Very useful".into(),
            sessions: true,
            questions: vec![
                q("What will you do differently in your recording?", false),
                q("What could we improve?", false),
                q("Overall, how useful was the course?", true),
            ],
        }
    }
}

/// One run of a programme (`content/<programme>/deliveries/<id>.md`): its own dates, venue,
/// trainers and plan of the programme's blocks over its days.
#[derive(Debug, Clone)]
pub struct Delivery {
    /// The file's name without `.md`; the output folder `<programme>/deliveries/<id>/`.
    pub id: String,
    pub src: String,
    pub title: String,
    pub venue: Option<String>,
    pub timezone: String,
    /// Its days as the timetable needs them: number, "Day N", date, start, end.
    pub days: Vec<Day>,
    /// Per day, the programme's (day, block) pairs it runs, in order.
    pub plan: Vec<Vec<(u32, String)>>,
    pub trainers: Vec<Trainer>,
    /// How many people are expected (`participants:`); the programme's when not said.
    pub participants: Option<u32>,
    pub trainer_only: bool,
    /// Joining details (parking, access, what to bring).
    pub md: std::sync::Arc<Markdown>,
    pub timetable: Timetable,
    /// Its programme's [`Programme::locale`].
    pub locale: clock::Locale,
}

impl Delivery {
    /// `<programme>/deliveries/<id>/`: the folder of its page and files.
    pub fn dir(&self, slug: &str) -> String {
        format!("{slug}/deliveries/{}", self.id)
    }
    pub fn dates(&self) -> Vec<jiff::civil::Date> {
        self.days.iter().filter_map(|d| d.date).collect()
    }
    pub fn dates_label(&self) -> Option<String> {
        self.locale.dates_label(&self.dates())
    }
}

/// Who runs a delivery, and what they lead (`days: [1]`, `blocks: ["1:after-lunch"]`).
#[derive(Debug, Clone, PartialEq)]
pub struct Trainer {
    pub name: String,
    pub role: Option<String>,
    /// Delivery day numbers they lead (empty with no `blocks`: all).
    pub days: Vec<u32>,
    pub blocks: Vec<String>,
}

impl Programme {
    /// The original's folder: its own, or for a translated edition its original's. What a
    /// run is known by in every language (calendar UIDs, the running-late key), so the
    /// Welsh and English pages of one run are one run.
    pub fn original_slug(&self) -> &str {
        match (&self.editions.untranslated, self.editions.all.first()) {
            (Some(_), Some((_, orig))) => orig,
            _ => &self.slug,
        }
    }

    pub fn block_title(&self, id: &str) -> String {
        self.blocks
            .iter()
            .find_map(|b| match b {
                BlockDef::Block { id: i, title } if i == id => Some(title.clone()),
                _ => None,
            })
            .unwrap_or_else(|| id.to_string())
    }

    /// Total minutes of sessions: the programme's contact time.
    pub fn contact_minutes(&self) -> u32 {
        self.sessions.iter().map(|s| s.minutes).sum()
    }

    /// Minutes participants spend in sessions: the sessions' own minutes, without breaks
    /// or free time, and without trainer-only sessions (trainers' time, which participants
    /// do not attend). A certificate's contact hours.
    pub fn attended_minutes(&self) -> u32 {
        self.sessions
            .iter()
            .filter(|s| !s.trainer_only)
            .map(|s| s.minutes)
            .sum()
    }

    /// Titles of the sessions participants attend, in timetable order.
    pub fn attended_titles(&self) -> Vec<&str> {
        self.timetable
            .session_order()
            .into_iter()
            .filter_map(|i| self.sessions.get(i))
            .filter(|s| !s.trainer_only)
            .map(|s| s.title.as_str())
            .collect()
    }

    /// Programme dates as people write them: "1 and 2 March 2027", "1 March 2027".
    pub fn dates_label(&self) -> Option<String> {
        let dates: Vec<jiff::civil::Date> = self.days.iter().filter_map(|d| d.date).collect();
        self.locale.dates_label(&dates)
    }
}

/// Default blocks of a day (the contract's): coffee, lunch and tea between four blocks.
pub fn default_blocks() -> Vec<BlockDef> {
    let b = |id: &str, title: &str| BlockDef::Block {
        id: id.into(),
        title: title.into(),
    };
    let br = |title: &str, minutes| BlockDef::Break {
        title: title.into(),
        minutes,
        at: None,
    };
    vec![
        b("before-coffee", "Before coffee"),
        br("Coffee", 15),
        b("after-coffee", "After coffee"),
        br("Lunch", 45),
        b("after-lunch", "After lunch"),
        br("Tea", 15),
        b("after-tea", "After tea"),
    ]
}
