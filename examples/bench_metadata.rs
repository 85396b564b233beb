//! Reading `--metadata` files at the size the UN Digital Library publishes
//! them: writes a synthetic GA voting-data CSV (default 900,000 rows: 4,700
//! resolutions × 193 member states, about 200 MB, with quoted titles
//! holding commas), then reads it with [`unxref::graph::metadata::read`]
//! and reports CPU time, rows per second and peak memory.
//!
//! ```sh
//! cargo run --release --example bench_metadata [ROWS] [FILE]
//! ```
//!
//! The file (default: in the system's temp folder) is generated once and
//! reused while it has the asked number of rows.

#[path = "common/mod.rs"]
mod common;

use std::io::Write;
use std::path::PathBuf;

const HEADER: &str = "undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,committee_report,meeting,title,agenda_title,subjects,vote_note,total_yes,total_no,total_abstentions,total_non_voting,total_ms,undl_link";

fn generate(path: &PathBuf, rows: usize) -> std::io::Result<()> {
    let mut rng = common::SplitMix64(79);
    let mut w = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?);
    writeln!(w, "{HEADER}")?;
    let states = 193;
    let resolutions = rows.div_ceil(states);
    let mut written = 0;
    for r in 0..resolutions {
        let session = 1 + r * 79 / resolutions.max(1);
        let number = 1 + r % 400;
        let year = 1945 + session;
        let (y, n, a) = (rng.below(150), rng.below(20), rng.below(30));
        for s in 0..states {
            if written == rows {
                break;
            }
            let vote = ["Y", "N", "A", "X"][rng.below(4)];
            writeln!(
                w,
                "{id},S{s:03},\"STATE {s}, REPUBLIC OF\",{vote},{year}-12-{day:02},{session},A/RES/{session}/{number},A/{session}/L.{number},A/{session}/{rep},A/{session}/PV.{meet},\"Resolution {number}: cooperation, development and \"\"peace\"\" in region {r}\",\"Agenda item {number}, part {r}\",\"SUBJECT A, SUBJECT B\",,{y},{n},{a},{nv},193,https://digitallibrary.un.org/record/{id}",
                id = 100_000 + r,
                day = 1 + r % 28,
                rep = 400 + r % 100,
                meet = 50 + r % 40,
                nv = 193 - y - n - a,
            )?;
            written += 1;
        }
    }
    w.flush()
}

fn count_rows(path: &PathBuf) -> Option<usize> {
    use std::io::Read;
    // Streamed, so that the check does not count in the peak memory.
    let mut f = std::fs::File::open(path).ok()?;
    let mut buf = vec![0u8; 1 << 20];
    let mut lines = 0;
    loop {
        let n = f.read(&mut buf).ok()?;
        if n == 0 {
            break;
        }
        lines += buf[..n].iter().filter(|&&b| b == b'\n').count();
    }
    Some(lines.saturating_sub(1))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let rows: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(900_000);
    let path = args
        .get(2)
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join(format!("unxref-bench-ga-votes-{rows}.csv")));
    if count_rows(&path) != Some(rows) {
        generate(&path, rows).expect("write the synthetic voting file");
    }
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let cpu0 = common::cpu_seconds();
    let wall = std::time::Instant::now();
    let m = unxref::graph::metadata::read(&path).expect("read the voting file");
    let cpu = common::cpu_seconds() - cpu0;
    println!(
        "{}: {} rows, {:.0} MB → {} resolutions in {:.2} s CPU ({:.2} s wall), {:.0} rows/s, peak memory {:.0} MiB",
        path.display(),
        m.rows,
        size as f64 / 1e6,
        m.records.len(),
        cpu,
        wall.elapsed().as_secs_f64(),
        m.rows as f64 / cpu.max(1e-9),
        common::peak_rss_mib(),
    );
}
