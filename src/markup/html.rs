//! HTML to prose, with html5gum's tokenizer.
//!
//! html5gum is a WHATWG-compliant tokenizer that gives every token its byte span in the
//! input, which is what the offset map needs; html5ever and scraper build a tree without
//! source positions, and lol_html is a streaming rewriter that leaves entities undecoded.
//! Being a tokenizer, html5gum builds no tree: the open elements are tracked here, well
//! enough to know whether text is inside the article body or inside page furniture.

use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::{Builder, Prose};

/// The prose of the HTML body `source[start..]`.
///
/// When the page has an `<article>` (or else a `<main>`), only the text inside it is read;
/// otherwise the whole page. Never read: the `<head>`, scripts and styles, navigation,
/// headers, footers, asides, forms, code, and comments and attribute values (link
/// addresses, image sources). A `<header>` inside the article is read, as it holds the
/// article's headline; the page's own header, outside the article, is not. Entities are
/// decoded (each standing for its `&...;` in the map); a run of whitespace, line breaks
/// included, is one space, as a browser shows it; block elements end a block, `<br>` breaks a line, and
/// table cells are read as in [`super`].
pub(super) fn prose(source: &str, start: usize) -> Prose<'static> {
    let mut builder = Builder::new(source);
    let body = source.get(start..).unwrap_or("");
    let tokens = tokens(body);
    let root = ["article", "main"].into_iter().find(|name| {
        tokens
            .iter()
            .any(|t| matches!(t, Token::StartTag(tag) if tag.name == name.as_bytes()))
    });
    let mut open: Vec<String> = Vec::new();
    for token in &tokens {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).into_owned();
                let at = tag.span.start + start;
                if read(&open, root) {
                    start_tag(&mut builder, &name, at..tag.span.end + start);
                }
                if !tag.self_closing && !is_void(&name) {
                    open.push(name);
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).into_owned();
                let Some(index) = open.iter().rposition(|n| *n == name) else {
                    continue;
                };
                open.truncate(index);
                if read(&open, root) || is_root(&name, root) {
                    end_tag(&mut builder, &name, tag.span.start + start);
                }
            }
            Token::String(text) if read(&open, root) => {
                decoded(&mut builder, text.span.start + start..text.span.end + start);
            }
            _ => {}
        }
    }
    builder.finish(start)
}

/// Elements whose content is never prose.
const LEFT_OUT: &[&str] = &[
    "head", "title", "script", "style", "noscript", "template", "iframe", "svg", "math", "nav", "footer",
    "aside", "form", "button", "select", "textarea", "pre", "code", "object", "canvas",
];

/// Elements that end a block where they start and end.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "section",
    "summary",
    "table",
    "ul",
    "caption",
];

/// Elements that have no content and no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
    "wbr",
];

/// Every token of `body`, spans relative to it. Scripts and styles are read as raw text, as
/// a browser does, so that a `<` inside them opens no tag.
fn tokens(body: &str) -> Vec<Token<usize>> {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    Tokenizer::new_with_emitter(body, emitter)
        .filter_map(Result::ok)
        .collect()
}

/// Whether text inside the elements `open` is read: inside the root, when there is one, and
/// in no left-out element (a header counts as one only outside the root).
fn read(open: &[String], root: Option<&str>) -> bool {
    let inside = root.is_none_or(|root| open.iter().any(|n| n == root));
    inside
        && !open.iter().any(|name| {
            LEFT_OUT.contains(&name.as_str()) || (name == "header" && !header_in_root(open, root))
        })
}

/// Whether the (first) open header is inside the root element.
fn header_in_root(open: &[String], root: Option<&str>) -> bool {
    let (Some(root), Some(header)) = (root, open.iter().position(|n| n == "header")) else {
        return false;
    };
    open[..header].iter().any(|n| n == root)
}

fn is_root(name: &str, root: Option<&str>) -> bool {
    root == Some(name)
}

fn is_void(name: &str) -> bool {
    VOID.contains(&name)
}

fn start_tag(builder: &mut Builder, name: &str, range: std::ops::Range<usize>) {
    match name {
        "br" => builder.line_break(range),
        "tr" => builder.row_start(range.start),
        "td" | "th" => builder.cell_start(range.start),
        _ if BLOCKS.contains(&name) => builder.block_end(range.start),
        // An image or a form field between two words stands for a space.
        "img" | "input" => builder.space(range),
        _ => {}
    }
}

fn end_tag(builder: &mut Builder, name: &str, at: usize) {
    match name {
        "tr" | "thead" | "tbody" | "tfoot" => builder.row_end(at),
        "td" | "th" => builder.close_cell(at),
        _ if BLOCKS.contains(&name) => builder.block_end(at),
        _ => {}
    }
}

/// Adds the text at `range` of the file with its character references decoded: every
/// other byte is copied, and each reference stands for its own `&...;`.
fn decoded(builder: &mut Builder, range: std::ops::Range<usize>) {
    let Some(raw) = builder.source.get(range.clone()) else {
        return;
    };
    let mut copied = range.start;
    let mut search = 0;
    while let Some(found) = raw[search..].find('&') {
        let at = search + found;
        let length = reference_length(&raw[at..]);
        search = at + length.max(1);
        if length == 0 {
            continue;
        }
        let reference = &raw[at..at + length];
        let Some(value) = decode(reference) else {
            continue;
        };
        collapsed(builder, copied..range.start + at);
        builder.replace(range.start + at..range.start + at + length, &value);
        copied = range.start + at + length;
    }
    collapsed(builder, copied..range.end);
}

/// Copies the text at `range` of the file with each run of whitespace made one space, as a
/// browser shows it (a no-break space is no such whitespace); a run after whitespace
/// already in the prose is left out.
fn collapsed(builder: &mut Builder, range: std::ops::Range<usize>) {
    let Some(raw) = builder.source.get(range.clone()) else {
        return;
    };
    let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
    let bytes = raw.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let from = at;
        if is_space(bytes[at]) {
            while at < bytes.len() && is_space(bytes[at]) {
                at += 1;
            }
            if at - from == 1 && bytes[from] == b' ' && !builder.text.ends_with(char::is_whitespace) {
                builder.copy(range.start + from..range.start + at);
            } else {
                builder.space(range.start + from..range.start + at);
            }
        } else {
            while at < bytes.len() && !is_space(bytes[at]) {
                at += 1;
            }
            builder.copy(range.start + from..range.start + at);
        }
    }
}

/// The length of what may be a character reference at the start of `text` (which starts
/// with `&`): `&#38;`, `&#x26;`, `&amp;`, or a legacy name without its `;`. 0 when none.
fn reference_length(text: &str) -> usize {
    let rest = &text[1..];
    let name = if let Some(number) = rest.strip_prefix('#') {
        let digits = number.strip_prefix(['x', 'X']).unwrap_or(number);
        let hex = digits.len() < number.len();
        let count = digits
            .bytes()
            .take_while(|b| {
                if hex {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        if count == 0 {
            return 0;
        }
        1 + (number.len() - digits.len()) + count
    } else {
        let count = rest
            .bytes()
            .take(40)
            .take_while(u8::is_ascii_alphanumeric)
            .count();
        if count == 0 {
            return 0;
        }
        count
    };
    let semicolon = usize::from(rest[name..].starts_with(';'));
    1 + name + semicolon
}

/// The text a character reference stands for, as the HTML tokenizer reads it; `None` when
/// it is no reference (`AT&T`).
fn decode(reference: &str) -> Option<String> {
    let mut value = String::new();
    for token in Tokenizer::new(reference).flatten() {
        if let Token::String(text) = token {
            value.push_str(&String::from_utf8_lossy(&text.value));
        }
    }
    (value != reference && !value.is_empty()).then_some(value)
}
