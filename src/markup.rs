//! Markup: the prose a reader sees in an article, with a map back to the file's bytes.
//!
//! Articles come as plain text, Markdown or HTML. The later stages read prose: a link's
//! address, an image's source, a code block or an HTML comment holds digits that no reader
//! takes for a figure, and `**26**` or `&nbsp;` stand between words. [`Prose::of`] strips
//! the markup with a real parser (pulldown-cmark, html5gum) and keeps an [`OffsetMap`] from
//! every byte of the prose to the bytes of the file it came from, so that segmentation,
//! extraction and keying run unchanged on the prose and [`Prose::restore`] then points every
//! claim back into the original file: spans, lines and columns are what the user's editor
//! shows.
//!
//! In the prose a blank line ends a block (paragraph, heading, list item), a single line
//! break is a line break inside one (`<br>`), and a Markdown soft break is a space. A table
//! cell is a sentence of its own, after its row's first cell: `Total Foreign Leaders | 26`,
//! so that a figure is keyed by its row's label as in a plain-text table, and never by the
//! next cell's words.

mod html;

pub(crate) use html::meta_tags;
mod markdown;

use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;

use crate::claim::Claim;
use crate::document::Document;

/// How an article is written, from its file name or, for stdin and unknown names, its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Read as it is: every byte is prose.
    #[default]
    Text,
    /// CommonMark with GitHub tables and strikethrough.
    Markdown,
    Html,
}

impl Format {
    /// `.md`/`.markdown` are Markdown and `.html`/`.htm`/`.xhtml` HTML (ignoring ASCII case);
    /// `.txt` is plain text. Any other name (`-`, `/dev/fd/63`) is HTML when the text opens
    /// with `<!doctype html` or `<html`, and plain text otherwise: Markdown cannot be told from
    /// text by its look, and reading it as text is what crosscheck always did.
    pub fn of(path: &str, text: &str) -> Format {
        let extension = std::path::Path::new(path)
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match extension.as_deref() {
            Some("md" | "markdown") => Format::Markdown,
            Some("html" | "htm" | "xhtml") => Format::Html,
            Some("txt") => Format::Text,
            _ if looks_like_html(text) => Format::Html,
            _ => Format::Text,
        }
    }
}

/// The prose of one article and the map back to its file.
#[derive(Debug, Clone, PartialEq)]
pub struct Prose<'a> {
    /// What the later stages read: the file itself for plain text, else the text of the
    /// markup with the markup taken out.
    pub text: Cow<'a, str>,
    /// Where reading starts in `text`: the body start of a plain-text file (after its front
    /// matter), 0 for prose made from markup.
    pub start: usize,
    pub map: OffsetMap,
}

impl<'a> Prose<'a> {
    /// The prose of `document`, by its [`Format`]. Markdown and HTML are read from the body
    /// start, so front matter is never prose. Plain text is borrowed as it is, with the
    /// identity map: no copy, no cost.
    pub fn of(document: &'a Document) -> Prose<'a> {
        let source = document.text.as_str();
        let start = document.body_start.min(source.len());
        match document.format {
            Format::Text => Prose {
                text: Cow::Borrowed(source),
                start: document.body_start,
                map: OffsetMap::default(),
            },
            Format::Markdown => markdown::prose(source, start),
            Format::Html => html::prose(source, start),
        }
    }

    /// Points the spans and sentences of claims extracted from this prose back into the
    /// original file. A figure in a table row's label is read once with each cell of the
    /// row; only its first reading is kept.
    pub fn restore(&self, claims: &mut Vec<Claim>) {
        if self.map.is_identity() {
            return;
        }
        let mut seen = HashSet::new();
        claims.retain_mut(|claim| {
            claim.span = self.map.range(claim.span.clone());
            // A sentence that starts in a row label inserted before a cell maps from the
            // label's source, which may lie after the cell's: it always holds its claim.
            let sentence = self.map.range(claim.sentence.clone());
            claim.sentence = sentence.start.min(claim.span.start)..sentence.end.max(claim.span.end);
            seen.insert((claim.span.start, claim.span.end))
        });
    }
}

/// A map from byte offsets in prose to byte offsets in the file it was made from.
///
/// The prose is a sequence of pieces, each standing for a range of the file: a piece
/// copied from the file maps byte for byte; a piece that replaces its range (an entity
/// decoded, a soft break made a space) or is inserted (a blank line between blocks, the
/// ` | ` between a row label and a cell) maps as a whole, so a span starting in it starts
/// at the start of its range and a span ending in it ends at the end. Every offset that
/// [`OffsetMap::range`] returns is on a char boundary of the file whenever the offsets it
/// is given are on char boundaries of the prose.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// In prose order, back to back from offset 0; empty for the identity map.
    pieces: Vec<Piece>,
}

impl OffsetMap {
    /// True for the map of plain text, which is the file itself.
    pub fn is_identity(&self) -> bool {
        self.pieces.is_empty()
    }

    /// The file range that the prose range `range` stands for: never reversed, and empty
    /// when `range` is empty.
    pub fn range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.start(range.start);
        if range.is_empty() {
            return start..start;
        }
        start..self.end(range.end).max(start)
    }

    /// The file offset where a span starting at prose offset `at` starts.
    pub fn start(&self, at: usize) -> usize {
        if self.is_identity() {
            return at;
        }
        let index = self.pieces.partition_point(|p| p.end() <= at);
        match self.pieces.get(index) {
            Some(piece) if piece.aligned => piece.source.start + (at - piece.at),
            Some(piece) => piece.source.start,
            None => self.pieces.last().map_or(0, |p| p.source.end),
        }
    }

    /// The file offset where a span ending at prose offset `at` ends.
    pub fn end(&self, at: usize) -> usize {
        if self.is_identity() {
            return at;
        }
        let index = self.pieces.partition_point(|p| p.end() < at);
        match self.pieces.get(index) {
            Some(piece) if piece.aligned => piece.source.start + (at.max(piece.at) - piece.at),
            Some(piece) => piece.source.end,
            None => self.pieces.last().map_or(0, |p| p.source.end),
        }
    }
}

/// One stretch of prose and the range of the file it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Piece {
    /// Where the piece starts in the prose.
    at: usize,
    /// Its length in the prose.
    len: usize,
    source: Range<usize>,
    /// Copied byte for byte (line breaks may have become spaces): offsets inside map one to
    /// one. Otherwise the piece maps as a whole.
    aligned: bool,
}

impl Piece {
    fn end(&self) -> usize {
        self.at + self.len
    }
}

/// Builds prose and its map, piece by piece, for the markup readers.
struct Builder<'s> {
    source: &'s str,
    text: String,
    pieces: Vec<Piece>,
    row: Option<Row>,
}

/// The table row being read.
#[derive(Default)]
struct Row {
    /// The pieces of the row's first cell, repeated before every other cell.
    label: Option<Vec<Piece>>,
    /// Where the open cell started, in prose and pieces, to take it back if it is empty.
    cell: Option<(usize, usize)>,
    /// Where the open cell's own text starts in the prose.
    content: usize,
}

impl<'s> Builder<'s> {
    fn new(source: &'s str) -> Self {
        Builder {
            source,
            text: String::new(),
            pieces: Vec::new(),
            row: None,
        }
    }

    /// Copies `source[range]`, line breaks made spaces, mapped byte for byte.
    fn copy(&mut self, range: Range<usize>) {
        let Some(piece) = self.source.get(range.clone()).filter(|p| !p.is_empty()) else {
            return;
        };
        let at = self.text.len();
        self.text.extend(
            piece
                .chars()
                .map(|c| if matches!(c, '\n' | '\r') { ' ' } else { c }),
        );
        if let Some(last) = self.pieces.last_mut() {
            if last.aligned && last.end() == at && last.source.end == range.start {
                last.len += piece.len();
                last.source.end = range.end;
                return;
            }
        }
        self.pieces.push(Piece {
            at,
            len: piece.len(),
            source: range,
            aligned: true,
        });
    }

    /// Adds `with`, standing for `source[range]` as a whole.
    fn replace(&mut self, range: Range<usize>, with: &str) {
        if with.is_empty() || self.source.get(range.clone()).is_none() {
            return;
        }
        self.pieces.push(Piece {
            at: self.text.len(),
            len: with.len(),
            source: range,
            aligned: false,
        });
        self.text.push_str(with);
    }

    /// Adds text found in the file at `range` as `content`: copied when it is the file's text,
    /// else standing for the range (a decoded entity or escape).
    fn text(&mut self, range: Range<usize>, content: &str) {
        if self.source.get(range.clone()) == Some(content) {
            self.copy(range);
        } else {
            self.replace(range, content);
        }
    }

    /// Adds `text` that the file does not hold, standing for the point `at`.
    fn insert(&mut self, at: usize, text: &str) {
        let at = floor_char_boundary(self.source, at);
        self.replace(at..at, text);
    }

    /// Ends a block: a blank line, unless the prose is empty or already ends with one. Inside
    /// a table cell (`<td><p>26</p></td>`) blocks are only a space apart.
    fn block_end(&mut self, at: usize) {
        if self.row.as_ref().is_some_and(|row| row.cell.is_some()) {
            self.space(at..at);
            return;
        }
        let newlines = self.text.len() - self.text.trim_end_matches('\n').len();
        if !self.text.is_empty() && newlines < 2 {
            self.insert(at, &"\n\n"[newlines..]);
        }
    }

    /// A line break inside a block.
    fn line_break(&mut self, range: Range<usize>) {
        self.replace(range, "\n");
    }

    /// A space between words, unless the prose already ends with whitespace.
    fn space(&mut self, range: Range<usize>) {
        if !self.text.is_empty() && !self.text.ends_with(char::is_whitespace) {
            self.replace(range, " ");
        }
    }

    fn row_start(&mut self, at: usize) {
        self.row_end(at);
        self.block_end(at);
        self.row = Some(Row::default());
    }

    fn row_end(&mut self, at: usize) {
        self.close_cell(at);
        self.row = None;
    }

    /// Opens a cell at `at`: the row's label and ` | ` come first, after the first cell.
    fn cell_start(&mut self, at: usize) {
        self.close_cell(at);
        if self.row.is_none() {
            self.row = Some(Row::default());
        }
        let mark = (self.text.len(), self.pieces.len());
        let label = self.row.as_ref().and_then(|r| r.label.clone());
        if let Some(label) = &label {
            for piece in label {
                let text = self.text[piece.at..piece.end()].to_string();
                self.pieces.push(Piece {
                    at: self.text.len(),
                    ..piece.clone()
                });
                self.text.push_str(&text);
            }
            self.insert(at, " | ");
        }
        let content = self.text.len();
        if let Some(row) = self.row.as_mut() {
            row.cell = Some(mark);
            row.content = content;
        }
    }

    /// Closes the open cell, if any: an empty one is taken back, the first one becomes the
    /// row's label.
    fn close_cell(&mut self, at: usize) {
        let Some(row) = self.row.as_mut() else {
            return;
        };
        let Some((text_mark, piece_mark)) = row.cell.take() else {
            return;
        };
        let content = row.content;
        if self.text[content..].trim().is_empty() {
            self.text.truncate(text_mark);
            self.pieces.truncate(piece_mark);
            return;
        }
        if row.label.is_none() {
            row.label = Some(self.pieces[piece_mark..].to_vec());
        }
        self.insert(at, "\n");
    }

    fn finish(mut self, start: usize) -> Prose<'static> {
        self.row_end(self.source.len());
        if self.pieces.is_empty() {
            // Nothing but markup: an empty prose that still maps, to the body start.
            self.insert(start, "\n");
        }
        Prose {
            text: Cow::Owned(self.text),
            start: 0,
            map: OffsetMap { pieces: self.pieces },
        }
    }
}

/// The largest char boundary of `text` at or before `at`.
fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    let head: String = start.chars().take(14).collect::<String>().to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

#[cfg(test)]
mod tests;
