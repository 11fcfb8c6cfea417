//! The `crosscheck` command line: parses arguments, calls the library, prints, and maps the
//! outcome to an exit code (0 consistent, 1 findings at or above `--fail-on`, 2 errors).

use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use crosscheck::baseline::Baseline;
use crosscheck::compare::Verdict;
use crosscheck::config;
use crosscheck::report::{self, RenderOptions};
use crosscheck::rules::RuleSet;

mod cmd {
    pub mod config;
    pub mod lint;
    pub mod rules;
}

const EXIT_HELP: &str = "\
Examples:
  crosscheck check coverage/                       # a folder of .txt/.md articles
  crosscheck check a.txt b.md --rules pack.toml    # with an event rule pack
  crosscheck check coverage/ --format github       # annotations in a CI job
  crosscheck facts coverage/                       # every figure found, keyed or not
  crosscheck lint draft.md --against coverage/     # a draft's figures against its sources
  crosscheck config --show                         # the settings of crosscheck.toml in use

Exit status:
  0  no finding at or above --fail-on
  1  at least one finding at or above --fail-on
  2  usage error, unreadable input or invalid rule file";

const FACTS_EXIT_HELP: &str = "\
Exit status:
  0  the claims were listed
  2  usage error, unreadable input or invalid rule file";

/// Tells where news articles about the same event disagree on the facts.
#[derive(Parser)]
#[command(name = "crosscheck", version, about, after_help = EXIT_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    config: cmd::config::ConfigArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Report where the articles disagree on numbers (the consistency report)
    #[command(after_help = EXIT_HELP)]
    Check(CheckArgs),
    /// List every claim extracted from the articles, keyed or not, with its value
    #[command(after_help = FACTS_EXIT_HELP)]
    Facts(CommonArgs),
    /// Check every figure of a draft against trusted sources before publication
    // The drafts are required, but checked after parsing (see `cmd::lint::run`).
    #[command(
        after_help = cmd::lint::LINT_HELP,
        override_usage = "crosscheck lint [OPTIONS] <DRAFT>... [--against <SOURCE>...]"
    )]
    Lint(cmd::lint::LintArgs),
    /// Print the configuration in use (crosscheck.toml), with where each value comes from
    Config(cmd::config::ShowArgs),
    /// Check rule files, run the examples they carry, or explain a key
    #[command(after_help = cmd::rules::RULES_HELP)]
    Rules(cmd::rules::RulesArgs),
    /// Print a shell completion script
    ///
    /// For example `crosscheck completions bash > ~/.local/share/bash-completion/completions/crosscheck`,
    /// `crosscheck completions zsh > ~/.zfunc/_crosscheck` or
    /// `crosscheck completions fish > ~/.config/fish/completions/crosscheck.fish`.
    Completions {
        /// The shell to complete in
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print a man page (roff)
    ///
    /// For example `crosscheck man > crosscheck.1` for the main page and
    /// `crosscheck man check > crosscheck-check.1` for a command's page; `man ./crosscheck.1`
    /// reads one without installing it.
    Man {
        /// The subcommand whose page to print (`check`, `facts`, ...); the main page without it
        #[arg(value_name = "COMMAND")]
        command: Option<String>,
    },
}

#[derive(Args)]
struct CommonArgs {
    /// Articles: files, folders (read recursively for .txt, .md, .markdown, .html and .htm) or `-` for stdin
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<std::path::PathBuf>,
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
}

#[derive(Args)]
struct CheckArgs {
    #[command(flatten)]
    common: CommonArgs,
    /// Lowest verdict that makes the exit status 1 [default: conflict, or the configuration's]
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Also list the keys on which every source agrees
    #[arg(long)]
    show_agreements: bool,
    /// Exit with 0 even when findings reach `--fail-on` (an advisory run); input errors still exit 2
    #[arg(long)]
    exit_zero: bool,
    /// Report only the findings that this baseline file does not hold
    #[arg(long, value_name = "FILE")]
    baseline: Option<std::path::PathBuf>,
    /// Record the findings in this baseline file (and exit with 0 unless an input failed)
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<std::path::PathBuf>,
    /// Quote, under each side of a finding, the sentence its first figure was read from (human report)
    #[arg(long)]
    context: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Diff-style report for people
    Human,
    /// `path:line:col: severity[key] message`, one line per finding
    Concise,
    /// The JSON report (docs/output.md)
    Json,
    /// One JSON finding (or claim, for `facts`) per line
    Jsonl,
    /// GitHub Actions workflow commands that annotate a pull request
    Github,
    /// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers
    Sarif,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    /// Only conflicts (`contradicted` is accepted, as for `lint`)
    #[value(alias = "contradicted")]
    Conflict,
    /// Conflicts and discrepancies (`differs` is accepted, as for `lint`)
    #[value(alias = "differs")]
    Discrepancy,
    /// Never exit with 1
    Never,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let (common, check) = match cli.command {
        Command::Rules(args) => return cmd::rules::run(args, &cli.config),
        Command::Completions { shell } => return print_completions(shell),
        Command::Man { command } => return print_man(command.as_deref()),
        Command::Check(a) => (
            a.common,
            Some((
                if a.exit_zero {
                    Some(FailOn::Never)
                } else {
                    a.fail_on
                },
                a.show_agreements,
                a.baseline,
                a.write_baseline,
                a.context,
            )),
        ),
        Command::Facts(c) => (c, None),
        Command::Lint(args) => return cmd::lint::run(args, &cmd::config::load(&cli.config)?),
        Command::Config(args) => return cmd::config::run(args, &cmd::config::load(&cli.config)?),
    };
    let config = cmd::config::load(&cli.config)?;
    let (fail_on, show_agreements, baseline, write_baseline, context) = match check {
        Some((fail_on, show, baseline, write, context)) => {
            let fail_on = match fail_on {
                Some(FailOn::Conflict) => Some(config::FailOn::Conflict),
                Some(FailOn::Discrepancy) => Some(config::FailOn::Discrepancy),
                Some(FailOn::Never) => Some(config::FailOn::Never),
                None => None,
            };
            (
                Some(cmd::config::fail_on(&config, fail_on)),
                show,
                baseline,
                write,
                context,
            )
        }
        None => (None, false, None, None, false),
    };
    let rules = load_rules(&cmd::config::rules(&config, &common.rules))?;
    let listing = cmd::config::list_articles(&common.paths, &mut io::stdin().lock(), &config);
    let progress = progress_bar(listing.files());
    // Findings reports show keyed and doubtful claims only; listings and JSON show them all.
    let keep = match (fail_on, common.format) {
        (Some(_), Format::Human | Format::Concise | Format::Jsonl | Format::Github | Format::Sarif) => {
            crosscheck::Keep::Reported
        }
        _ => crosscheck::Keep::All,
    };
    // Reports that quote no text (SARIF quotes snippets, JSON and JSON Lines sentences) let
    // the articles' text go as they are read, so a large run never holds all of it.
    // The human report quotes sentences only with `--context`.
    let quotes_text = !matches!(
        (fail_on, common.format),
        (Some(_), Format::Human | Format::Concise | Format::Github)
    ) || (context && matches!(common.format, Format::Human));
    // Findings reports also hold their claims packed: a large run keeps millions of them.
    let mut reader = crosscheck::Reader::new(&rules, keep)
        .forget_text(!quotes_text)
        .pack_claims(keep == crosscheck::Keep::Reported);
    let mut input_errors = false;
    let mut problems: Vec<report::Problem> = Vec::new();
    cmd::config::read_articles(listing, &config, common.date, |documents, found| {
        // Problems are printed as their batch is read, above the progress bar.
        progress.suspend(|| {
            for problem in &found {
                if problem.is_error() {
                    input_errors = true;
                    eprintln!("error: {problem}");
                } else {
                    eprintln!("note: {problem}");
                }
            }
        });
        problems.extend(found.iter().map(|p| report::Problem {
            path: p.path().to_string(),
            severity: if p.is_error() { "error" } else { "note" },
            message: p.to_string(),
        }));
        reader.add(documents, &|| progress.inc(1));
    });
    progress.finish_and_clear();
    if reader.documents() == 0 {
        anyhow::bail!("no article to check");
    }
    if reader.documents() == 1 && fail_on.is_some() {
        eprintln!("note: only one article was read, so there is nothing to compare it with");
    }
    let mut analysis = reader.finish(&cmd::config::policy(&config));
    if let Some(path) = &write_baseline {
        let folder = cmd::config::baseline_folder(path);
        cmd::config::write_baseline(path, &Baseline::of_check(&analysis, folder))?;
    }
    if let Some(path) = &baseline {
        let folder = cmd::config::baseline_folder(path);
        let hidden = cmd::config::read_baseline(path)?.filter_check(&mut analysis, folder);
        cmd::config::note_baselined(path, hidden);
    }
    if fail_on.is_some() && analysis.documents.len() > 1 && analysis.comparison.keys_compared == 0 {
        // "0 conflicts" must not read as "verified" when nothing could be compared.
        let keyed = analysis.keyed_claims();
        eprintln!(
            "note: no quantity was keyed in two sources ({keyed} of {} claims have a key), so nothing was compared\n  \
             help: `crosscheck facts` lists the claims; an event rule pack can key them (docs/rules.md)",
            analysis.claim_count()
        );
    }
    let options = RenderOptions {
        color: use_color(common.color),
        show_agreements,
        context,
    };
    // The decision is ours (flag, NO_COLOR, terminal), not the styling crate's.
    colored::control::set_override(options.color);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match (fail_on, common.format) {
        (Some(_), Format::Human) => report::write_human(&mut out, &analysis, options)?,
        (Some(_), Format::Json) => report::write_json(&mut out, &analysis, options, Some(&problems))?,
        (None, Format::Human) => report::write_facts_table(&mut out, &analysis, options)?,
        (Some(_), Format::Concise) => report::write_concise(&mut out, &analysis, options)?,
        (Some(_), Format::Jsonl) => report::write_jsonl(&mut out, &analysis, options)?,
        (Some(_), Format::Github) => report::write_github(&mut out, &analysis, options)?,
        (Some(_), Format::Sarif) => {
            let base = std::env::current_dir().ok();
            report::write_sarif(&mut out, &analysis, &problems, base.as_deref())?
        }
        (None, Format::Json) => report::write_claims_json(&mut out, &analysis)?,
        (None, Format::Jsonl) => report::write_claims_jsonl(&mut out, &analysis)?,
        (None, Format::Concise | Format::Github | Format::Sarif) => {
            anyhow::bail!("`--format concise`, `github` and `sarif` report findings; use them with `check`")
        }
    }
    out.flush()?;
    if input_errors {
        return Ok(ExitCode::from(2));
    }
    let worst = analysis.comparison.findings.iter().map(|f| f.verdict).max();
    let failing = write_baseline.is_none()
        && matches!(
            (fail_on, worst),
            (Some(config::FailOn::Conflict), Some(Verdict::Conflict))
                | (Some(config::FailOn::Discrepancy), Some(_))
        );
    Ok(if failing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Completion scripts and man pages are generated from the argument definitions, so they never
/// fall behind the options. Both are rendered in memory first: the generators panic on a
/// write error, and a closed pipe must not do that.
fn print_completions(shell: clap_complete::Shell) -> Result<ExitCode> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "crosscheck", &mut script);
    io::stdout().lock().write_all(&script)?;
    Ok(ExitCode::SUCCESS)
}

fn print_man(command: Option<&str>) -> Result<ExitCode> {
    let mut cli = Cli::command().disable_help_subcommand(true);
    // Building gives subcommands their display names (`crosscheck-check`).
    cli.build();
    let page = match command {
        None => cli,
        Some(name) => cli
            .find_subcommand(name)
            .cloned()
            .with_context(|| format!("no command `{name}`; the commands are {}", command_names()))?,
    };
    let mut roff = Vec::new();
    clap_mangen::Man::new(page)
        .source(concat!("crosscheck ", env!("CARGO_PKG_VERSION")))
        .manual("crosscheck manual")
        .render(&mut roff)?;
    let roff = man_sections(&String::from_utf8_lossy(&roff));
    io::stdout().lock().write_all(roff.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// clap_mangen prints `after_help` as one filled paragraph under `EXTRA`; ours is headed blocks
/// of aligned lines (`Examples:`, `Exit status:`), so each becomes its own unfilled section.
fn man_sections(roff: &str) -> String {
    const EXTRA: &str = ".SH EXTRA\n";
    let Some(start) = roff.find(EXTRA) else {
        return roff.to_string();
    };
    let body = start + EXTRA.len();
    let end = roff[body..].find("\n.SH ").map_or(roff.len(), |i| body + i + 1);
    let mut out = roff[..start].to_string();
    for block in roff[body..end].split("\n\n") {
        let block = block.trim_matches('\n');
        match block.split_once('\n') {
            Some((head, rest)) if head.ends_with(':') => {
                let title = head.trim_end_matches(':').to_uppercase();
                out.push_str(&format!(".SH {title}\n.nf\n{rest}\n.fi\n"));
            }
            _ if block.is_empty() => {}
            _ => out.push_str(&format!(".PP\n.nf\n{block}\n.fi\n")),
        }
    }
    out.push_str(&roff[end..]);
    out
}

fn command_names() -> String {
    let names: Vec<String> = Cli::command()
        .get_subcommands()
        .map(|c| format!("`{}`", c.get_name()))
        .collect();
    names.join(", ")
}

/// The built-in generic rules plus every rule file named (folders: their `.toml` files).
fn load_rules(paths: &[String]) -> Result<RuleSet> {
    let mut rules = RuleSet::generic();
    for path in paths {
        let p = Path::new(path);
        let files = if p.is_dir() {
            let mut files: Vec<_> = std::fs::read_dir(p)
                .with_context(|| format!("cannot read rule folder `{path}`"))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.extension().is_some_and(|x| x == "toml"))
                .collect();
            files.sort();
            if files.is_empty() {
                anyhow::bail!("rule folder `{path}` holds no .toml rule file");
            }
            files
        } else {
            vec![p.to_path_buf()]
        };
        for file in files {
            let name = file.display().to_string();
            let text =
                std::fs::read_to_string(&file).with_context(|| format!("cannot read rule file `{name}`"))?;
            rules.add(&name, &text)?;
        }
    }
    Ok(rules)
}

/// Runs of more than this many articles show a progress bar (in a terminal).
const PROGRESS_FROM: usize = 500;

/// A bar on stderr counting the articles read, for long runs when stderr is a terminal; hidden
/// otherwise (pipes, CI logs, tests), where it would only be noise.
fn progress_bar(articles: usize) -> indicatif::ProgressBar {
    if articles <= PROGRESS_FROM || !io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(articles as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} articles read, {eta} left")
    {
        bar.set_style(style);
    }
    bar
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stdout().is_terminal()
        }
    }
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let b = s.as_bytes();
    let shaped = b.len() == 10 && b[4] == b'-' && b[7] == b'-';
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
        if shaped {
            format!("`{s}` is not a day of the calendar")
        } else {
            format!("`{s}` is not a date of the form YYYY-MM-DD")
        }
    })
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}
