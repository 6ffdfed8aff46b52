//! A participant list as Excel and LibreOffice save it, read into a table, and the rules
//! for cells and file names that `letter-save.js` follows too (tests/cases/shared.json).

use crate::diagnostics::Diagnostic;
use crate::util::slugify;

/// A participant list: its header and its rows, each with the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub separator: u8,
    pub header: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
}

/// The separator of a CSV: whichever of `,` `;` and tab is most common in its first line,
/// outside quotes; `,` when there is none.
pub fn detect_separator(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let seps = [b',', b';', b'\t'];
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    seps[best]
}

/// Read a CSV: strip a byte-order mark, detect the separator, keep rows that have any text.
pub fn read_table(bytes: &[u8], display: &str) -> Result<Table, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let before = &bytes[..e.valid_up_to()];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        Diagnostic::error(display, "the list is not UTF-8 text")
            .at(line, 1)
            .hint("in Excel, save it as \"CSV UTF-8 (Comma delimited)\"; in LibreOffice, choose the character set Unicode (UTF-8)")
    })?;
    let separator = detect_separator(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut header: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    for rec in reader.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize);
            Diagnostic::error(display, format!("the list cannot be read as CSV: {e}")).at(line, 1)
        })?;
        // The reader's own line count lags after CRLF endings: count from the byte offset.
        let line = rec
            .position()
            .map_or(0, |p| line_at(text, p.byte() as usize));
        let cells: Vec<String> = rec.iter().map(str::to_string).collect();
        if cells.iter().all(|c| trim(c).is_empty()) {
            continue;
        }
        if header.is_none() {
            header = Some(cells.iter().map(|c| trim(c).to_string()).collect());
        } else {
            rows.push((line, cells));
        }
    }
    let Some(header) = header else {
        return Err(Diagnostic::error(display, "the list is empty").hint(
            "the first line names the columns, one per field: participant_name,reply_by,...",
        ));
    };
    Ok(Table {
        separator,
        header,
        rows,
    })
}

/// The 1-based line of byte `offset` in `text`, skipping the line ending the offset may
/// point at.
fn line_at(text: &str, offset: usize) -> usize {
    let head = text.get(..offset).unwrap_or(text);
    let rest = text.get(offset..).unwrap_or("");
    let skip = rest.len() - rest.trim_start_matches(['\r', '\n']).len();
    let head_lines = head.matches('\n').count();
    head_lines + rest[..skip].matches('\n').count() + 1
}

/// `s` without leading and trailing white space: all that Rust's `str::trim` or
/// JavaScript's `trim` removes (`str::trim` keeps U+FEFF, a stray byte-order mark), as
/// `letter-save.js` `trim` does (tests/cases/shared.json holds both to it).
pub fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
}

/// A cell's value as a letter takes it: line breaks as `\n` (a lone CR too), without the
/// control characters a Word file cannot hold, trimmed. The letter page's script
/// (`letter-save.js`, `clean`) does the same, so both make the same letters.
pub fn clean(cell: &str) -> String {
    let v: String = cell
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| {
            !(matches!(c, '\0'..='\u{8}' | '\u{b}'..='\u{1f}')
                || c == '\u{FFFE}'
                || c == '\u{FFFF}')
        })
        .collect();
    trim(&v).to_string()
}

/// The part of a letter's file name taken from a value (`07-<this>.docx`): its slug, cut
/// to 60 characters to stay well inside file-system limits. `letter-save.js` `slug` too.
pub fn file_slug(value: &str) -> String {
    let slug: String = slugify(value).chars().take(60).collect();
    slug.trim_end_matches('-').to_string()
}
