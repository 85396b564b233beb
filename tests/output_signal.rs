//! What the SIGINT/SIGTERM handler does before exiting: removes every
//! temporary the process is writing. In its own test binary, since it
//! removes the temporaries of every thread.

use unxref::output::{Staging, remove_live_temporaries};

#[test]
fn a_signal_removes_live_temporaries() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let mut s = Staging::new();
    s.write(&a, |w| w.write_all(b"new")).unwrap();
    let tmp = dir.path().join(format!(".a.txt.tmp{}", std::process::id()));
    assert!(tmp.exists());
    remove_live_temporaries();
    assert!(!tmp.exists());
    assert!(!a.exists());
    // the staging's own clean-up finds nothing left to remove
    drop(s);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}
