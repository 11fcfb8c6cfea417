//! Byte offsets to human line and column numbers.
//!
//! Everything inside the tool works with byte offsets, because that is what
//! string slicing and regex matches give us; people want `line:column`. The
//! index is built once per file so that mapping many offsets stays cheap.
//!
//! The index also records where the file's multi-byte characters and `\r\n` line endings are,
//! so that [`LineIndex::position`] answers without the text: a large run drops each article's
//! text once its claims are read and still reports their lines and columns.

/// Maps byte offsets to 1-based line and 1-based column (counted in chars), built once per file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset at which each line starts; always begins with 0, so it is
    /// never empty and a binary search always finds a line.
    /// Two or four bytes a line: a large run keeps the index of every article. Lines that
    /// start past 4 GiB are in `far_starts`.
    starts: Starts,
    far_starts: Box<[usize]>,
    /// Every character of more than one byte, in order.
    wide: Box<[Wide]>,
    /// Offset of the `\n` of every `\r\n`.
    crlf: Box<[usize]>,
    /// Length of the text in bytes.
    len: usize,
}

/// The starts of the lines that start below 4 GiB: two bytes each in a text shorter than
/// 64 KiB (nearly every article), four in a longer one. Boxed slices, with no room beyond
/// the lines (a vector grown by doubling holds up to twice as many).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Starts {
    Short(Box<[u16]>),
    Long(Box<[u32]>),
}

impl Starts {
    fn len(&self) -> usize {
        match self {
            Starts::Short(starts) => starts.len(),
            Starts::Long(starts) => starts.len(),
        }
    }

    /// How many lines start at or before `offset`.
    fn up_to(&self, offset: usize) -> usize {
        match self {
            Starts::Short(starts) => starts.partition_point(|&start| usize::from(start) <= offset),
            Starts::Long(starts) => starts.partition_point(|&start| start as usize <= offset),
        }
    }

    fn get(&self, line: usize) -> Option<usize> {
        match self {
            Starts::Short(starts) => starts.get(line).map(|&start| usize::from(start)),
            Starts::Long(starts) => starts.get(line).map(|&start| start as usize),
        }
    }
}

/// A character of more than one byte: where it starts, and its length in UTF-8 bytes and in
/// UTF-16 code units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Wide {
    at: usize,
    bytes: u8,
    units: u8,
}

impl LineIndex {
    /// Records where every line of `text` starts.
    ///
    /// Only `\n` ends a line: in a `\r\n` pair the `\r` stays at the end of
    /// the previous line, and `line_col` refuses to count it as a column.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        let mut far_starts = Vec::new();
        let mut crlf = Vec::new();
        let bytes = text.as_bytes();
        // A `char` pattern finds each `\n` with memchr rather than testing every byte.
        for (at, _) in text.match_indices('\n') {
            match u32::try_from(at + 1) {
                Ok(start) => starts.push(start),
                Err(_) => far_starts.push(at + 1),
            }
            if at > 0 && bytes[at - 1] == b'\r' {
                crlf.push(at);
            }
        }
        let wide = if text.is_ascii() {
            Box::default()
        } else {
            text.char_indices()
                .filter(|(_, c)| !c.is_ascii())
                .map(|(at, c)| Wide {
                    at,
                    bytes: c.len_utf8() as u8,
                    units: c.len_utf16() as u8,
                })
                .collect()
        };
        // A text shorter than 64 KiB starts every line below 64 KiB.
        let starts = if text.len() <= usize::from(u16::MAX) {
            Starts::Short(
                starts
                    .iter()
                    .map_while(|&start| u16::try_from(start).ok())
                    .collect(),
            )
        } else {
            Starts::Long(starts.into_boxed_slice())
        };
        LineIndex {
            starts,
            far_starts: far_starts.into_boxed_slice(),
            wide,
            crlf: crlf.into_boxed_slice(),
            len: text.len(),
        }
    }

    /// (line, column) of `offset` in the text the index was built from, as
    /// [`LineIndex::line_col`] gives them, without the text.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        self.position_by(offset, |w| usize::from(w.bytes) - 1)
    }

    /// (line, column) as [`LineIndex::line_col_utf16`] gives them, without the text.
    pub fn position_utf16(&self, offset: usize) -> (usize, usize) {
        self.position_by(offset, |w| usize::from(w.bytes - w.units))
    }

    /// The line of `offset` and its column, `extra` being how many bytes of a wide character
    /// do not count as a column.
    fn position_by(&self, offset: usize, extra: impl Fn(&Wide) -> usize) -> (usize, usize) {
        let mut offset = offset.min(self.len);
        // Inside a multi-byte character: back to its start.
        let inside = self.wide.partition_point(|w| w.at < offset);
        if let Some(w) = inside.checked_sub(1).and_then(|i| self.wide.get(i)) {
            if w.at + usize::from(w.bytes) > offset {
                offset = w.at;
            }
        }
        let (line, line_start) = self.line_of(offset);
        let first = self.wide.partition_point(|w| w.at < line_start);
        let last = self.wide.partition_point(|w| w.at < offset);
        let skipped: usize = self
            .wide
            .get(first..last)
            .unwrap_or_default()
            .iter()
            .map(extra)
            .sum();
        let mut column = offset - line_start - skipped + 1;
        if self.crlf.binary_search(&offset).is_ok() {
            column -= 1;
        }
        (line, column)
    }

    /// (line, column), both 1-based; column counts chars from the line start. An offset past the end maps to the end.
    ///
    /// `text` must be the text the index was built from. An offset inside a
    /// multi-byte character is moved back to the start of that character, so
    /// the answer always names a real character and nothing panics.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let (line, line_start) = self.line_of(offset);
        let before = text.get(line_start..offset).unwrap_or("");
        let mut column = before.chars().count() + 1;
        // Pointing at the `\n` of a `\r\n` pair: the `\r` is part of the line
        // ending, not a character anyone can see.
        if before.ends_with('\r') && text.get(offset..).is_some_and(|rest| rest.starts_with('\n')) {
            column -= 1;
        }
        (line, column)
    }

    /// (line, column) as [`LineIndex::line_col`], but the column counts UTF-16 code units, as
    /// SARIF consumers and editors built on JavaScript strings do: a character outside the
    /// Basic Multilingual Plane (most emoji) counts two.
    pub fn line_col_utf16(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let (line, line_start) = self.line_of(offset);
        let before = text.get(line_start..offset).unwrap_or("");
        let mut column = before.encode_utf16().count() + 1;
        if before.ends_with('\r') && text.get(offset..).is_some_and(|rest| rest.starts_with('\n')) {
            column -= 1;
        }
        (line, column)
    }
}

impl LineIndex {
    /// The 1-based line holding `offset`, and the offset at which it starts.
    fn line_of(&self, offset: usize) -> (usize, usize) {
        // `starts[0] == 0 <= offset`, so at least one start qualifies and `line >= 1`; every
        // far start is past `u32::MAX`.
        let near = self.starts.up_to(offset);
        let line = near + self.far_starts.partition_point(|&start| start <= offset);
        let line_start = match line.checked_sub(1 + self.starts.len()) {
            Some(far) => self.far_starts.get(far).copied().unwrap_or(0),
            None => self.starts.get(line.saturating_sub(1)).unwrap_or(0),
        };
        (line, line_start)
    }
}

/// The largest char boundary at or before `offset` (which must be `<= text.len()`).
fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_past_four_gigabytes_are_found() {
        // Built by hand: a test cannot hold a text of 5 GB.
        let index = LineIndex {
            starts: Starts::Long(Box::new([0, 10])),
            far_starts: Box::new([5_000_000_000, 5_000_000_100]),
            wide: Box::default(),
            crlf: Box::default(),
            len: 6_000_000_000,
        };
        assert_eq!(index.line_of(5), (1, 0));
        assert_eq!(index.line_of(4_000_000_000), (2, 10));
        assert_eq!(index.line_of(5_000_000_050), (3, 5_000_000_000));
        assert_eq!(index.position(5_000_000_103), (4, 4));
    }

    #[test]
    fn texts_either_side_of_64_kib_place_every_offset() {
        // Two bytes a line up to a text of 65,535 bytes, four past it.
        for len in [65_534, 65_535, 65_536, 65_537, 70_000] {
            let mut text = "line\n".repeat(len / 5);
            text.push_str(&"x".repeat(len - text.len()));
            let index = LineIndex::new(&text);
            assert_eq!(matches!(index.starts, Starts::Short(_)), len <= 65_535);
            for offset in (0..=len + 1).step_by(997).chain([len - 1, len, len + 1]) {
                assert_eq!(
                    index.position(offset),
                    index.line_col(&text, offset),
                    "{len} {offset}"
                );
            }
        }
        assert!(std::mem::size_of::<LineIndex>() <= 80);
    }

    fn at(text: &str, offset: usize) -> (usize, usize) {
        LineIndex::new(text).line_col(text, offset)
    }

    #[test]
    fn empty_text_is_line_one_column_one() {
        assert_eq!(at("", 0), (1, 1));
        assert_eq!(at("", 10), (1, 1));
    }

    #[test]
    fn first_line() {
        assert_eq!(at("abc", 0), (1, 1));
        assert_eq!(at("abc", 2), (1, 3));
        assert_eq!(at("abc", 3), (1, 4));
    }

    #[test]
    fn later_lines_with_lf() {
        let text = "ab\ncd\n\nef";
        assert_eq!(at(text, 2), (1, 3)); // the newline itself
        assert_eq!(at(text, 3), (2, 1));
        assert_eq!(at(text, 4), (2, 2));
        assert_eq!(at(text, 6), (3, 1)); // empty line
        assert_eq!(at(text, 7), (4, 1));
        assert_eq!(at(text, 8), (4, 2));
    }

    #[test]
    fn crlf_does_not_count_the_cr_as_a_column() {
        let text = "ab\r\ncd\r\n";
        assert_eq!(at(text, 2), (1, 3)); // the CR
        assert_eq!(at(text, 3), (1, 3)); // the LF, still just after `b`
        assert_eq!(at(text, 4), (2, 1));
        assert_eq!(at(text, 5), (2, 2));
        assert_eq!(at(text, 8), (3, 1));
    }

    #[test]
    fn columns_count_chars_not_bytes() {
        let text = "é“x”\n中文z";
        assert_eq!(at(text, "é“".len()), (1, 3));
        let z = text.find('z').unwrap();
        assert_eq!(at(text, z), (2, 3));
    }

    #[test]
    fn offset_inside_a_char_moves_back_to_its_start() {
        let text = "a中b";
        assert_eq!(at(text, 2), (1, 2));
        assert_eq!(at(text, 3), (1, 2));
        assert_eq!(at(text, 4), (1, 3));
    }

    #[test]
    fn offset_past_the_end_maps_to_the_end() {
        assert_eq!(at("ab\ncd", 100), (2, 3));
        assert_eq!(at("ab\n", 100), (2, 1));
        assert_eq!(at("a中", usize::MAX), (1, 3));
    }

    #[test]
    fn index_is_reusable_for_many_offsets() {
        let text = "one\ntwo\nthree";
        let index = LineIndex::new(text);
        let found: Vec<_> = [0, 4, 8, 12]
            .iter()
            .map(|&offset| index.line_col(text, offset))
            .collect();
        assert_eq!(found, vec![(1, 1), (2, 1), (3, 1), (3, 5)]);
    }

    #[test]
    fn utf16_columns_count_astral_characters_twice() {
        let text = "🎉 é 12\n中 🎉x";
        let index = LineIndex::new(text);
        let twelve = text.find("12").unwrap();
        assert_eq!(index.line_col(text, twelve), (1, 5));
        assert_eq!(index.line_col_utf16(text, twelve), (1, 6));
        let x = text.find('x').unwrap();
        assert_eq!(index.line_col(text, x), (2, 4));
        assert_eq!(index.line_col_utf16(text, x), (2, 5));
        // Inside a four-byte character: back to its start, as `line_col` does.
        assert_eq!(index.line_col_utf16(text, 1), (1, 1));
        assert_eq!(index.line_col_utf16("ab\r\n", 3), (1, 3));
        assert_eq!(index.line_col_utf16(text, usize::MAX), (2, 6));
    }

    /// `position` and `position_utf16` agree with the readings made with the text.
    fn agrees_without_the_text(text: &str) {
        let index = LineIndex::new(text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(
                index.position(offset),
                index.line_col(text, offset),
                "{text:?} at {offset}"
            );
            assert_eq!(
                index.position_utf16(offset),
                index.line_col_utf16(text, offset),
                "{text:?} at {offset}"
            );
        }
    }

    #[test]
    fn positions_need_no_text() {
        for text in [
            "",
            "abc",
            "ab\ncd\n\nef",
            "ab\r\ncd\r\n",
            "\r\n\r\n",
            "\n\r\n",
            "é“x”\n中文z",
            "a中b",
            "🎉 é 12\n中 🎉x\r\n“",
            "\r🎉\r\n\n",
        ] {
            agrees_without_the_text(text);
        }
    }

    proptest::proptest! {
        #[test]
        fn positions_need_no_text_for_any_text(text in "(a|é|🎉|中|\r|\n|\r\n| ){0,24}") {
            agrees_without_the_text(&text);
        }
    }

    #[test]
    fn a_different_text_does_not_panic() {
        let index = LineIndex::new("a\nb\nc\nd");
        assert_eq!(index.line_col("é", 1), (1, 1));
        assert_eq!(index.line_col("", 5), (1, 1));
    }
}
