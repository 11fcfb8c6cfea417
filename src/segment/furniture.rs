//! Page furniture: the lines a web page carries around its article that are not the article.
//!
//! Text copied from a news site keeps links to other stories, inline (`READ MORE: Death toll
//! in Ardessa floods rises to 40`) and in lists under a heading at the end (`Related
//! Articles`, `Most read`, `More from Reuters`). Their figures belong to other stories: set
//! against the article's own, they make findings nobody can act on. Their claims are still
//! read, but never keyed, so that they are listed and never compared.
//!
//! Only lines that look like links are furniture: a headline does not end as a sentence
//! does. A lead-in followed by a full sentence (`Related: the ministry said 40 people had
//! died.`) is prose, and a list ends at the first line that reads as prose.

use std::ops::Range;

/// Words that open an inline link to another story, before a `:`, `|`, `>` or dash.
const LEAD_INS: &[&str] = &[
    "read more",
    "read also",
    "also read",
    "also see",
    "see also",
    "related",
    "related story",
    "related article",
    "related coverage",
    "more",
    "watch",
    "listen",
    "recommended",
    "read next",
    "must read",
    "don't miss",
    "do not miss",
    "explore more",
];

/// Headings of the lists of other stories that pages put around and after an article.
const LIST_HEADINGS: &[&str] = &[
    "related",
    "related articles",
    "related stories",
    "related content",
    "related coverage",
    "related news",
    "related links",
    "related reading",
    "related topics",
    "more stories",
    "more news",
    "more on this story",
    "more like this",
    "you may also like",
    "you might also like",
    "you may be interested in",
    "recommended",
    "recommended for you",
    "recommended stories",
    "recommended reading",
    "most read",
    "most popular",
    "most viewed",
    "popular",
    "popular articles",
    "popular stories",
    "popular now",
    "trending",
    "trending now",
    "trending stories",
    "top stories",
    "read next",
    "read more",
    "what to read next",
    "editor's picks",
    "editors' picks",
    "don't miss",
    "around the web",
    "sponsored",
    "sponsored content",
    "promoted stories",
];

/// The byte ranges of `text` (from `start`) that are furniture, one per line, in order.
pub fn furniture(text: &str, start: usize) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let Some(body) = text.get(start..) else {
        return found;
    };
    let mut in_list = false;
    let mut at = start;
    for line in body.split('\n') {
        let range = at..at + line.len();
        at += line.len() + 1;
        let words = link_text(line);
        if words.is_empty() {
            continue;
        }
        if is_list_heading(words) {
            in_list = true;
            found.push(range);
        } else if is_lead_in(words) || (in_list && !ends_as_sentence(words)) {
            found.push(range);
        } else {
            in_list = false;
        }
    }
    found
}

/// A line without the marks a list item or a heading starts with (`-`, `*`, `•`, `#`, `1.`)
/// and without surrounding spaces.
fn link_text(line: &str) -> &str {
    let line = line.trim();
    let unmarked = line
        .trim_start_matches(['-', '*', '•', '#', '>', '·'])
        .trim_start();
    let digits = unmarked.trim_start_matches(|c: char| c.is_ascii_digit());
    match digits.strip_prefix(['.', ')']) {
        Some(rest) if digits.len() < unmarked.len() && rest.starts_with(' ') => rest.trim_start(),
        _ => unmarked,
    }
}

/// `Related Articles`, `MOST READ:`, `More from Reuters`.
fn is_list_heading(line: &str) -> bool {
    // The longest heading is 26 bytes; `More from` takes an outlet's name.
    if line.len() > 48 {
        return false;
    }
    let line = line.trim_end_matches([':', ' ']);
    let straight;
    let line = if line.contains('’') {
        straight = line.replace('’', "'");
        straight.as_str()
    } else {
        line
    };
    LIST_HEADINGS.iter().any(|h| h.eq_ignore_ascii_case(line))
        || line
            .get(..10)
            .is_some_and(|more| more.eq_ignore_ascii_case("more from "))
            && line[10..].split_whitespace().count() <= 4
}

/// `READ MORE: Flood toll rises to 40`, `Watch | Rescuers reach the village`: a lead-in, a
/// separator, then a headline (which does not end as a sentence).
fn is_lead_in(line: &str) -> bool {
    // Every lead-in starts with one of these letters: most lines are rejected here.
    if !line.bytes().next().is_some_and(|b| {
        matches!(
            b.to_ascii_lowercase(),
            b'r' | b'a' | b's' | b'm' | b'w' | b'l' | b'd' | b'e'
        )
    }) {
        return false;
    }
    // The longest lead-in is 12 bytes: only the start of a line is searched for the separator.
    let Some((at, separator)) = line
        .char_indices()
        .take(24)
        .find(|(_, c)| matches!(c, ':' | '|' | '>' | '–' | '—'))
    else {
        return false;
    };
    let (head, rest) = (&line[..at], &line[at + separator.len_utf8()..]);
    let head = head.trim().to_lowercase().replace('’', "'");
    LEAD_INS.contains(&head.as_str()) && !rest.trim().is_empty() && !ends_as_sentence(rest)
}

/// Whether a line ends as a sentence does: with `.`, `!`, `?` or `…`, before any closing
/// quotes or brackets.
fn ends_as_sentence(line: &str) -> bool {
    line.trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', ']'])
        .ends_with(['.', '!', '?', '…'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn furniture_lines(text: &str) -> Vec<&str> {
        furniture(text, 0).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn an_inline_link_to_another_story_is_furniture() {
        let text = "The bridge carried 40,000 vehicles a day.\n\
                    READ MORE: Eleven dead as second bridge fails in the north\n\
                    Engineers had warned of cracks in 2019.";
        assert_eq!(
            furniture_lines(text),
            ["READ MORE: Eleven dead as second bridge fails in the north"]
        );
    }

    #[test]
    fn a_lead_in_before_a_full_sentence_is_prose() {
        let text = "Related: the ministry said 40 people had died by Tuesday.\n\
                    Watch: 300 firefighters battle the blaze";
        assert_eq!(
            furniture_lines(text),
            ["Watch: 300 firefighters battle the blaze"]
        );
    }

    #[test]
    fn a_list_of_other_stories_is_furniture_until_prose_resumes() {
        let text = "Officials counted 212 damaged homes.\n\n\
                    Related Articles\n\n\
                    - Storm leaves 90,000 without power\n\
                    2. Insurers brace for $3bn bill\n\n\
                    You must be logged in to post a comment.\n\
                    Popular Articles\n";
        assert_eq!(
            furniture_lines(text),
            [
                "Related Articles",
                "- Storm leaves 90,000 without power",
                "2. Insurers brace for $3bn bill",
                "Popular Articles",
            ]
        );
    }

    #[test]
    fn more_from_an_outlet_heads_a_list() {
        let text = "More from Reuters\nMarkets fall 3% on rate fears\n";
        assert_eq!(
            furniture_lines(text),
            ["More from Reuters", "Markets fall 3% on rate fears"]
        );
    }

    #[test]
    fn headings_and_headlines_of_the_article_itself_are_prose() {
        let text = "Death toll rises to 40 in Ardessa floods\n\n\
                    More than 2,000 people were evacuated.\n\
                    The Related Costs\n\
                    Repairs will cost $40m, the council said.\n\
                    More than 300 homes were flooded, officials said";
        assert!(furniture_lines(text).is_empty());
    }

    #[test]
    fn reading_starts_at_the_offset_and_ranges_point_into_the_text() {
        let text = "Read more: old story\nRead more: 12 new things\n";
        let ranges = furniture(text, 21);
        assert_eq!(ranges.len(), 1);
        assert_eq!(ranges[0], 21..45);
        assert_eq!(&text[ranges[0].clone()], "Read more: 12 new things");
        assert!(furniture(text, 1000).is_empty());
    }
}
