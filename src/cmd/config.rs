//! The configuration file on the command line: `--config FILE` and `--isolated` (for every
//! command), `crosscheck config --show`, merging flags over the file, and reading and writing
//! baselines.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use crosscheck::baseline::Baseline;
use crosscheck::config::{self, Config, FailOn};
use crosscheck::document::Document;
use crosscheck::load::{list_paths, load_paths, Listing, LoadOptions, LoadProblem, Loaded};
use crosscheck::suppress::Policy;

/// Where the configuration comes from; global, so it can follow any command.
#[derive(Args, Clone, Default)]
pub struct ConfigArgs {
    /// Read this configuration file instead of looking for crosscheck.toml or
    /// .crosscheck.toml in the current folder and the folders above it
    #[arg(long, global = true, value_name = "FILE", conflicts_with = "isolated")]
    config: Option<PathBuf>,
    /// Read no configuration file
    #[arg(long, global = true)]
    isolated: bool,
}

/// The arguments of `config`.
#[derive(Args)]
pub struct ShowArgs {
    /// Print the configuration in use, with where each value comes from
    #[arg(long, required = true)]
    show: bool,
    /// `toml` (values with their origin as comments) or `json`
    #[arg(long, value_enum, default_value_t = ShowFormat::Toml)]
    format: ShowFormat,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ShowFormat {
    Toml,
    Json,
}

/// Reads the configuration file: the one given, else the nearest found, else none.
pub fn load(args: &ConfigArgs) -> Result<Config> {
    if args.isolated {
        return Ok(Config::default());
    }
    let path = match &args.config {
        Some(path) => path.clone(),
        None => {
            let cwd = std::env::current_dir().context("cannot read the current folder")?;
            match config::discover(&cwd) {
                Some(path) => path,
                None => return Ok(Config::default()),
            }
        }
    };
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read configuration file `{}`", path.display()))?;
    Ok(Config::parse(&path, &text)?)
}

/// `crosscheck config --show`.
pub fn run(args: ShowArgs, config: &Config) -> Result<ExitCode> {
    let mut out = io::stdout().lock();
    match args.format {
        ShowFormat::Toml => out.write_all(config.show_toml().as_bytes())?,
        ShowFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &config.show_json())?;
            writeln!(out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The rule files of a run: those of `--rules`, which replace the configuration's, else the
/// configuration's.
pub fn rules(config: &Config, flags: &[String]) -> Vec<String> {
    if !flags.is_empty() {
        return flags.to_vec();
    }
    config.rules.as_ref().map_or_else(Vec::new, |r| {
        r.value.iter().map(|p| p.display().to_string()).collect()
    })
}

/// `--fail-on`, else the configuration's, else `conflict`.
pub fn fail_on(config: &Config, flag: Option<FailOn>) -> FailOn {
    flag.or(config.fail_on.as_ref().map(|f| f.value))
        .unwrap_or(FailOn::Conflict)
}

/// What the configuration changes in the analysis.
pub fn policy(config: &Config) -> Policy {
    Policy {
        ignore: config.ignored_keys().to_vec(),
        severity: config.severity_overrides(),
    }
}

/// Loads articles, then fills in outlets and dates from the manifest and the fallback date
/// (`--date`, else the configuration's).
pub fn load_articles(
    paths: &[PathBuf],
    stdin: &mut dyn Read,
    config: &Config,
    date: Option<NaiveDate>,
) -> Loaded {
    let mut loaded = load_paths(paths, stdin, &LoadOptions { fallback_date: None });
    let fallback = date.or(config.date.as_ref().map(|d| d.value));
    config.apply_sources(&mut loaded.documents, fallback);
    note_missing_sources(config);
    loaded
}

/// Lists the articles [`load_articles`] would load, without reading them (but standard input).
pub fn list_articles(paths: &[PathBuf], stdin: &mut dyn Read, config: &Config) -> Listing {
    let listing = list_paths(paths, stdin);
    note_missing_sources(config);
    listing
}

/// Reads the articles listed, a batch at a time, with outlets and dates from the manifest and
/// the fallback date filled in as [`load_articles`] does, handing each batch to `each`.
pub fn read_articles(
    listing: Listing,
    config: &Config,
    date: Option<NaiveDate>,
    mut each: impl FnMut(Vec<Document>, Vec<LoadProblem>),
) {
    let fallback = date.or(config.date.as_ref().map(|d| d.value));
    listing.read_in_batches(&LoadOptions { fallback_date: None }, |mut documents, problems| {
        config.apply_sources(&mut documents, fallback);
        each(documents, problems);
    });
}

/// Notes the manifest entries that name no file or folder.
fn note_missing_sources(config: &Config) {
    if let Some(file) = &config.file {
        for entry in config.missing_sources() {
            eprintln!(
                "note: {}:{}: the sources entry `{}` names no file or folder",
                file.display(),
                entry.line,
                entry.written
            );
        }
    }
}

/// Reads a baseline file.
pub fn read_baseline(path: &Path) -> Result<Baseline> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read baseline `{}`", path.display()))?;
    Ok(Baseline::parse(&path.display().to_string(), &text)?)
}

/// Writes a baseline file and says so on stderr.
pub fn write_baseline(path: &Path, baseline: &Baseline) -> Result<()> {
    std::fs::write(path, baseline.to_json())
        .with_context(|| format!("cannot write baseline `{}`", path.display()))?;
    let n = baseline.findings.len();
    eprintln!(
        "note: wrote {n} finding{} to the baseline `{}`",
        if n == 1 { "" } else { "s" },
        path.display()
    );
    Ok(())
}

/// Says how many findings a baseline hid.
pub fn note_baselined(path: &Path, hidden: usize) {
    if hidden > 0 {
        eprintln!(
            "note: {hidden} finding{} recorded in the baseline `{}` {} not shown",
            if hidden == 1 { "" } else { "s" },
            path.display(),
            if hidden == 1 { "is" } else { "are" }
        );
    }
}

/// The folder of a baseline file, which its paths are relative to.
pub fn baseline_folder(path: &Path) -> &Path {
    path.parent().unwrap_or(Path::new(""))
}
