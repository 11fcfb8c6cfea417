//! `crosscheck facts`: every claim as an aligned table.

use std::io;

use super::value::format_value;
use super::{human::paint, Locator, RenderOptions};
use crate::Analysis;
use colored::Colorize;

/// One row per claim: key, value, qualifier, quoted phrase, `file:line:col`.
pub fn write_facts_table(
    out: &mut dyn io::Write,
    analysis: &Analysis,
    options: RenderOptions,
) -> io::Result<()> {
    let locator = Locator::new(analysis);
    let rows: Vec<[String; 5]> = analysis
        .claims
        .iter()
        .map(|c| {
            let (line, col) = locator.line_col(analysis, c.source, c.span.start);
            let value = match &c.value {
                Some(v) => format_value(v, c.kind, c.unit),
                None => "unresolved".to_string(),
            };
            [
                c.key.as_deref().unwrap_or("-").to_string(),
                value,
                c.qualifier.as_str().to_string(),
                format!("\"{}\"", c.text.replace('\n', " ")),
                format!("{}:{line}:{col}", analysis.documents[c.source].path),
            ]
        })
        .collect();
    let header = ["KEY", "VALUE", "QUALIFIER", "PHRASE", "LOCATION"].map(String::from);
    let mut widths = [0usize; 4];
    for row in std::iter::once(&header).chain(rows.iter()) {
        for (w, cell) in widths.iter_mut().zip(row.iter()) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |row: &[String; 5]| {
        let mut s = String::new();
        for (cell, w) in row.iter().zip(widths.iter()) {
            s.push_str(cell);
            s.push_str(&" ".repeat(w - cell.chars().count() + 2));
        }
        s.push_str(&row[4]);
        s
    };
    writeln!(out, "{}", paint(line(&header), options.color, |s| s.bold()))?;
    for row in &rows {
        writeln!(out, "{}", line(row))?;
    }
    Ok(())
}
