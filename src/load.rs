//! Loads articles from files, folders (recursively) and `-` (stdin).
//!
//! Loading never stops at the first bad file: comparing the articles that
//! did load is still useful, so every problem is collected and the caller
//! decides how loud to be about it.

use std::collections::HashSet;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;
use walkdir::WalkDir;

use crate::document::{Document, DocumentError};

/// How to load articles.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoadOptions {
    /// The publication date of articles whose front matter names none.
    pub fallback_date: Option<NaiveDate>,
}

/// The articles that loaded, and what went wrong with the rest.
#[derive(Debug, Default)]
pub struct Loaded {
    /// In argument order, folder contents in sorted walk order.
    pub documents: Vec<Document>,
    /// Errors and notes, in the order they were met.
    pub problems: Vec<LoadProblem>,
}

/// Something wrong with one path. Every message names the path as the user
/// gave it (or as found under a folder they gave).
#[derive(Debug, thiserror::Error)]
pub enum LoadProblem {
    #[error("`{path}` does not exist")]
    Missing { path: String },
    /// The io error is part of the message rather than a `source`, so it is
    /// shown even by callers that print only the top-level message.
    #[error("cannot read `{path}`: {error}")]
    Unreadable { path: String, error: io::Error },
    #[error("`{path}` is not valid UTF-8 (invalid byte at offset {offset}); save it as UTF-8 text")]
    NotUtf8 { path: String, offset: usize },
    /// No text at all, only whitespace, or only front matter.
    /// NUL bytes: an image, a PDF, or UTF-16 text saved without a byte-order mark.
    #[error("`{path}` is a binary file (it holds NUL bytes); save articles as UTF-8 text")]
    Binary { path: String },
    #[error("`{path}` holds no article text")]
    Empty { path: String },
    #[error("`{path}`: {error}")]
    FrontMatter { path: String, error: DocumentError },
    #[error("`{path}` holds no .txt, .md or .html article")]
    EmptyFolder { path: String },
    #[error("`{path}` is part of a symlink loop")]
    SymlinkLoop { path: String },
    /// A note, not an error: folders often hold images or PDFs next to the
    /// articles, and those are meant to be passed over.
    #[error("skipped `{path}`: not a .txt, .md or .html file")]
    Skipped { path: String },
    /// A note: the file opens with `---` and `key: value` lines naming a known key, but no
    /// `---` line closes them, so they are read as article text and their date is not used.
    #[error(
        "`{path}`:{line}: front matter opened by `---` is never closed, so it is read as article text and its `{key}` is not used; end it with a `---` line"
    )]
    UnclosedFrontMatter { path: String, line: usize, key: String },
}

impl LoadProblem {
    /// `Skipped` is a note, the rest errors.
    pub fn is_error(&self) -> bool {
        !matches!(
            self,
            LoadProblem::Skipped { .. } | LoadProblem::UnclosedFrontMatter { .. }
        )
    }

    /// The path the problem is about.
    pub fn path(&self) -> &str {
        match self {
            LoadProblem::Missing { path }
            | LoadProblem::Unreadable { path, .. }
            | LoadProblem::NotUtf8 { path, .. }
            | LoadProblem::Binary { path }
            | LoadProblem::Empty { path }
            | LoadProblem::FrontMatter { path, .. }
            | LoadProblem::EmptyFolder { path }
            | LoadProblem::SymlinkLoop { path }
            | LoadProblem::Skipped { path }
            | LoadProblem::UnclosedFrontMatter { path, .. } => path,
        }
    }
}

/// crosscheck's own configuration file (`crosscheck.toml`), which the docs suggest keeping
/// beside the articles: a folder walk passes over it without a note.
fn is_own_config(path: &Path) -> bool {
    path.file_name().is_some_and(|name| name == "crosscheck.toml")
}

/// Loads every path in order.
///
/// Files named explicitly are read whatever their extension (the user asked
/// for them, and `/dev/fd/63` from `<(curl ...)` has none). Folders are walked
/// recursively, following links, in file name order so output is
/// deterministic; there only regular `.txt`, `.md`, `.markdown`, `.html` and `.htm` files
/// are read, other files give a `Skipped` note, and hidden files and folders
/// (name starting with `.`) are ignored silently. `-` reads `stdin` once; a
/// second `-` is ignored. The same file reached twice (named twice, through
/// a folder and by name, or through a link) is loaded once, at its first
/// place. A document whose front matter gives no date gets
/// `options.fallback_date`.
pub fn load(paths: &[String], stdin: &mut dyn Read, options: &LoadOptions) -> Loaded {
    let paths: Vec<std::path::PathBuf> = paths.iter().map(std::path::PathBuf::from).collect();
    load_paths(&paths, stdin, options)
}

/// Like [`load`], for paths as the operating system gives them: a file name that is not
/// valid UTF-8 is still read, and shown with replacement characters.
pub fn load_paths(paths: &[std::path::PathBuf], stdin: &mut dyn Read, options: &LoadOptions) -> Loaded {
    let mut loaded = Loaded::default();
    list_paths(paths, stdin).read_in_batches(options, |documents, problems| {
        loaded.documents.extend(documents);
        loaded.problems.extend(problems);
    });
    loaded
}

/// The articles that [`load_paths`] would load, listed but not yet read (except standard
/// input, which can be read only once), and the problems met while listing them, in order.
/// A large run reads its files a batch at a time ([`Listing::read_in_batches`]) so that it
/// never holds all of their text.
#[derive(Debug, Default)]
pub struct Listing {
    entries: Vec<Entry>,
}

/// One place in a [`Listing`].
#[derive(Debug)]
enum Entry {
    /// A file to read, shown to the user as `shown`.
    File {
        shown: String,
        path: PathBuf,
    },
    /// Bytes already read (standard input).
    Read {
        shown: String,
        bytes: Vec<u8>,
    },
    Problem(LoadProblem),
}

/// Lists `paths` as [`load_paths`] walks them.
pub fn list_paths(paths: &[std::path::PathBuf], stdin: &mut dyn Read) -> Listing {
    let mut loader = Loader {
        seen_files: HashSet::new(),
        seen_folders: HashSet::new(),
        stdin_read: false,
        listing: Listing::default(),
    };
    for path in paths {
        if path.as_os_str() == "-" {
            loader.stdin(stdin);
        } else {
            loader.path(&path.to_string_lossy(), path);
        }
    }
    loader.listing
}

impl Listing {
    /// How many files the listing names (some may turn out unreadable).
    pub fn files(&self) -> usize {
        self.entries
            .iter()
            .filter(|e| !matches!(e, Entry::Problem(_)))
            .count()
    }

    /// Reads the files in order, a batch at a time (the files of a batch in parallel), and
    /// hands each batch's documents and problems, in order, to `each`.
    pub fn read_in_batches(
        self,
        options: &LoadOptions,
        mut each: impl FnMut(Vec<Document>, Vec<LoadProblem>),
    ) {
        const BATCH: usize = 256;
        let mut entries = self.entries.into_iter().peekable();
        while entries.peek().is_some() {
            let batch: Vec<Entry> = entries.by_ref().take(BATCH).collect();
            let read: Vec<(Option<Document>, Vec<LoadProblem>)> =
                batch.into_par_iter().map(|entry| entry.read(options)).collect();
            let mut documents = Vec::new();
            let mut problems = Vec::new();
            for (document, found) in read {
                problems.extend(found);
                documents.extend(document);
            }
            each(documents, problems);
        }
    }
}

impl Entry {
    fn read(self, options: &LoadOptions) -> (Option<Document>, Vec<LoadProblem>) {
        match self {
            Entry::File { shown, path } => match fs::read(&path) {
                Ok(bytes) => document(shown, bytes, options),
                Err(error) => (None, vec![io_problem(shown, &path, error)]),
            },
            Entry::Read { shown, bytes } => document(shown, bytes, options),
            Entry::Problem(problem) => (None, vec![problem]),
        }
    }
}

/// Turns the bytes read from `path` into a document, or a problem; a document may come with
/// a note.
fn document(path: String, bytes: Vec<u8>, options: &LoadOptions) -> (Option<Document>, Vec<LoadProblem>) {
    if bytes.contains(&0) {
        return (None, vec![LoadProblem::Binary { path }]);
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let offset = error.utf8_error().valid_up_to();
            return (None, vec![LoadProblem::NotUtf8 { path, offset }]);
        }
    };
    let mut document = match Document::parse(path.clone(), text) {
        Ok(document) => document,
        Err(error) => return (None, vec![LoadProblem::FrontMatter { path, error }]),
    };
    if document.body().trim().is_empty() {
        return (None, vec![LoadProblem::Empty { path }]);
    }
    let mut notes = Vec::new();
    if let Some((line, key)) = crate::document::unclosed_front_matter(&document) {
        notes.push(LoadProblem::UnclosedFrontMatter { path, line, key });
    }
    if document.published.is_none() {
        document.published = options.fallback_date;
    }
    (Some(document), notes)
}

/// Extensions of files read from folders, compared ignoring ASCII case.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm"];

/// Symlinks followed by `is_symlink_loop` before giving up; Linux itself
/// gives up after 40.
const MAX_LINK_HOPS: usize = 64;

struct Loader {
    /// Canonical paths of files already listed or noted.
    seen_files: HashSet<PathBuf>,
    /// Canonical paths of folders named on the command line already walked.
    seen_folders: HashSet<PathBuf>,
    stdin_read: bool,
    listing: Listing,
}

impl Loader {
    fn stdin(&mut self, stdin: &mut dyn Read) {
        if self.stdin_read {
            return;
        }
        self.stdin_read = true;
        let mut bytes = Vec::new();
        match stdin.read_to_end(&mut bytes) {
            Ok(_) => self.listing.entries.push(Entry::Read {
                shown: String::from("-"),
                bytes,
            }),
            Err(error) => self.problem(LoadProblem::Unreadable {
                path: String::from("-"),
                error,
            }),
        }
    }

    /// A path named on the command line.
    fn path(&mut self, arg: &str, path: &Path) {
        match fs::metadata(path) {
            Ok(metadata) if metadata.is_dir() => self.folder(arg, path),
            Ok(_) => self.file(arg.to_string(), path),
            Err(error) => self.problem(io_problem(arg.to_string(), path, error)),
        }
    }

    fn folder(&mut self, arg: &str, root: &Path) {
        if !self.seen_folders.insert(canonical(root)) {
            return;
        }
        let mut articles = 0;
        let walk = WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.path()));
        for entry in walk {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    if let Some(problem) = walk_problem(error) {
                        self.problem(problem);
                    }
                    continue;
                }
            };
            // With `follow_links` this is the type of the link's target.
            // Sockets, FIFOs and devices are passed over: reading a FIFO
            // could block forever.
            if !entry.file_type().is_file() {
                continue;
            }
            let path = entry.path();
            let shown = path.to_string_lossy().into_owned();
            if is_article(path) {
                articles += 1;
                self.file(shown, path);
            } else if !is_own_config(path) && self.seen_files.insert(canonical(path)) {
                self.problem(LoadProblem::Skipped { path: shown });
            }
        }
        if articles == 0 {
            self.problem(LoadProblem::EmptyFolder {
                path: arg.to_string(),
            });
        }
    }

    /// Lists one file, shown to the user as `shown`.
    fn file(&mut self, shown: String, path: &Path) {
        if !self.seen_files.insert(canonical(path)) {
            return;
        }
        self.listing.entries.push(Entry::File {
            shown,
            path: path.to_path_buf(),
        });
    }

    fn problem(&mut self, problem: LoadProblem) {
        self.listing.entries.push(Entry::Problem(problem));
    }
}

/// The problem for an io error met while opening or reading `path`.
fn io_problem(shown: String, path: &Path, error: io::Error) -> LoadProblem {
    if error.kind() == io::ErrorKind::NotFound {
        LoadProblem::Missing { path: shown }
    } else if is_symlink_loop(path) {
        LoadProblem::SymlinkLoop { path: shown }
    } else {
        LoadProblem::Unreadable { path: shown, error }
    }
}

/// The problem for an error met while walking a folder, or `None` when the
/// error is about something that would have been ignored anyway.
fn walk_problem(error: walkdir::Error) -> Option<LoadProblem> {
    let path = error.path().map(Path::to_path_buf).unwrap_or_default();
    let shown = path.to_string_lossy().into_owned();
    if error.loop_ancestor().is_some() {
        return Some(LoadProblem::SymlinkLoop { path: shown });
    }
    // Hidden entries are filtered only once walkdir yields them, so a broken
    // hidden link (an editor lock file such as `.#draft.md`) arrives here.
    if is_hidden(&path) {
        return None;
    }
    match error.into_io_error() {
        // A broken link to something that would not have been read anyway.
        Some(io) if io.kind() == io::ErrorKind::NotFound && !is_article(&path) => {
            Some(LoadProblem::Skipped { path: shown })
        }
        Some(io) => Some(io_problem(shown, &path, io)),
        None => Some(LoadProblem::SymlinkLoop { path: shown }),
    }
}

/// Whether the last component of `path` starts with a `.`.
fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|name| name.to_string_lossy().starts_with('.'))
}

fn is_article(path: &Path) -> bool {
    path.extension().is_some_and(|extension| {
        let extension = extension.to_string_lossy();
        ARTICLE_EXTENSIONS
            .iter()
            .any(|known| extension.eq_ignore_ascii_case(known))
    })
}

/// The identity of a file for spotting duplicates: its canonical path, or
/// the path itself when it cannot be resolved.
fn canonical(path: &Path) -> PathBuf {
    fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Whether following the symlink chain from `path` comes back to a link
/// already seen. Used to explain an otherwise cryptic "too many levels of
/// symbolic links" error; loops through a directory in the middle of the
/// path are not detected and stay `Unreadable` with the system's message.
fn is_symlink_loop(path: &Path) -> bool {
    let mut current = path.to_path_buf();
    let mut seen = HashSet::new();
    for _ in 0..MAX_LINK_HOPS {
        let is_link = fs::symlink_metadata(&current).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            return false;
        }
        if !seen.insert(current.clone()) {
            return true;
        }
        let Ok(target) = fs::read_link(&current) else {
            return false;
        };
        current = match current.parent() {
            Some(parent) => parent.join(target),
            None => target,
        };
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;
    use tempfile::TempDir;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn write(dir: &Path, name: &str, contents: &[u8]) -> String {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(&path, contents).unwrap();
        path.to_string_lossy().into_owned()
    }

    fn load_paths<S: AsRef<str>>(paths: &[S]) -> Loaded {
        let paths: Vec<String> = paths.iter().map(|p| p.as_ref().to_string()).collect();
        load(&paths, &mut io::empty(), &LoadOptions::default())
    }

    fn shown(dir: &TempDir, name: &str) -> String {
        dir.path().join(name).to_string_lossy().into_owned()
    }

    fn document_paths(loaded: &Loaded) -> Vec<&str> {
        loaded.documents.iter().map(|d| d.path.as_str()).collect()
    }

    fn messages(loaded: &Loaded) -> Vec<String> {
        loaded.problems.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn nothing_to_load() {
        let loaded = load_paths::<&str>(&[]);
        assert!(loaded.documents.is_empty());
        assert!(loaded.problems.is_empty());
    }

    #[test]
    fn loads_a_file_with_front_matter() {
        let dir = TempDir::new().unwrap();
        let path = write(
            dir.path(),
            "a.md",
            b"---\noutlet: Wire\npublished: 2025-02-03\n---\nStorm kills 26.\n",
        );
        let loaded = load_paths(&[&path]);
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let document = &loaded.documents[0];
        assert_eq!(document.path, path);
        assert_eq!(document.outlet.as_deref(), Some("Wire"));
        assert_eq!(document.published, Some(date(2025, 2, 3)));
        assert_eq!(document.body(), "Storm kills 26.\n");
    }

    #[test]
    fn fallback_date_applies_only_without_a_date() {
        let dir = TempDir::new().unwrap();
        let dated = write(dir.path(), "a.txt", b"---\ndate: 2025-02-03\n---\nText.");
        let undated = write(dir.path(), "b.txt", b"Text.");
        let options = LoadOptions {
            fallback_date: Some(date(2024, 1, 1)),
        };
        let loaded = load(&[dated, undated], &mut io::empty(), &options);
        assert_eq!(loaded.documents[0].published, Some(date(2025, 2, 3)));
        assert_eq!(loaded.documents[1].published, Some(date(2024, 1, 1)));
    }

    #[test]
    fn explicit_files_are_read_whatever_their_extension() {
        let dir = TempDir::new().unwrap();
        let html = write(dir.path(), "a.html", b"Text.");
        let bare = write(dir.path(), "README", b"Text.");
        let hidden = write(dir.path(), ".hidden", b"Text.");
        let loaded = load_paths(&[html.clone(), bare.clone(), hidden.clone()]);
        assert!(loaded.problems.is_empty());
        assert_eq!(document_paths(&loaded), vec![html, bare, hidden]);
    }

    #[test]
    fn missing_path() {
        let dir = TempDir::new().unwrap();
        let missing = shown(&dir, "nope.md");
        let loaded = load_paths(&[missing.clone(), String::new()]);
        assert!(loaded.documents.is_empty());
        assert_eq!(
            messages(&loaded),
            vec![
                format!("`{missing}` does not exist"),
                "`` does not exist".to_string()
            ]
        );
        assert!(loaded.problems.iter().all(LoadProblem::is_error));
    }

    #[test]
    fn not_utf8_names_the_offset() {
        let dir = TempDir::new().unwrap();
        let path = write(dir.path(), "a.txt", b"abc\xff\xfedef");
        let loaded = load_paths(&[&path]);
        assert!(loaded.documents.is_empty());
        assert!(matches!(
            &loaded.problems[..],
            [LoadProblem::NotUtf8 { offset: 3, .. }]
        ));
        assert_eq!(
            messages(&loaded)[0],
            format!("`{path}` is not valid UTF-8 (invalid byte at offset 3); save it as UTF-8 text")
        );
    }

    #[test]
    fn empty_whitespace_only_and_front_matter_only_files() {
        let dir = TempDir::new().unwrap();
        let empty = write(dir.path(), "a.txt", b"");
        let blank = write(dir.path(), "b.txt", b" \n\t\r\n");
        let bom = write(dir.path(), "c.txt", "\u{feff}\n".as_bytes());
        let front = write(dir.path(), "d.md", b"---\noutlet: Wire\n---\n\n");
        let loaded = load_paths(&[empty.clone(), blank, bom, front]);
        assert!(loaded.documents.is_empty());
        assert_eq!(loaded.problems.len(), 4);
        assert!(loaded
            .problems
            .iter()
            .all(|p| matches!(p, LoadProblem::Empty { .. })));
        assert_eq!(messages(&loaded)[0], format!("`{empty}` holds no article text"));
    }

    #[test]
    fn front_matter_errors_name_the_path() {
        let dir = TempDir::new().unwrap();
        let path = write(dir.path(), "a.md", b"---\npublished: 2025-02-30\n---\nText.");
        let loaded = load_paths(&[&path]);
        assert!(loaded.documents.is_empty());
        assert_eq!(
            messages(&loaded),
            vec![format!(
                "`{path}`: invalid `published` date `2025-02-30` at line 2, column 12"
            )]
        );
        assert!(loaded.problems[0].is_error());
        assert_eq!(loaded.problems[0].path(), path);
    }

    #[test]
    fn other_files_still_load_when_one_fails() {
        let dir = TempDir::new().unwrap();
        let good1 = write(dir.path(), "a.txt", b"One.");
        let bad = write(dir.path(), "b.txt", b"\xff");
        let good2 = write(dir.path(), "c.txt", b"Two.");
        let loaded = load_paths(&[good1.clone(), bad, shown(&dir, "x"), good2.clone()]);
        assert_eq!(document_paths(&loaded), vec![good1, good2]);
        assert_eq!(loaded.problems.len(), 2);
    }

    #[test]
    fn folders_are_walked_sorted_recursively_with_notes() {
        let dir = TempDir::new().unwrap();
        write(dir.path(), "b.md", b"B.");
        write(dir.path(), "a.txt", b"A.");
        write(dir.path(), "c.MARKDOWN", b"C.");
        write(dir.path(), "sub/d.Md", b"D.");
        write(dir.path(), "photo.jpg", b"\xff\xd8");
        write(dir.path(), "sub/report.pdf", b"%PDF");
        write(dir.path(), "noextension", b"x");
        write(dir.path(), ".hidden.md", b"H.");
        write(dir.path(), ".git/config.txt", b"G.");
        write(dir.path(), "sub/.cache/e.md", b"E.");
        let root = dir.path().to_string_lossy().into_owned();
        let loaded = load_paths(&[root]);
        assert_eq!(
            document_paths(&loaded),
            vec![
                shown(&dir, "a.txt"),
                shown(&dir, "b.md"),
                shown(&dir, "c.MARKDOWN"),
                shown(&dir, "sub/d.Md"),
            ]
        );
        assert_eq!(
            messages(&loaded),
            vec![
                format!(
                    "skipped `{}`: not a .txt, .md or .html file",
                    shown(&dir, "noextension")
                ),
                format!(
                    "skipped `{}`: not a .txt, .md or .html file",
                    shown(&dir, "photo.jpg")
                ),
                format!(
                    "skipped `{}`: not a .txt, .md or .html file",
                    shown(&dir, "sub/report.pdf")
                ),
            ]
        );
        assert!(loaded.problems.iter().all(|p| !p.is_error()));
    }

    #[test]
    fn folder_paths_keep_the_root_as_given() {
        let dir = TempDir::new().unwrap();
        write(dir.path(), "a.txt", b"A.");
        let root = format!("{}/", dir.path().to_string_lossy());
        let loaded = load_paths(&[&root]);
        assert_eq!(document_paths(&loaded), vec![format!("{root}a.txt")]);
    }

    #[test]
    fn hidden_folder_named_explicitly_is_walked() {
        let dir = TempDir::new().unwrap();
        let hidden = write(dir.path(), ".drafts/a.txt", b"A.");
        let root = shown(&dir, ".drafts");
        let loaded = load_paths(&[root]);
        assert_eq!(document_paths(&loaded), vec![hidden]);
    }

    #[test]
    fn folder_without_articles() {
        let dir = TempDir::new().unwrap();
        let empty = shown(&dir, "empty");
        fs::create_dir(&empty).unwrap();
        write(dir.path(), "images/a.png", b"x");
        write(dir.path(), "images/.b.md", b"x");
        let images = shown(&dir, "images");
        let loaded = load_paths(&[empty.clone(), images.clone()]);
        assert!(loaded.documents.is_empty());
        assert_eq!(
            messages(&loaded),
            vec![
                format!("`{empty}` holds no .txt, .md or .html article"),
                format!(
                    "skipped `{}`: not a .txt, .md or .html file",
                    shown(&dir, "images/a.png")
                ),
                format!("`{images}` holds no .txt, .md or .html article"),
            ]
        );
        assert!(loaded.problems[0].is_error());
        assert!(!loaded.problems[1].is_error());
    }

    #[test]
    fn folder_whose_articles_all_fail_is_not_reported_empty() {
        let dir = TempDir::new().unwrap();
        write(dir.path(), "a.txt", b"");
        let loaded = load_paths(&[dir.path().to_string_lossy().into_owned()]);
        assert_eq!(loaded.problems.len(), 1);
        assert!(matches!(loaded.problems[0], LoadProblem::Empty { .. }));
    }

    #[test]
    fn arguments_keep_their_order() {
        let dir = TempDir::new().unwrap();
        let z = write(dir.path(), "z.txt", b"Z.");
        write(dir.path(), "folder/b.txt", b"B.");
        write(dir.path(), "folder/a.txt", b"A.");
        let folder = shown(&dir, "folder");
        let loaded = load(
            &[z.clone(), "-".into(), folder],
            &mut Cursor::new("Stdin."),
            &LoadOptions::default(),
        );
        assert_eq!(
            document_paths(&loaded),
            vec![
                z.as_str(),
                "-",
                &shown(&dir, "folder/a.txt"),
                &shown(&dir, "folder/b.txt"),
            ]
        );
    }

    #[test]
    fn duplicates_are_loaded_once() {
        let dir = TempDir::new().unwrap();
        let a = write(dir.path(), "a.txt", b"A.");
        write(dir.path(), "notes.pdf", b"x");
        let root = dir.path().to_string_lossy().into_owned();
        let indirect = format!("{root}/./a.txt");
        let loaded = load_paths(&[a.clone(), indirect, root.clone(), root.clone(), a.clone()]);
        assert_eq!(document_paths(&loaded), vec![a]);
        // The folder named twice notes the PDF once and is not "empty" either time.
        assert_eq!(loaded.problems.len(), 1);
        assert!(!loaded.problems[0].is_error());
    }

    #[test]
    fn stdin_is_read_once() {
        let loaded = load(
            &["-".into(), "-".into()],
            &mut Cursor::new("---\noutlet: Pipe\n---\nFrom stdin."),
            &LoadOptions::default(),
        );
        assert!(loaded.problems.is_empty());
        assert_eq!(document_paths(&loaded), vec!["-"]);
        assert_eq!(loaded.documents[0].outlet.as_deref(), Some("Pipe"));
        assert_eq!(loaded.documents[0].body(), "From stdin.");
    }

    #[test]
    fn stdin_problems() {
        let loaded = load(&["-".into()], &mut io::empty(), &LoadOptions::default());
        assert_eq!(messages(&loaded), vec!["`-` holds no article text"]);
        let loaded = load(
            &["-".into()],
            &mut Cursor::new(b"ok\xc3".to_vec()),
            &LoadOptions::default(),
        );
        assert_eq!(
            messages(&loaded),
            vec!["`-` is not valid UTF-8 (invalid byte at offset 2); save it as UTF-8 text"]
        );
    }

    #[test]
    fn stdin_read_error() {
        struct Failing;
        impl Read for Failing {
            fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
                Err(io::Error::other("pipe broke"))
            }
        }
        let loaded = load(&["-".into()], &mut Failing, &LoadOptions::default());
        assert_eq!(messages(&loaded), vec!["cannot read `-`: pipe broke"]);
        assert!(loaded.problems[0].is_error());
    }

    #[cfg(unix)]
    #[test]
    fn unreadable_file() {
        // Permissions do not stop root, but no one can read a socket.
        let dir = TempDir::new().unwrap();
        let socket = shown(&dir, "socket.txt");
        let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
        let loaded = load_paths(&[&socket]);
        assert!(loaded.documents.is_empty());
        assert!(matches!(
            &loaded.problems[..],
            [LoadProblem::Unreadable { path, .. }] if *path == socket
        ));
        assert!(messages(&loaded)[0].starts_with(&format!("cannot read `{socket}`: ")));
    }

    #[cfg(unix)]
    #[test]
    fn special_files_in_folders_are_passed_over() {
        let dir = TempDir::new().unwrap();
        write(dir.path(), "a.txt", b"A.");
        let _listener = std::os::unix::net::UnixListener::bind(dir.path().join("socket.txt")).unwrap();
        let loaded = load_paths(&[dir.path().to_string_lossy().into_owned()]);
        assert_eq!(document_paths(&loaded), vec![shown(&dir, "a.txt")]);
        assert!(loaded.problems.is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_are_followed_and_deduplicated() {
        use std::os::unix::fs::symlink;
        let dir = TempDir::new().unwrap();
        let real = write(dir.path(), "real/a.txt", b"A.");
        fs::create_dir(dir.path().join("top")).unwrap();
        symlink(dir.path().join("real"), dir.path().join("top/linked")).unwrap();
        symlink(&real, dir.path().join("top/alias.md")).unwrap();
        let loaded = load_paths(&[shown(&dir, "top"), real.clone()]);
        assert_eq!(document_paths(&loaded), vec![shown(&dir, "top/alias.md")]);
        assert!(loaded.problems.is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loop_in_a_folder() {
        use std::os::unix::fs::symlink;
        let dir = TempDir::new().unwrap();
        let a = write(dir.path(), "sub/a.txt", b"A.");
        symlink(dir.path().join("sub"), dir.path().join("sub/back")).unwrap();
        let loaded = load_paths(&[shown(&dir, "sub")]);
        assert_eq!(document_paths(&loaded), vec![a.clone()]);
        assert_eq!(
            messages(&loaded),
            vec![format!("`{}` is part of a symlink loop", shown(&dir, "sub/back"))]
        );
        assert!(loaded.problems[0].is_error());

        // A link to a grandparent is caught one level further down; the
        // files seen again on the way are not loaded twice.
        fs::remove_file(dir.path().join("sub/back")).unwrap();
        symlink(dir.path(), dir.path().join("sub/back")).unwrap();
        let loaded = load_paths(&[shown(&dir, "sub")]);
        assert_eq!(document_paths(&loaded), vec![a]);
        assert_eq!(
            messages(&loaded),
            vec![format!(
                "`{}` is part of a symlink loop",
                shown(&dir, "sub/back/sub/back")
            )]
        );
        assert!(loaded.problems[0].is_error());
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loop_named_explicitly() {
        use std::os::unix::fs::symlink;
        let dir = TempDir::new().unwrap();
        symlink("b.md", dir.path().join("a.md")).unwrap();
        symlink("a.md", dir.path().join("b.md")).unwrap();
        let a = shown(&dir, "a.md");
        let loaded = load_paths(&[&a]);
        assert_eq!(
            messages(&loaded),
            vec![format!("`{a}` is part of a symlink loop")]
        );
    }

    #[cfg(unix)]
    #[test]
    fn self_loop_inside_a_folder() {
        use std::os::unix::fs::symlink;
        let dir = TempDir::new().unwrap();
        write(dir.path(), "a.txt", b"A.");
        symlink("self.md", dir.path().join("self.md")).unwrap();
        let loaded = load_paths(&[dir.path().to_string_lossy().into_owned()]);
        assert_eq!(document_paths(&loaded), vec![shown(&dir, "a.txt")]);
        assert_eq!(
            messages(&loaded),
            vec![format!("`{}` is part of a symlink loop", shown(&dir, "self.md"))]
        );
    }

    #[cfg(unix)]
    #[test]
    fn broken_links_in_folders() {
        use std::os::unix::fs::symlink;
        let dir = TempDir::new().unwrap();
        write(dir.path(), "a.txt", b"A.");
        symlink("gone.md", dir.path().join("broken.md")).unwrap();
        symlink("gone.pdf", dir.path().join("broken.pdf")).unwrap();
        symlink("gone", dir.path().join(".#lock.md")).unwrap();
        let loaded = load_paths(&[dir.path().to_string_lossy().into_owned()]);
        assert_eq!(document_paths(&loaded), vec![shown(&dir, "a.txt")]);
        assert_eq!(
            messages(&loaded),
            vec![
                format!("`{}` does not exist", shown(&dir, "broken.md")),
                format!(
                    "skipped `{}`: not a .txt, .md or .html file",
                    shown(&dir, "broken.pdf")
                ),
            ]
        );
        assert!(loaded.problems[0].is_error());
    }

    #[test]
    fn problem_paths() {
        let problems = [
            LoadProblem::Missing { path: "p".into() },
            LoadProblem::Unreadable {
                path: "p".into(),
                error: io::Error::other("x"),
            },
            LoadProblem::NotUtf8 {
                path: "p".into(),
                offset: 0,
            },
            LoadProblem::Empty { path: "p".into() },
            LoadProblem::FrontMatter {
                path: "p".into(),
                error: DocumentError::InvalidDate {
                    key: "date".into(),
                    line: 1,
                    column: 1,
                    value: "x".into(),
                },
            },
            LoadProblem::EmptyFolder { path: "p".into() },
            LoadProblem::SymlinkLoop { path: "p".into() },
            LoadProblem::Skipped { path: "p".into() },
            LoadProblem::UnclosedFrontMatter {
                path: "p".into(),
                line: 1,
                key: "published".into(),
            },
        ];
        for problem in &problems {
            assert_eq!(problem.path(), "p");
            assert!(problem.to_string().contains("`p`"), "{problem}");
            assert_eq!(
                problem.is_error(),
                !matches!(
                    problem,
                    LoadProblem::Skipped { .. } | LoadProblem::UnclosedFrontMatter { .. }
                )
            );
        }
    }
}
