//! Markdown to prose, with pulldown-cmark's offset iterator: every event comes with the
//! range of the file it was read from.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::{Builder, Prose};

/// The prose of the Markdown body `source[start..]`.
///
/// Paragraphs, headings, list items, quotes and footnotes are blocks; a soft break is a
/// space and a hard break a line break. Link text is prose, but not a link's address nor an
/// autolink (`<https://...>`); images (address and alt text), code (blocks and inline),
/// HTML (blocks, inline tags and comments) and struck-out text (`~~26~~`, what an editor
/// took back) are left out.
pub(super) fn prose(source: &str, start: usize) -> Prose<'static> {
    let mut builder = Builder::new(source);
    let body = source.get(start..).unwrap_or("");
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    // The ends of the open elements whose content is left out.
    let mut skipped: Vec<TagEnd> = Vec::new();
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let range = range.start + start..range.end + start;
        match event {
            Event::Start(tag) => {
                if !skipped.is_empty() || is_left_out(&tag) {
                    skipped.push(tag.to_end());
                    continue;
                }
                open(&mut builder, &tag, range.start);
            }
            Event::End(end) => {
                if !skipped.is_empty() {
                    skipped.pop();
                    continue;
                }
                close(&mut builder, end, range.end);
            }
            _ if !skipped.is_empty() => {}
            Event::Text(text) => builder.text(range, &text),
            Event::SoftBreak => builder.space(range),
            Event::HardBreak => builder.line_break(range),
            Event::Rule => builder.block_end(range.start),
            // Code, HTML, math, footnote marks and task boxes are not prose.
            _ => {}
        }
    }
    builder.finish(start)
}

/// Elements whose whole content is left out.
fn is_left_out(tag: &Tag) -> bool {
    match tag {
        Tag::CodeBlock(_)
        | Tag::HtmlBlock
        | Tag::Image { .. }
        | Tag::Strikethrough
        | Tag::MetadataBlock(_) => true,
        Tag::Link { link_type, .. } => matches!(link_type, LinkType::Autolink | LinkType::Email),
        _ => false,
    }
}

fn open(builder: &mut Builder, tag: &Tag, at: usize) {
    match tag {
        Tag::Table(_) => builder.block_end(at),
        Tag::TableHead | Tag::TableRow => builder.row_start(at),
        Tag::TableCell => builder.cell_start(at),
        tag if is_block(tag) => builder.block_end(at),
        _ => {}
    }
}

fn close(builder: &mut Builder, end: TagEnd, at: usize) {
    match end {
        TagEnd::TableHead | TagEnd::TableRow => builder.row_end(at),
        TagEnd::TableCell => builder.close_cell(at),
        TagEnd::Table
        | TagEnd::Paragraph
        | TagEnd::Heading(_)
        | TagEnd::BlockQuote(_)
        | TagEnd::List(_)
        | TagEnd::Item
        | TagEnd::FootnoteDefinition
        | TagEnd::DefinitionList
        | TagEnd::DefinitionListTitle
        | TagEnd::DefinitionListDefinition => builder.block_end(at),
        _ => {}
    }
}

fn is_block(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::List(_)
            | Tag::Item
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
    )
}
