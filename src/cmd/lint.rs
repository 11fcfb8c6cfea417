//! `crosscheck lint DRAFT... --against SOURCE...`: checks every figure of a draft against
//! trusted sources before publication.

use std::collections::HashSet;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use crosscheck::baseline::Baseline;
use crosscheck::config::{self, Config};
use crosscheck::document::Document;
use crosscheck::lint::Grade;
use crosscheck::report::{self, LintOptions};

use crate::{cmd, load_rules, parse_date, use_color, ColorChoice, Format};

pub const LINT_HELP: &str = "\
Examples:
  crosscheck lint draft.md --against coverage/             # a draft against a folder of sources
  crosscheck lint draft.md --against a.txt b.md --rules pack.toml
  crosscheck lint draft.md --against coverage/ --show-unsupported
  crosscheck lint draft.md --against coverage/ --format github --fail-on differs
  crosscheck lint draft.md                                 # against the trusted sources of crosscheck.toml

Grades:
  contradicted  every source gives a value that cannot be true with the draft's (error)
  differs       the sources state it differently, or disagree among themselves (warning)
  unsupported   no source states the quantity (info, shown with --show-unsupported)

Exit status:
  0  no figure graded at or above --fail-on (or --exit-zero)
  1  at least one figure graded at or above --fail-on
  2  usage error, unreadable input or invalid rule file";

/// The arguments of `lint`.
#[derive(Args)]
pub struct LintArgs {
    /// Drafts to check (at least one): files, folders (read recursively for .txt, .md, .markdown, .html and .htm) or `-` for stdin
    // Checked in `run`, which can tell when `--against` took the drafts.
    #[arg(value_name = "DRAFT")]
    drafts: Vec<PathBuf>,
    /// Trusted sources to check the drafts against: files, folders or `-` [default: the
    /// sources the configuration's manifest marks `trusted = true`]
    #[arg(long, num_args = 1.., value_name = "SOURCE")]
    against: Vec<PathBuf>,
    /// Extra rule file or folder of rule files (event packs); may be repeated
    #[arg(long = "rules", value_name = "PATH")]
    rules: Vec<String>,
    /// Publication date for articles that state none in front matter, meta tags or a dateline (YYYY-MM-DD)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<NaiveDate>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// When to use colour (NO_COLOR is honoured with `auto`)
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    color: ColorChoice,
    /// Lowest grade that makes the exit status 1 [default: contradicted, or the configuration's]
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Exit with status 0 whatever the grades, for advisory runs (input errors still give 2)
    #[arg(long)]
    exit_zero: bool,
    /// Also report the figures that no source states
    #[arg(long)]
    show_unsupported: bool,
    /// Report only the figures that this baseline file does not hold
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record the reported figures in this baseline file (and exit with 0 unless an input failed)
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FailOn {
    /// Only contradicted figures (`conflict` is accepted, as for `check`)
    #[value(alias = "conflict")]
    Contradicted,
    /// Contradicted and differing figures (`discrepancy` is accepted, as for `check`)
    #[value(alias = "discrepancy")]
    Differs,
    /// Never exit with 1
    Never,
}

/// Loads, lints, prints, and maps the outcome to an exit status.
pub fn run(args: LintArgs, config: &Config) -> Result<ExitCode> {
    if args.drafts.is_empty() {
        // `--against` reads every path after it: `lint --against a.txt draft.md` has no draft.
        let help = if args.against.len() > 1 {
            "`--against` took every path after it; put the drafts first (`crosscheck lint DRAFT... --against SOURCE...`) or end the sources with `--`"
        } else {
            "give the drafts first: `crosscheck lint DRAFT... --against SOURCE...`"
        };
        anyhow::bail!("no draft to check\n  help: {help}");
    }
    let rules = load_rules(&cmd::config::rules(config, &args.rules))?;
    let against = if args.against.is_empty() {
        let trusted = config.trusted_sources();
        if trusted.is_empty() {
            anyhow::bail!(
                "no source to check the drafts against\n  \
                 help: give `--against SOURCE...`, or mark sources `trusted = true` in crosscheck.toml (docs/config.md)"
            );
        }
        trusted
    } else {
        args.against.clone()
    };
    let stdin_twice =
        args.drafts.iter().any(|p| p.as_os_str() == "-") && against.iter().any(|p| p.as_os_str() == "-");
    if stdin_twice {
        anyhow::bail!("`-` (standard input) can be read as a draft or as a source, not as both");
    }
    let mut stdin = io::stdin().lock();
    let drafts = cmd::config::load_articles(&args.drafts, &mut stdin, config, args.date);
    let sources = cmd::config::load_articles(&against, &mut stdin, config, args.date);
    let mut input_errors = false;
    let mut problems = Vec::new();
    for problem in drafts.problems.iter().chain(&sources.problems) {
        let severity = if problem.is_error() { "error" } else { "note" };
        input_errors |= problem.is_error();
        eprintln!("{severity}: {problem}");
        problems.push(report::Problem {
            path: problem.path().to_string(),
            severity,
            message: problem.to_string(),
        });
    }
    if drafts.documents.is_empty() {
        anyhow::bail!("no draft to lint");
    }
    let sources = without_untrusted(without_drafts(sources.documents, &drafts.documents), config);
    if sources.is_empty() {
        anyhow::bail!("no source to check the drafts against");
    }
    let policy = cmd::config::policy(config);
    let mut report = crosscheck::lint::lint_with(drafts.documents, sources, &rules, &policy);
    if let Some(path) = &args.write_baseline {
        let folder = cmd::config::baseline_folder(path);
        cmd::config::write_baseline(path, &Baseline::of_lint(&report, folder))?;
    }
    if let Some(path) = &args.baseline {
        let folder = cmd::config::baseline_folder(path);
        let hidden = cmd::config::read_baseline(path)?.filter_lint(&mut report, folder);
        cmd::config::note_baselined(path, hidden);
    }
    if report.draft_claims().iter().all(|c| c.key.is_none()) {
        eprintln!(
            "note: no figure of the draft has a key, so nothing was checked\n  \
             help: `crosscheck facts` lists the claims; an event rule pack can key them (docs/rules.md)"
        );
    }
    let options = LintOptions {
        color: use_color(args.color),
        show_unsupported: args.show_unsupported,
    };
    colored::control::set_override(options.color);
    let mut out = io::BufWriter::new(io::stdout().lock());
    match args.format {
        Format::Human => report::write_lint_human(&mut out, &report, options)?,
        Format::Concise => report::write_lint_concise(&mut out, &report, options)?,
        Format::Json => report::write_lint_json(&mut out, &report, options, &problems)?,
        Format::Jsonl => report::write_lint_jsonl(&mut out, &report, options)?,
        Format::Github => report::write_lint_github(&mut out, &report, options)?,
        Format::Sarif => {
            let base = std::env::current_dir().ok();
            report::write_lint_sarif(
                &mut out,
                &report,
                options.show_unsupported,
                &problems,
                base.as_deref(),
            )?
        }
    }
    out.flush()?;
    if input_errors {
        return Ok(ExitCode::from(2));
    }
    let flag = args.fail_on.map(|f| match f {
        FailOn::Contradicted => config::FailOn::Conflict,
        FailOn::Differs => config::FailOn::Discrepancy,
        FailOn::Never => config::FailOn::Never,
    });
    let threshold = match cmd::config::fail_on(config, flag) {
        config::FailOn::Conflict => Grade::Contradicted,
        config::FailOn::Discrepancy => Grade::Differs,
        config::FailOn::Never => return Ok(ExitCode::SUCCESS),
    };
    let failing =
        !args.exit_zero && args.write_baseline.is_none() && report.lints.iter().any(|l| l.grade >= threshold);
    Ok(if failing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The sources less those the manifest marks `trusted = false`, each left out with a note.
fn without_untrusted(sources: Vec<Document>, config: &Config) -> Vec<Document> {
    sources
        .into_iter()
        .filter(|s| {
            let untrusted = config.trusted(&s.path) == Some(false);
            if untrusted {
                eprintln!(
                    "note: `{}` is marked `trusted = false` in the configuration, so it is not used as a source",
                    s.path
                );
            }
            !untrusted
        })
        .collect()
}

/// The sources less any file that is also a draft (a draft in the folder of its sources
/// would otherwise support itself), each left out with a note.
fn without_drafts(sources: Vec<Document>, drafts: &[Document]) -> Vec<Document> {
    let canonical = |d: &Document| {
        (d.path != "-")
            .then(|| std::fs::canonicalize(&d.path).ok())
            .flatten()
    };
    let drafts: HashSet<PathBuf> = drafts.iter().filter_map(canonical).collect();
    sources
        .into_iter()
        .filter(|s| {
            let is_draft = canonical(s).is_some_and(|p| drafts.contains(&p));
            if is_draft {
                eprintln!("note: `{}` is a draft, so it is not used as a source", s.path);
            }
            !is_draft
        })
        .collect()
}
