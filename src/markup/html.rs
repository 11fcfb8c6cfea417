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
    let body = source.get(start..).unwrap_or("");
    let tokens = tokens(body);
    let has = |name: &str| {
        tokens
            .iter()
            .any(|t| matches!(t, Token::StartTag(tag) if tag.name == name.as_bytes()))
    };
    // An `<article>` may be only a teaser in an aside, a `<main>` may be empty: the first
    // root that gives any prose holds the article.
    let roots = [Some("article"), Some("main")]
        .into_iter()
        .filter(|root| root.is_some_and(has))
        .chain([None]);
    let mut last = None;
    for root in roots {
        let prose = read_from(source, start, &tokens, root);
        if !prose.text.trim().is_empty() {
            return prose;
        }
        last = Some(prose);
    }
    last.unwrap_or_else(|| Builder::new(source).finish(start))
}

/// How far down the open elements an end tag looks for its start tag. Real pages close
/// what they open within a few levels; a page of stray end tags over thousands of unclosed
/// elements would otherwise take time quadratic in its size.
const MAX_CLOSE_DEPTH: usize = 256;

/// The prose of the tokens of `source[start..]`, reading only inside `root` when given.
fn read_from(source: &str, start: usize, tokens: &[Token<usize>], root: Option<&str>) -> Prose<'static> {
    let mut builder = Builder::new(source);
    let mut open = Open::new(root);
    for token in tokens {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).into_owned();
                // A block closes an open paragraph, as `</p>` may be left out.
                if open.last() == Some("p") && BLOCKS.contains(&name.as_str()) {
                    open.close_last();
                }
                if open.reads() {
                    start_tag(&mut builder, &name, tag.span.start + start..tag.span.end + start);
                }
                if !tag.self_closing && !is_void(&name) {
                    open.push(name);
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name);
                if open.close(&name) && (open.reads() || root == Some(name.as_ref())) {
                    end_tag(&mut builder, &name, tag.span.start + start);
                }
            }
            Token::String(text) if open.reads() => {
                decoded(&mut builder, text.span.start + start..text.span.end + start);
            }
            _ => {}
        }
    }
    builder.finish(start)
}

/// The open elements, with counts kept as they open and close so that whether text is read
/// is known at once, however deep the page.
struct Open<'r> {
    root: Option<&'r str>,
    /// Each open element, with whether it is the root and whether it is left out.
    elements: Vec<(String, bool, bool)>,
    roots: usize,
    left_out: usize,
}

impl<'r> Open<'r> {
    fn new(root: Option<&'r str>) -> Self {
        Open {
            root,
            elements: Vec::new(),
            roots: 0,
            left_out: 0,
        }
    }

    /// Whether text here is read: inside the root, when there is one, and in no left-out
    /// element.
    fn reads(&self) -> bool {
        (self.root.is_none() || self.roots > 0) && self.left_out == 0
    }

    fn last(&self) -> Option<&str> {
        self.elements.last().map(|(name, ..)| name.as_str())
    }

    fn push(&mut self, name: String) {
        let is_root = self.root == Some(name.as_str());
        // A header is the page's, left out, unless it opens inside the article.
        let left_out = LEFT_OUT.contains(&name.as_str()) || (name == "header" && self.roots == 0);
        self.roots += usize::from(is_root);
        self.left_out += usize::from(left_out);
        self.elements.push((name, is_root, left_out));
    }

    fn close_last(&mut self) {
        if let Some((_, is_root, left_out)) = self.elements.pop() {
            self.roots -= usize::from(is_root);
            self.left_out -= usize::from(left_out);
        }
    }

    /// Closes the nearest open `name` and everything opened inside it; false when no such
    /// element is open (a stray end tag, ignored).
    fn close(&mut self, name: &str) -> bool {
        let floor = self.elements.len().saturating_sub(MAX_CLOSE_DEPTH);
        let Some(index) = self.elements[floor..].iter().rposition(|(n, ..)| n == name) else {
            return false;
        };
        while self.elements.len() > floor + index {
            self.close_last();
        }
        true
    }
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

/// The `<meta>` tags of a page as `(name, content)`: the name from `property`, `name` or
/// `itemprop`, lower-cased, and the content trimmed, in page order.
pub(crate) fn meta_tags(page: &str) -> Vec<(String, String)> {
    let text = |v: &[u8]| String::from_utf8_lossy(v).into_owned();
    tokens(page)
        .into_iter()
        .filter_map(|token| match token {
            Token::StartTag(tag) if tag.name == b"meta".as_slice() => {
                let get = |key: &str| tag.attributes.get(key.as_bytes()).map(|v| text(&v.value));
                let name = get("property")
                    .or_else(|| get("name"))
                    .or_else(|| get("itemprop"))?;
                Some((name.to_ascii_lowercase(), get("content")?.trim().to_string()))
            }
            _ => None,
        })
        .collect()
}

/// Every token of `body`, spans relative to it. Scripts and styles are read as raw text, as
/// a browser does, so that a `<` inside them opens no tag.
fn tokens(body: &str) -> Vec<Token<usize>> {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    Tokenizer::new_with_emitter(body, emitter)
        .filter_map(Result::ok)
        .collect()
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
        "table" => {
            builder.row_end(at);
            builder.block_end(at);
        }
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
