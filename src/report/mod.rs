//! Reports: one renderer per format, each writing into any `io::Write`.

mod facts;
mod human;
mod json;
mod lines;
mod lint_human;
mod lint_lines;
mod notices;
mod rules;
pub mod sarif;
mod value;

pub use facts::write_facts_table;
pub use human::write_human;
pub use json::{claims_json, report_json, write_claims_json, write_claims_jsonl, write_json, Problem};
pub use lines::{write_concise, write_github, write_jsonl};
pub use lint_human::{write_lint_human, LintOptions};
pub use lint_lines::{
    write_lint_concise, write_lint_github, write_lint_json, write_lint_jsonl, LINT_JSON_VERSION,
};
pub use notices::NOTICE_RULES;
pub use rules::{write_explanation, write_rule_errors, write_rule_errors_concise, write_rule_outcomes};
pub use sarif::{write_lint_sarif, write_sarif};
pub use value::format_value;

use crate::Analysis;

/// What a renderer needs besides the analysis.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    pub color: bool,
    pub show_agreements: bool,
    /// The human report quotes the sentence of each side's first claim (the articles' text
    /// must have been kept: see [`crate::Reader::forget_text`]).
    pub context: bool,
}

/// Line and column of a claim, from the line indexes of the analysis (the documents' text
/// may be gone).
pub(crate) struct Locator;

impl Locator {
    pub(crate) fn new(_analysis: &Analysis) -> Self {
        Locator
    }

    /// 1-based (line, column) of a byte offset in source `source`.
    pub(crate) fn line_col(&self, analysis: &Analysis, source: usize, offset: usize) -> (usize, usize) {
        analysis
            .lines
            .get(source)
            .map_or((1, 1), |index| index.position(offset))
    }
}
