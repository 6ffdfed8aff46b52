//! Limits on what one Markdown body may make, checked before pulldown-cmark sees it.
//!
//! Tables: pulldown-cmark pads every row to the header's width (up to 2^18 cells a table),
//! so a few kilobytes of narrow rows under a wide header become millions of cells; its tree
//! is built whole before the first event, so this count is lexical, an upper bound of the
//! cells it would make. Nesting: each level costs later stages (callout tracking, the HTML
//! sanitiser) work per event, so depth is bounded too. A cheap lexical bound decides whether
//! a body could be too deep at all; only then is it parsed to find how deep it is and where.

use pulldown_cmark::{Event, Parser};

use crate::diagnostics::Diagnostic;

/// Table cells one file may hold, in all its tables: a 20-column table of 5,000 rows.
pub const MAX_TABLE_CELLS: usize = 100_000;
/// Levels of nesting (quotes, lists, emphasis, links, ...) one file may reach.
pub const MAX_NESTING: usize = 256;

/// The first limit `body` (whose first line is `first_line` of `path`) goes past, as an error.
pub fn check(path: &str, body: &str, first_line: usize) -> Option<Diagnostic> {
    if clearly_within(body) {
        return None;
    }
    let lines = Scan::of(body);
    if let Some(t) = lines.table {
        let (line, col) = position(body, t.offset, first_line);
        return Some(
            Diagnostic::error(
                path,
                format!(
                    "this table makes up to {} cells ({} columns, {} rows), which takes the \
                     file's tables past {MAX_TABLE_CELLS} cells",
                    t.cells, t.columns, t.rows
                ),
            )
            .at(line, col)
            .hint(
                "split it into smaller tables or across pages; every row has as many cells as \
                 the line of dashes has columns, and a table ends at the first blank line",
            ),
        );
    }
    if lines.depth_bound <= MAX_NESTING {
        return None;
    }
    let (offset, depth) = too_deep(body)?;
    let (line, col) = position(body, offset, first_line);
    Some(
        Diagnostic::error(
            path,
            format!("Markdown nested {depth} levels deep here; at most {MAX_NESTING} are allowed"),
        )
        .at(line, col)
        .hint(
            "each `>`, list inside a list, emphasis and link inside another opens a level: \
             flatten the structure",
        ),
    )
}

/// Whether byte counts alone keep `body` inside both limits, as for almost every page: then
/// [`Scan::of`]'s bounds are too (a row has at most every `|` of the file plus one cells, the
/// file no more rows than lines; a paragraph no more delimiters than the file), and the
/// line-by-line scan is skipped. Counting bytes costs a fraction of the scan.
fn clearly_within(body: &str) -> bool {
    // memchr counts with vector instructions: a few passes cost less than one scalar loop.
    let bytes = body.as_bytes();
    let lines = 1 + memchr::memchr_iter(b'\n', bytes).count();
    let pipes = memchr::memchr_iter(b'|', bytes).count();
    let delims = memchr::memchr3_iter(b'*', b'_', b'~', bytes).count()
        + memchr::memchr_iter(b'[', bytes).count();
    if lines.saturating_mul(pipes + 1) > MAX_TABLE_CELLS {
        return false;
    }
    let widest = body.split('\n').map(container_prefix).max().unwrap_or(0);
    4 * widest + delims + 4 <= MAX_NESTING
}

/// A table that takes the file past its budget.
#[derive(Debug, PartialEq, Eq)]
struct Table {
    /// Byte offset of its header line.
    offset: usize,
    columns: usize,
    rows: usize,
    cells: usize,
}

/// What one pass over the lines finds.
struct Scan {
    table: Option<Table>,
    /// Cells counted (all the file's, when under budget); read by the tests.
    #[allow(dead_code)]
    cells: usize,
    /// No body is nested deeper than this.
    depth_bound: usize,
}

impl Scan {
    // Every byte of every file passes through here: one pass, one table lookup per byte.
    fn of(body: &str) -> Scan {
        let mut total = 0usize;
        let mut open: Option<Table> = None;
        // The previous line, when not blank: its offset and `|`s (a header's cells).
        let mut prev: Option<(usize, usize)> = None;
        let mut widest_prefix = 0usize;
        let mut run_delims = 0usize;
        let mut most_delims = 0usize;
        let mut offset = 0usize;
        for raw in body.split_inclusive('\n') {
            let line = raw.strip_suffix('\n').unwrap_or(raw);
            let at = offset;
            offset += raw.len();
            let l = Line::of(line);
            widest_prefix = widest_prefix.max(container_prefix(line));
            // Inline nesting stays within a paragraph, which no blank line crosses.
            if l.all & BLANK != 0 {
                most_delims = most_delims.max(run_delims);
                run_delims = 0;
            } else {
                run_delims += l.delims;
            }
            // A blank line, or one of only `>`, ends a table.
            let blank = l.all & QUOTE_OR_BLANK != 0;
            let dashes = (l.all & DASH_LINE != 0 && l.any & HYPHEN != 0 && l.pipes > 0)
                .then(|| dash_columns(line));
            // A row has the table's columns, or more (pulldown-cmark reads them, then drops them).
            if blank {
                if total > MAX_TABLE_CELLS && open.is_some() {
                    break;
                }
                open = None;
            } else if let Some(t) = &mut open {
                if let Some(cols) = dashes {
                    t.columns = t.columns.max(cols);
                }
                let n = t.columns.max(l.pipes + 1);
                t.rows += 1;
                t.cells += n;
                total += n;
            } else if let (Some(columns), Some((header_at, header_pipes))) = (dashes, prev) {
                let n = columns.max(header_pipes + 1);
                open = Some(Table {
                    offset: header_at,
                    columns,
                    rows: 1,
                    cells: n,
                });
                total += n;
            }
            prev = (!blank).then_some((at, l.pipes));
        }
        if total > MAX_TABLE_CELLS {
            return Scan {
                table: open,
                cells: total,
                depth_bound: 0,
            };
        }
        most_delims = most_delims.max(run_delims);
        Scan {
            table: None,
            cells: total,
            // Each container level takes at least half a byte of its line's prefix (a tab
            // indents two list levels) and is at most two levels deep in events (list and
            // item); each inline level takes a delimiter; a leaf adds at most four (table).
            depth_bound: 4 * widest_prefix + most_delims + 4,
        }
    }
}

// What a line is made of, by byte class, so each line is read once.
const BLANK: u8 = 1; // only spaces and tabs
const QUOTE_OR_BLANK: u8 = 2; // only `>`, spaces and tabs
const DASH_LINE: u8 = 4; // only what a line of dashes may hold: `|`, `:`, `-`, `>`, blanks
const HYPHEN: u8 = 8; // a `-`
const DELIM: u8 = 16; // opens an inline level: `*`, `_`, `~`, `[`
const PIPE: u8 = 32;

const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    t[b' ' as usize] = BLANK | QUOTE_OR_BLANK | DASH_LINE;
    t[b'\t' as usize] = BLANK | QUOTE_OR_BLANK | DASH_LINE;
    t[b'\r' as usize] = BLANK | QUOTE_OR_BLANK | DASH_LINE;
    t[b'>' as usize] = QUOTE_OR_BLANK | DASH_LINE;
    t[b'|' as usize] = DASH_LINE | PIPE;
    t[b':' as usize] = DASH_LINE;
    t[b'-' as usize] = DASH_LINE | HYPHEN;
    t[b'*' as usize] = DELIM;
    t[b'_' as usize] = DELIM;
    t[b'~' as usize] = DELIM;
    t[b'[' as usize] = DELIM;
    t
};

/// One line's classes: those every byte has (`all`) and some byte has (`any`), and counts.
struct Line {
    all: u8,
    any: u8,
    pipes: usize,
    delims: usize,
}

impl Line {
    fn of(line: &str) -> Line {
        let (mut all, mut any, mut pipes, mut delims) = (u8::MAX, 0u8, 0usize, 0usize);
        for &b in line.as_bytes() {
            let c = CLASS[b as usize];
            all &= c;
            any |= c;
            pipes += usize::from(c & PIPE != 0);
            delims += usize::from(c & DELIM != 0);
        }
        Line {
            all,
            any,
            pipes,
            delims,
        }
    }
}

/// The columns of a line of dashes under a table's header, counted leniently: at least as
/// many as pulldown-cmark would find.
fn dash_columns(line: &str) -> usize {
    line.trim_start_matches([' ', '\t', '>'])
        .split('|')
        .filter(|c| c.contains('-'))
        .count()
}

/// Length in bytes of the part of a line that can open or continue containers: blanks,
/// `>`, list markers, definition colons and footnote labels (`[^note]:`).
fn container_prefix(line: &str) -> usize {
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b' ' | b'\t' | b'>' | b'-' | b'+' | b'*' | b'.' | b')' | b':' | b'0'..=b'9' => i += 1,
            b'[' if b.get(i + 1) == Some(&b'^') => match line[i..].find("]:") {
                Some(end) => i += end + 2,
                None => break,
            },
            _ => break,
        }
    }
    i
}

/// Where nesting first goes past [`MAX_NESTING`], and how deep it gets there.
fn too_deep(body: &str) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    for (ev, range) in Parser::new_ext(body, super::markdown::options()).into_offset_iter() {
        match ev {
            Event::Start(_) => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some((range.start, depth));
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// 1-based line and column (in characters) of a byte offset.
fn position(body: &str, offset: usize, first_line: usize) -> (usize, usize) {
    let before = body.get(..offset).unwrap_or(body);
    let line = first_line + before.matches('\n').count();
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells_of(md: &str) -> usize {
        Parser::new_ext(md, crate::content::markdown::options())
            .filter(|e| matches!(e, Event::Start(pulldown_cmark::Tag::TableCell)))
            .count()
    }

    #[test]
    fn ordinary_tables_and_lists_pass_without_a_parse() {
        let md = "| a | b |\n|---|:-:|\n| 1 | 2 |\n\n- one\n  - two\n    - *three* [x](y.md)\n\n> quote\n";
        let s = Scan::of(md);
        assert_eq!(s.table, None);
        assert!(s.depth_bound <= MAX_NESTING, "{}", s.depth_bound);
        assert!(check("a.md", md, 1).is_none());
    }

    #[test]
    fn a_wide_header_over_narrow_rows_is_refused_at_the_header() {
        let cols = 40_000;
        let mut md = String::from("Intro\n\n");
        md.push_str(&"|a".repeat(cols));
        md.push_str("|\n");
        md.push_str(&"|-".repeat(cols));
        md.push_str("|\n");
        md.push_str(&"|\n".repeat(10));
        let d = check("p.md", &md, 5).expect("over budget");
        assert_eq!((d.line, d.col), (7, 1));
        assert!(
            d.message.contains("(40000 columns, 11 rows)"),
            "{}",
            d.message
        );
    }

    #[test]
    fn the_lexical_count_is_never_below_the_parsers() {
        for md in [
            "a|b\n-|-\n1\n2|3|4|5\n",
            "> | a | b |\n> |---|---|\n> | 1 |\n> x\n",
            "- a | b | c\n  --|--|--\n  1\n  2\n\nafter\n",
            "| a |\n|---|\n| 1 |\n| 2 | 3 | 4 |\n|-|-|-|-|\n|\n",
            "x\n\n|a|b|c|d|\n|-|-|-|-|\n|\n|\n|\n\n|a|\n|-|\n",
        ] {
            let s = Scan::of(md);
            assert!(
                s.cells >= cells_of(md),
                "{md:?}: {} < {}",
                s.cells,
                cells_of(md)
            );
        }
    }

    /// Depth and table cells of `md` as pulldown-cmark makes them.
    fn parsed(md: &str) -> (usize, usize) {
        let (mut depth, mut most, mut cells) = (0usize, 0usize, 0usize);
        for ev in Parser::new_ext(md, crate::content::markdown::options()) {
            match ev {
                Event::Start(t) => {
                    depth += 1;
                    most = most.max(depth);
                    cells += usize::from(matches!(t, pulldown_cmark::Tag::TableCell));
                }
                Event::End(_) => depth -= 1,
                _ => {}
            }
        }
        (most, cells)
    }

    proptest::proptest! {
        // Bodies built from the characters that open levels and make tables: the lexical
        // bounds must never be below what the parser makes, or the budget has a hole.
        #[test]
        fn the_lexical_bounds_hold_for_any_body(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "> ", ">", "- ", "* ", "+ ", "1. ", "2) ", "  ", "    ", "\t", "\n", "\n\n",
                "|", "| a ", "|---", "-|-", ":-:", "*", "**", "_", "~~", "[", "](u)", "![",
                "]", "[^n]: ", "[^n]", ": ", "Term\n: ", "`", "```\n", "<div>", "a", "b c",
                "#", "# ", "===", "---", "| a | b | c |\n", "|---|---|---|\n", "|-|-|\n",
                "| 1 |\n", "x|y\n", "-|-\n", "> | a | b |\n> |---|---|\n",
            ]), 0..60),
        ) {
            let md: String = parts.concat();
            let (depth, cells) = parsed(&md);
            let s = Scan::of(&md);
            proptest::prop_assert!(s.cells >= cells, "{md:?}: cells {} < {cells}", s.cells);
            proptest::prop_assert!(s.depth_bound >= depth, "{md:?}: depth {} < {depth}", s.depth_bound);
            // The byte-count shortcut never passes what the scan would stop.
            if clearly_within(&md) {
                proptest::prop_assert!(s.table.is_none() && s.depth_bound <= MAX_NESTING, "{md:?}");
            }
        }
    }

    #[test]
    fn deep_quotes_are_refused_where_they_pass_the_limit() {
        let md = format!("Text\n\n{} deep\n", ">".repeat(MAX_NESTING + 10));
        let d = check("p.md", &md, 3).expect("too deep");
        assert_eq!(d.line, 5);
        assert!(d.message.contains("257 levels"), "{}", d.message);
    }

    #[test]
    fn the_depth_bound_is_never_below_the_depth() {
        for md in [
            "- a\n  - b\n    - c\n      - *d **e [f](g) ~~h~~**\n",
            "> > - > 1. x\n\n\t\t\t- y\n",
            "[^n]: > - a\n\nTerm\n: > def\n",
            "| *a* | [b](c) |\n|---|---|\n| ***x*** | y |\n",
        ] {
            let mut depth = 0usize;
            let mut most = 0usize;
            for ev in Parser::new_ext(md, crate::content::markdown::options()) {
                match ev {
                    Event::Start(_) => {
                        depth += 1;
                        most = most.max(depth);
                    }
                    Event::End(_) => depth -= 1,
                    _ => {}
                }
            }
            let bound = Scan::of(md).depth_bound;
            assert!(bound >= most, "{md:?}: bound {bound} < depth {most}");
        }
    }
}
