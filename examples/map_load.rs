//! How fast `map.html` is made and how fast it opens in headless Chromium.
//!
//! ```sh
//! cargo run --release --example map_load -- ../shared/corpus   # or any INPUT of the graph commands
//! ```
//!
//! Prints, for the graph of the inputs: the ForceAtlas2 layout alone and
//! the whole page (layout + JSON) in wall and CPU time, the page's size;
//! then, in headless Chromium (`chromium` on PATH or `$UNXREF_CHROMIUM`),
//! the time from navigation to the page being ready (graph built, first
//! frame drawn), and in-page timings of a search, a selection (Details
//! filled, camera moved) and a filter change, each the median of 5 runs.

#[path = "../tests/support/cdp.rs"]
mod cdp;
#[path = "common/mod.rs"]
mod common;

use std::path::PathBuf;
use std::time::{Duration, Instant};
use unxref::export::html::{HtmlOptions, write_html};
use unxref::export::layout::{LayoutOptions, force_atlas2};
use unxref::export::{Scores, View};
use unxref::graph::input::{LoadOptions, load_inputs};

/// Mean length of the links over the mean distance of 100,000 seeded
/// random pairs: how much closer linked texts are than any two.
fn spread(xy: &[(f64, f64)], pairs: &[(u32, u32)]) -> f64 {
    let d = |a: usize, b: usize| ((xy[a].0 - xy[b].0).powi(2) + (xy[a].1 - xy[b].1).powi(2)).sqrt();
    let links = pairs
        .iter()
        .map(|&(a, b)| d(a as usize, b as usize))
        .sum::<f64>()
        / pairs.len().max(1) as f64;
    let mut rng = common::SplitMix64(7);
    let n = xy.len();
    let any = (0..100_000)
        .map(|_| d(rng.below(n), rng.below(n)))
        .sum::<f64>()
        / 100_000.0;
    links / any
}

fn main() {
    let inputs: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let inputs = if inputs.is_empty() {
        vec![PathBuf::from("../shared/corpus")]
    } else {
        inputs
    };
    let loaded = load_inputs(&inputs, &LoadOptions::default()).expect("inputs");
    let g = &loaded.graph;
    let scores = Scores::compute(g);
    let view = View::all(g, &scores);
    println!(
        "graph: {} texts, {} citation links",
        g.node_count(),
        g.edge_count()
    );

    let pairs: Vec<(u32, u32)> = view.edges.iter().map(|&(s, t, _)| (s, t)).collect();
    let mut lo = LayoutOptions::default();
    if let Some(v) = std::env::var("FA2_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        lo.iterations = v;
    }
    if let Some(v) = std::env::var("FA2_STEP").ok().and_then(|v| v.parse().ok()) {
        lo.max_step = v;
    }
    if let Some(v) = std::env::var("FA2_GRAVITY")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        lo.gravity = v;
    }
    if let Some(v) = std::env::var("FA2_THETA").ok().and_then(|v| v.parse().ok()) {
        lo.theta = v;
    }
    let (t, c) = (Instant::now(), common::cpu_seconds());
    let xy = force_atlas2(view.nodes.len(), &pairs, &lo);
    println!(
        "layout (ForceAtlas2, {} iterations, theta {}): {:.2} s wall, {:.2} s CPU; mean link length / mean distance {:.3} (lower: tighter clusters)",
        lo.iterations,
        lo.theta,
        t.elapsed().as_secs_f64(),
        common::cpu_seconds() - c,
        spread(&xy, &pairs)
    );
    if std::env::var_os("FA2_ONLY").is_some() {
        return;
    }
    let (t, c) = (Instant::now(), common::cpu_seconds());
    let mut page = Vec::new();
    write_html(&mut page, &view, &HtmlOptions::default()).expect("write");
    println!(
        "map.html (layout + data): {:.2} s wall, {:.2} s CPU, {:.1} MB",
        t.elapsed().as_secs_f64(),
        common::cpu_seconds() - c,
        page.len() as f64 / 1e6
    );
    let dir = std::env::temp_dir().join("unxref-map-load");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("map.html");
    std::fs::write(&path, &page).unwrap();
    println!("written to {}", path.display());

    let Some(chromium) = cdp::find_chromium() else {
        println!("no Chromium found: browser timings skipped (apt-get install chromium)");
        return;
    };
    let mut b = cdp::Browser::launch(&chromium, 1400, 900);
    let url = format!("file://{}", path.display());
    b.call("Performance.enable", serde_json::json!({}));
    let t = Instant::now();
    b.navigate(&url);
    let loaded_at = t.elapsed();
    b.wait_for(
        "!!(window.unxrefMap && unxrefMap.status.ready)",
        Duration::from_secs(120),
        "the map",
    );
    // One animation frame later the first frame is on screen.
    b.eval("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
    let ready = t.elapsed();
    println!(
        "Chromium: load event {:.2} s, ready and drawn {:.2} s after navigation (webgl: {}); in-page ms since the script started: {}",
        loaded_at.as_secs_f64(),
        ready.as_secs_f64(),
        b.eval("unxrefMap.status.webgl"),
        b.eval("unxrefMap.status.timings")
    );
    let metrics = b.call("Performance.getMetrics", serde_json::json!({}));
    let metric = |name: &str| {
        metrics["metrics"]
            .as_array()
            .and_then(|a| a.iter().find(|m| m["name"] == name))
            .and_then(|m| m["value"].as_f64())
            .unwrap_or(f64::NAN)
    };
    println!(
        "renderer CPU until ready: main thread {:.2} s, whole renderer process {:.2} s (script {:.2} s, HTML parse and other tasks {:.2} s)",
        metric("ThreadTime"),
        metric("ProcessTime"),
        metric("ScriptDuration"),
        metric("TaskOtherDuration")
    );
    std::fs::write(dir.join("map-overview.png"), b.screenshot()).unwrap();
    let median = |b: &mut cdp::Browser, js: &str| -> f64 {
        let v = b.eval(&format!(
            "(() => {{ const t = []; for (let k = 0; k < 5; k++) {{ const s = performance.now(); {js}; t.push(performance.now() - s); }} t.sort((a, b) => a - b); return t[2]; }})()"
        ));
        v.as_f64().unwrap_or(f64::NAN)
    };
    let search = median(&mut b, "unxrefMap.search('70/1')");
    let words = median(&mut b, "unxrefMap.search('sustainable development')");
    let select = median(&mut b, "unxrefMap.select('A/RES/70/1')");
    let filter = median(&mut b, "document.getElementById('corpus-only').click()");
    let redraw = median(&mut b, "unxrefMap.snapshot()");
    println!(
        "in page (median of 5): search '70/1' {search:.1} ms, title words {words:.1} ms, select A/RES/70/1 {select:.1} ms, filter {filter:.1} ms, full redraw {redraw:.1} ms"
    );
    let shot = b.screenshot();
    let png = dir.join("map.png");
    std::fs::write(&png, shot).unwrap();
    println!("screenshot: {}", png.display());
    let errors = b.errors();
    if !errors.is_empty() {
        println!("console errors: {errors:?}");
    }
}
