//! Writing output files atomically: a temporary file in the same folder,
//! flushed and synced, then renamed over the target. A reader never sees a
//! half-written file, and an error leaves the previous file untouched.
//!
//! Several files that belong together (the folder `map` writes) go through a
//! [`Staging`]: every file is written to its temporary first, and only when
//! all of them are written are they renamed into place, so a run that fails
//! half-way (disk full) leaves the folder as it was.
//!
//! Temporaries are named `.NAME.tmpPID`. They are registered while they
//! exist: [`install_cleanup`] makes SIGINT/SIGTERM remove them before the
//! process exits, and temporaries left by runs that died (their PID no
//! longer alive) are removed the next time the folder is written to.

mod batched;

pub use batched::Batched;

use crate::error::{Error, Result};
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Temporaries this process has created and not yet renamed or removed.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// The list of live temporaries (a panic elsewhere does not lose it).
fn live() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    LIVE.lock().unwrap_or_else(|e| e.into_inner())
}

fn register(p: &Path) {
    live().push(p.to_path_buf());
}

fn unregister(p: &Path) {
    live().retain(|q| q != p);
}

/// Removes every temporary this process still holds (called on a signal).
pub fn remove_live_temporaries() {
    for p in live().drain(..) {
        let _ = fs::remove_file(p);
    }
}

/// Installs a SIGINT/SIGTERM handler that removes this process's
/// temporaries, then exits with 130. Call once, from the binary.
pub fn install_cleanup() {
    let _ = ctrlc::set_handler(|| {
        remove_live_temporaries();
        std::process::exit(130);
    });
}

/// The temporary that stands for `path` while it is written.
fn temporary(path: &Path) -> (PathBuf, String) {
    let dir = folder_of(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    (dir.join(format!(".{name}.tmp{}", std::process::id())), name)
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The PID in a temporary's name `.NAME.tmpPID`, when it is one.
fn temp_pid(file_name: &str) -> Option<u32> {
    let rest = file_name.strip_prefix('.')?;
    let at = rest.rfind(".tmp")?;
    if at == 0 {
        return None;
    }
    let digits = &rest[at + 4..];
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Whether process `pid` is alive; `None` when this system cannot tell.
fn alive(pid: u32) -> Option<bool> {
    if pid == std::process::id() {
        return Some(true);
    }
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return None;
    }
    Some(proc.join(pid.to_string()).exists())
}

/// Removes the temporaries of dead runs (`.NAME.tmpPID` whose PID is no
/// longer alive) from `dir`; returns how many were removed. Does nothing
/// where liveness cannot be checked.
pub fn remove_stale_temporaries(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(pid) = name.to_str().and_then(temp_pid) else {
            continue;
        };
        if alive(pid) == Some(false)
            && e.file_type().is_ok_and(|t| t.is_file())
            && fs::remove_file(e.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

/// Writes `fill` into the temporary of `path` and syncs it; returns the
/// temporary's path (registered). On error the temporary is removed.
fn write_temporary<F>(path: &Path, fill: F) -> Result<PathBuf>
where
    F: FnOnce(&mut dyn Write) -> io::Result<()>,
{
    let (tmp, _) = temporary(path);
    register(&tmp);
    let result = (|| {
        let file = File::create(&tmp)?;
        let mut w = BufWriter::new(file);
        fill(&mut w)?;
        let file = w.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()
    })();
    if let Err(source) = result {
        let _ = fs::remove_file(&tmp);
        unregister(&tmp);
        return Err(Error::Write {
            path: path.to_path_buf(),
            source,
        });
    }
    Ok(tmp)
}

/// Checks that `path` can be replaced by a file: it is not a folder.
fn check_target(path: &Path) -> Result<()> {
    if path.is_dir() {
        return Err(Error::Write {
            path: path.to_path_buf(),
            source: io::Error::other("is a folder, not a file"),
        });
    }
    Ok(())
}

/// Creates the output folder `path` (and its parents) when missing; a file
/// in its place is an error that says so.
pub fn create_folder(path: &Path) -> Result<()> {
    check_folder(path)?;
    fs::create_dir_all(path).map_err(|source| Error::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// Checks that the output folder `path` is a folder or does not exist yet.
pub fn check_folder(path: &Path) -> Result<()> {
    if path.exists() && !path.is_dir() {
        return Err(Error::Write {
            path: path.to_path_buf(),
            source: io::Error::other("is a file, not a folder"),
        });
    }
    Ok(())
}

/// Writes `path` atomically: `fill` gets a buffered writer on a temporary
/// file next to `path`; when it returns `Ok`, the file is synced and renamed
/// into place. On any error the temporary file is removed.
pub fn write_atomic<F>(path: &Path, fill: F) -> Result<()>
where
    F: FnOnce(&mut dyn Write) -> io::Result<()>,
{
    let mut s = Staging::default();
    s.write(path, fill)?;
    s.commit()
}

/// Writes a string atomically.
pub fn write_string(path: &Path, text: &str) -> Result<()> {
    write_atomic(path, |w| w.write_all(text.as_bytes()))
}

/// Files written together: each [`write`](Staging::write) fills a
/// temporary; [`commit`](Staging::commit) renames them all into place.
/// Dropped without a commit (an error, a panic), it removes its temporaries
/// and the targets stay as they were.
#[derive(Debug, Default)]
pub struct Staging {
    /// (temporary, target), in the order written.
    files: Vec<(PathBuf, PathBuf)>,
    /// Folders already swept of stale temporaries.
    swept: Vec<PathBuf>,
}

impl Staging {
    /// An empty set of files.
    pub fn new() -> Self {
        Self::default()
    }

    /// Writes `path`'s content into its temporary (see [`write_atomic`]).
    pub fn write<F>(&mut self, path: &Path, fill: F) -> Result<()>
    where
        F: FnOnce(&mut dyn Write) -> io::Result<()>,
    {
        check_target(path)?;
        let dir = folder_of(path);
        if !self.swept.contains(&dir) {
            remove_stale_temporaries(&dir);
            self.swept.push(dir);
        }
        let tmp = write_temporary(path, fill)?;
        self.files.push((tmp, path.to_path_buf()));
        Ok(())
    }

    /// The targets written so far, in order.
    pub fn targets(&self) -> impl Iterator<Item = &Path> {
        self.files.iter().map(|(_, t)| t.as_path())
    }

    /// Renames every temporary over its target. If a rename fails, the
    /// temporaries not yet renamed are removed and the error returned.
    ///
    /// The renames run under the lock of the live temporaries, so that a
    /// signal arriving meanwhile waits for them: the folder is never left
    /// half old, half new.
    pub fn commit(mut self) -> Result<()> {
        let files = std::mem::take(&mut self.files);
        let mut live = live();
        let mut failure = None;
        for (tmp, target) in files {
            if failure.is_none()
                && let Err(source) = fs::rename(&tmp, &target)
            {
                failure = Some(Error::Write {
                    path: target.clone(),
                    source,
                });
            }
            if failure.is_some() {
                let _ = fs::remove_file(&tmp);
            }
            live.retain(|q| q != &tmp);
        }
        failure.map_or(Ok(()), Err)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        for (tmp, _) in self.files.drain(..) {
            let _ = fs::remove_file(&tmp);
            unregister(&tmp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failed_write_leaves_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        write_string(&p, "old").unwrap();
        let r = write_atomic(&p, |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("boom"))
        });
        assert!(r.is_err());
        assert_eq!(fs::read_to_string(&p).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn staging_is_all_or_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        let b = dir.path().join("b.txt");
        write_string(&a, "old a").unwrap();
        write_string(&b, "old b").unwrap();
        {
            let mut s = Staging::new();
            s.write(&a, |w| w.write_all(b"new a")).unwrap();
            let r = s.write(&b, |_| Err(io::Error::other("disk full")));
            assert!(r.is_err());
            // dropped without commit
        }
        assert_eq!(fs::read_to_string(&a).unwrap(), "old a");
        assert_eq!(fs::read_to_string(&b).unwrap(), "old b");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
        let mut s = Staging::new();
        s.write(&a, |w| w.write_all(b"new a")).unwrap();
        s.write(&b, |w| w.write_all(b"new b")).unwrap();
        // nothing visible before the commit
        assert_eq!(fs::read_to_string(&a).unwrap(), "old a");
        s.commit().unwrap();
        assert_eq!(fs::read_to_string(&a).unwrap(), "new a");
        assert_eq!(fs::read_to_string(&b).unwrap(), "new b");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
        let live = LIVE.lock().unwrap();
        assert!(!live.iter().any(|p| p.starts_with(dir.path())));
    }

    #[test]
    fn stale_temporaries_of_dead_runs_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        // PID 4194304 is above Linux's pid_max limit: never alive
        let dead = dir.path().join(".edges.csv.tmp4194304");
        let mine = dir
            .path()
            .join(format!(".nodes.csv.tmp{}", std::process::id()));
        let other = dir.path().join(".notes.tmp");
        for p in [&dead, &mine, &other] {
            fs::write(p, "x").unwrap();
        }
        write_string(&dir.path().join("edges.csv"), "new").unwrap();
        if Path::new("/proc/self").exists() {
            assert!(!dead.exists());
        }
        assert!(mine.exists());
        assert!(other.exists());
    }

    #[test]
    fn temp_names() {
        assert_eq!(temp_pid(".edges.csv.tmp123"), Some(123));
        assert_eq!(temp_pid(".a.tmp"), None);
        assert_eq!(temp_pid("edges.csv.tmp123"), None);
        assert_eq!(temp_pid(".tmp12"), None);
        assert_eq!(temp_pid(".x.tmp12a"), None);
    }

    #[test]
    fn a_file_is_not_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("out");
        fs::write(&f, "x").unwrap();
        let e = create_folder(&f).unwrap_err();
        assert!(e.to_string().ends_with("is a file, not a folder"), "{e}");
        create_folder(&dir.path().join("a/b")).unwrap();
        assert!(dir.path().join("a/b").is_dir());
    }

    #[test]
    fn a_folder_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let e = write_string(dir.path(), "x").unwrap_err();
        assert!(e.to_string().contains("is a folder, not a file"), "{e}");
    }
}
