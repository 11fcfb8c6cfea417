//! `crosscheck rules check|test|explain`: tooling for the people who write rule files.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, Subcommand, ValueEnum};

use crosscheck::report;
use crosscheck::rules::{RuleError, RuleSet, GENERIC_RULES, GENERIC_RULES_NAME};
use crosscheck::rules_test::run_file;

use crate::{load_rules, use_color, ColorChoice};

pub const RULES_HELP: &str = "\
Examples:
  crosscheck rules check                          # the built-in generic rules
  crosscheck rules check rules/events/ my.toml    # rule files and folders of them
  crosscheck rules test rules/events/             # run the examples and cases they carry
  crosscheck rules explain troops.deployed --rules rules/events/

Exit status:
  0  every rule file is valid (check), every example and case passes (test)
  1  a rule file is invalid (check), an example or case fails (test)
  2  usage error, unreadable rule file, invalid rule file (test, explain), unknown key (explain)";

/// The arguments of `rules`.
#[derive(Args)]
pub struct RulesArgs {
    #[command(subcommand)]
    command: RulesCommand,
}

#[derive(Subcommand)]
enum RulesCommand {
    /// Validate rule files: every error with its file, line, column, field and a hint
    Check {
        /// Rule files or folders of them (their .toml files); when none is given, the rule
        /// files of the configuration, else the built-in generic rules
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Output format
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// When to use colour (NO_COLOR is honoured with `auto`)
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
        color: ColorChoice,
    },
    /// Run the examples and cases that rule files carry, and print each result
    Test {
        /// Rule files or folders of them (their .toml files); when none is given, the rule
        /// files of the configuration, else the built-in generic rules
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// When to use colour (NO_COLOR is honoured with `auto`)
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
        color: ColorChoice,
    },
    /// Print what the rules say about a key: description, terms, grading and an example
    Explain {
        /// A key as `facts` and `check` show it: `dead`, `troops.deployed`, `parade.troops`
        key: String,
        /// Extra rule file or folder of rule files (event packs); may be repeated. Without it,
        /// the `rules` of the configuration file are read, as `check` reads them
        #[arg(long = "rules", value_name = "PATH")]
        rules: Vec<String>,
        /// When to use colour (NO_COLOR is honoured with `auto`)
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
        color: ColorChoice,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    /// Each error quoting the line it is about
    Human,
    /// `path:line:col: error[field] message`, one line per error
    Concise,
}

/// Runs a `rules` command and maps its outcome to an exit status.
pub fn run(args: RulesArgs, config: &super::config::ConfigArgs) -> Result<ExitCode> {
    match args.command {
        RulesCommand::Check { paths, format, color } => {
            check(&configured(paths, config)?, format, use_color(color))
        }
        RulesCommand::Test { paths, color } => test(&configured(paths, config)?, use_color(color)),
        RulesCommand::Explain { key, rules, color } => {
            // Without --rules, the keys are explained as `check` keys them: with the rule
            // files of the configuration.
            let rules = if rules.is_empty() {
                super::config::rules(&super::config::load(config)?, &rules)
            } else {
                rules
            };
            explain(&key, &rules, use_color(color))
        }
    }
}

/// The paths given, else the configuration's rule files (none: the generic rules).
fn configured(paths: Vec<PathBuf>, config: &super::config::ConfigArgs) -> Result<Vec<PathBuf>> {
    if !paths.is_empty() {
        return Ok(paths);
    }
    let config = super::config::load(config)?;
    Ok(super::config::rules(&config, &[])
        .into_iter()
        .map(PathBuf::from)
        .collect())
}

fn check(paths: &[PathBuf], format: CheckFormat, color: bool) -> Result<ExitCode> {
    colored::control::set_override(color);
    let (files, unreadable) = rule_files(paths);
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut invalid = 0;
    let mut errors = 0;
    for file in &files {
        let Err(found) = compile(file) else { continue };
        invalid += 1;
        errors += found.len();
        match format {
            CheckFormat::Human => report::write_rule_errors(&mut out, &file.text, &found, color)?,
            CheckFormat::Concise => report::write_rule_errors_concise(&mut out, &found)?,
        }
    }
    if matches!(format, CheckFormat::Human) {
        let checked = plural(files.len(), "rule file", "rule files");
        match invalid {
            0 if files.is_empty() => writeln!(out, "no rule file checked: none could be read")?,
            0 if unreadable => writeln!(
                out,
                "{checked} checked: all valid, but some paths could not be read"
            )?,
            0 => writeln!(out, "{checked} checked: all valid")?,
            _ => writeln!(
                out,
                "{checked} checked: {invalid} invalid ({})",
                plural(errors, "error", "errors")
            )?,
        }
    }
    out.flush()?;
    Ok(exit(unreadable, invalid > 0))
}

fn test(paths: &[PathBuf], color: bool) -> Result<ExitCode> {
    colored::control::set_override(color);
    let (files, mut broken) = rule_files(paths);
    let mut out = io::BufWriter::new(io::stdout().lock());
    let (mut passed, mut failed) = (0, 0);
    for file in &files {
        let rules = match compile(file) {
            Ok(rules) => rules,
            Err(errors) => {
                for e in errors {
                    eprintln!("error: {e}");
                }
                broken = true;
                continue;
            }
        };
        let outcomes = run_file(&rules, &file.name);
        if outcomes.is_empty() {
            eprintln!("note: `{}` carries no example or case", file.name);
        }
        report::write_rule_outcomes(&mut out, &outcomes, color)?;
        let failures = outcomes.iter().filter(|o| o.failure.is_some()).count();
        passed += outcomes.len() - failures;
        failed += failures;
    }
    writeln!(out, "{passed} passed, {failed} failed")?;
    out.flush()?;
    Ok(exit(broken, failed > 0))
}

fn explain(key: &str, rule_paths: &[String], color: bool) -> Result<ExitCode> {
    colored::control::set_override(color);
    let rules = load_rules(rule_paths)?;
    match rules.explain(key) {
        Ok(explanation) => {
            let mut out = io::BufWriter::new(io::stdout().lock());
            report::write_explanation(&mut out, &explanation, color)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Err(nearest) => {
            let help = match nearest {
                Some(name) => format!("did you mean `{name}`?"),
                None => {
                    "`crosscheck facts` shows the keys claims get; event packs add theirs with --rules".into()
                }
            };
            anyhow::bail!("no class or fact names `{key}`\n  help: {help}")
        }
    }
}

/// A rule file as read.
struct RuleFile {
    name: String,
    text: String,
}

/// The files named, folders expanded to their `.toml` files in name order (as `--rules` does);
/// the built-in generic rules when nothing is named. Whether some could not be read, each
/// reported on stderr.
fn rule_files(paths: &[PathBuf]) -> (Vec<RuleFile>, bool) {
    if paths.is_empty() {
        let generic = RuleFile {
            name: GENERIC_RULES_NAME.to_string(),
            text: GENERIC_RULES.to_string(),
        };
        return (vec![generic], false);
    }
    let mut files = Vec::new();
    let mut unreadable = false;
    for path in paths {
        let named = if path.is_dir() {
            match toml_files(path) {
                Ok(found) if found.is_empty() => {
                    eprintln!("error: rule folder `{}` holds no .toml rule file", path.display());
                    unreadable = true;
                    continue;
                }
                Ok(found) => found,
                Err(e) => {
                    eprintln!("error: cannot read rule folder `{}`: {e}", path.display());
                    unreadable = true;
                    continue;
                }
            }
        } else {
            vec![path.clone()]
        };
        for file in named {
            let name = file.display().to_string();
            match std::fs::read_to_string(&file) {
                Ok(text) => files.push(RuleFile { name, text }),
                Err(e) => {
                    eprintln!("error: cannot read rule file `{name}`: {e}");
                    unreadable = true;
                }
            }
        }
    }
    (files, unreadable)
}

fn toml_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|f| f.is_file() && f.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    Ok(files)
}

/// A rule file on top of the built-in generic rules, as `--rules` loads it; the generic rules
/// themselves (the same text) on their own, so their classes are not defined twice.
fn compile(file: &RuleFile) -> Result<RuleSet, Vec<RuleError>> {
    let mut rules = if file.text == GENERIC_RULES {
        RuleSet::default()
    } else {
        RuleSet::generic()
    };
    rules.add_checked(&file.name, &file.text)?;
    Ok(rules)
}

/// 2 for an input error, else 1 when `failing`, else 0.
fn exit(input_error: bool, failing: bool) -> ExitCode {
    match (input_error, failing) {
        (true, _) => ExitCode::from(2),
        (false, true) => ExitCode::from(1),
        (false, false) => ExitCode::SUCCESS,
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
