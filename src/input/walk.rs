//! Paths to files: folders are walked recursively in sorted order (so runs
//! are reproducible); unsupported files in folders are skipped with a note.

use super::{InputError, is_supported};
use std::path::{Path, PathBuf};

/// What a walk over the user's paths found.
#[derive(Debug, Default)]
pub struct Discovery {
    /// Files to read, in order: the user's order, folders expanded sorted.
    pub files: Vec<PathBuf>,
    /// Files passed over in folders, with the reason (shown unless `--quiet`).
    pub skipped: Vec<String>,
    /// Paths that could not be used at all.
    pub errors: Vec<InputError>,
}

/// Expands the user's paths. A file named explicitly is always taken (its
/// reading may still fail); `-` stands for standard input.
pub fn discover(inputs: &[PathBuf]) -> Discovery {
    let mut d = Discovery::default();
    for p in inputs {
        if p.as_os_str() == "-" {
            d.files.push(p.clone());
            continue;
        }
        match std::fs::metadata(p) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                d.errors.push(InputError::NotFound { path: p.clone() })
            }
            Err(source) => d.errors.push(InputError::Io {
                path: p.clone(),
                source,
            }),
            Ok(m) if m.is_dir() => {
                let before = d.files.len();
                walk(p, &mut d);
                if d.files.len() == before {
                    d.errors.push(InputError::NoDocuments { path: p.clone() });
                }
            }
            Ok(_) => d.files.push(p.clone()),
        }
    }
    d
}

fn walk(dir: &Path, d: &mut Discovery) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(source) => {
            d.errors.push(InputError::Io {
                path: dir.to_path_buf(),
                source,
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        match std::fs::metadata(&p) {
            Ok(m) if m.is_dir() => walk(&p, d),
            Ok(_) if is_supported(&p) => d.files.push(p),
            Ok(_) => d.skipped.push(format!(
                "{}: not a .txt, .md, .html, .pdf or .docx file, skipped",
                p.display()
            )),
            Err(source) => d.errors.push(InputError::Io { path: p, source }),
        }
    }
}
