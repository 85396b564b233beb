//! `map.html` in a real headless Chromium, driven over the DevTools protocol
//! (`tests/support/cdp.rs`): it loads with no console error and no network
//! request, the search box finds ids as users type them, Enter shows the
//! Details region with the citing texts and their passages, filters and
//! the URL hash work, the keyboard path works, and the map is not blank.
//!
//! Skipped, with a loud message, when no Chromium is installed
//! (`apt-get install chromium`), unless `UNXREF_REQUIRE_BROWSER=1` (set by
//! `.ci/run`), which turns the skip into a failure.

#[path = "support/cdp.rs"]
mod cdp;

use cdp::Browser;
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const SEC: Duration = Duration::from_secs(1);

fn chromium() -> Option<PathBuf> {
    let found = cdp::find_chromium();
    if found.is_none() {
        if std::env::var("UNXREF_REQUIRE_BROWSER").as_deref() == Ok("1") {
            panic!("UNXREF_REQUIRE_BROWSER=1 but no Chromium found (apt-get install chromium)");
        }
        eprintln!(
            "\n***** SKIPPED: the map.html browser tests need Chromium (apt-get install chromium) *****\n"
        );
    }
    found
}

/// Writes the sample corpus's map into a temp folder.
fn sample_map() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample");
    let out = Command::new(env!("CARGO_BIN_EXE_unxref"))
        .args(["map", "-q", "-o"])
        .arg(dir.path())
        .arg(&sample)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = dir.path().join("map.html");
    assert!(page.is_file());
    (dir, page)
}

fn url(page: &Path, hash: &str) -> String {
    format!("file://{}{hash}", page.display())
}

fn open(b: &mut Browser, page: &Path, hash: &str) {
    b.navigate(&url(page, hash));
    b.wait_for(
        "!!(window.unxrefMap && unxrefMap.status.ready)",
        30 * SEC,
        "the map to be ready",
    );
}

fn details(b: &mut Browser) -> String {
    b.eval("document.querySelector('[role=region][aria-label=Details]').innerText")
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn text(b: &mut Browser, expr: &str) -> String {
    b.eval(expr).as_str().unwrap_or_default().to_string()
}

#[test]
fn map_html_in_headless_chromium() {
    let Some(chromium) = chromium() else { return };
    let (_dir, page) = sample_map();
    let mut b = Browser::launch(&chromium, 1400, 900);
    open(&mut b, &page, "");

    // Drawn with WebGL, no console error, no request but the page itself.
    let status = b.eval("unxrefMap.status");
    assert_eq!(status["webgl"], json!(true), "{status}");
    b.pump(SEC / 2);
    assert_eq!(b.errors(), Vec::<String>::new());
    let page_url = url(&page, "");
    let others: Vec<String> = b
        .requests()
        .into_iter()
        .filter(|u| u != &page_url)
        .collect();
    assert!(others.is_empty(), "network requests: {others:?}");

    // The map is not blank.
    let ink = b.eval("unxrefMap.ink()").as_f64().unwrap();
    assert!(ink > 0.01, "map looks blank: {ink}");
    let shot = b.screenshot();
    assert!(shot.starts_with(b"\x89PNG"), "not a PNG");
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR"));
    std::fs::write(shots.join("map-sample.png"), &shot).unwrap();

    // Keyboard: Tab reaches the search box, which is a searchbox named "Search".
    b.key("Tab");
    let focused = b.eval(
        "[document.activeElement.id, document.activeElement.getAttribute('role'), document.activeElement.getAttribute('aria-label')].join('|')",
    );
    assert_eq!(focused, json!("search|searchbox|Search"));

    // Type 70/1, see it suggested, Enter: the Details region shows it.
    b.type_text("70/1");
    b.wait_for(
        "!document.getElementById('suggestions').hidden",
        5 * SEC,
        "suggestions",
    );
    let first = text(
        &mut b,
        "document.querySelector('#suggestions [role=option] .sid').textContent",
    );
    assert_eq!(first, "A/RES/70/1");
    b.key("Enter");
    let d = details(&mut b);
    assert!(d.contains("A/RES/70/1"), "{d}");
    assert!(d.contains("Transforming our world"), "{d}");
    assert!(d.contains("Cited by ("), "{d}");
    assert!(
        d.contains("A/RES/78/"),
        "no corpus resolution cites it: {d}"
    );
    let passages = b
        .eval("Array.from(document.querySelectorAll('#details .passage')).map(p => p.textContent)");
    let passages: Vec<&str> = passages
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert!(
        passages
            .iter()
            .any(|p| (p.starts_with("pp") || p.starts_with("op")) && p.len() > 30),
        "no citing passage with its paragraph: {passages:?}"
    );
    assert_eq!(text(&mut b, "location.hash"), "#A/RES/70/1");

    // Ids as users type them, and title words.
    for (typed, want) in [
        ("resolution 2178 (2014)", "S/RES/2178(2014)"),
        ("S/RES/2178 (2014)", "S/RES/2178(2014)"),
        ("217 A (III)", "A/RES/217(III)"),
        ("decision 74/550", "A/DEC/74/550"),
        ("A/RES/70/1", "A/RES/70/1"),
        ("Transforming our world", "A/RES/70/1"),
    ] {
        let got = b.eval(&format!("unxrefMap.search({})[0]", json!(typed)));
        assert_eq!(got, json!(want), "search {typed:?}");
    }

    // Clicking a citing text in Details selects it.
    let citing = text(
        &mut b,
        "document.querySelector('#details ol button[data-node]').dataset.node",
    );
    b.eval("document.querySelector('#details ol button[data-node]').click()");
    let d = details(&mut b);
    assert!(d.starts_with(&citing), "{citing} not selected: {d}");

    // Arrows in the suggestion list, Enter picks the active one, Escape closes.
    b.eval("document.getElementById('search').focus()");
    b.eval("document.getElementById('search').select()");
    b.type_text("crime");
    b.wait_for(
        "document.querySelectorAll('#suggestions [role=option]').length > 1",
        5 * SEC,
        "several suggestions",
    );
    b.key("ArrowDown");
    b.key("ArrowDown");
    assert_eq!(
        text(
            &mut b,
            "document.getElementById('search').getAttribute('aria-activedescendant')"
        ),
        "sug-1"
    );
    let second = text(&mut b, "document.querySelector('#sug-1 .sid').textContent");
    b.key("Enter");
    assert!(details(&mut b).starts_with(&second));
    b.type_text(" x");
    b.key("Escape");
    b.key("Escape");
    assert_eq!(
        b.eval("document.getElementById('suggestions').hidden"),
        json!(true)
    );

    // Filter: corpus documents only.
    let corpus = b.eval("(() => { const d = JSON.parse(document.getElementById('map-data').textContent); return d.nodes.corpus.filter(c => c === 1).length; })()");
    b.eval("document.getElementById('corpus-only').click()");
    let count = text(&mut b, "document.getElementById('count').textContent");
    assert!(
        count.starts_with(&format!("{} of ", corpus.as_u64().unwrap())),
        "{count}"
    );
    let ink_filtered = b.eval("unxrefMap.ink()").as_f64().unwrap();
    assert!(ink_filtered > 0.0, "nothing drawn after filtering");
    b.eval("document.getElementById('corpus-only').click()");
    // Minimum number of citing texts.
    b.eval("const m = document.getElementById('min-cited'); m.value = '5'; m.dispatchEvent(new Event('change'))");
    let count = text(&mut b, "document.getElementById('count').textContent");
    let shown: usize = count
        .split(' ')
        .next()
        .unwrap()
        .replace(',', "")
        .parse()
        .unwrap();
    assert!(shown > 0 && shown < 100, "{count}");

    assert_eq!(b.errors(), Vec::<String>::new());
}

#[test]
fn hash_link_opens_with_the_text_selected() {
    let Some(chromium) = chromium() else { return };
    let (_dir, page) = sample_map();
    let mut b = Browser::launch(&chromium, 1200, 800);
    open(&mut b, &page, "#S/RES/2178(2014)");
    let d = details(&mut b);
    assert!(d.starts_with("S/RES/2178(2014)"), "{d}");
    assert!(
        d.contains("Security Council") || d.contains("SC resolution"),
        "{d}"
    );
    // Changing the hash selects another text.
    b.eval("location.hash = '#A/RES/70/1'");
    b.wait_for(
        "document.querySelector('#details h2').textContent === 'A/RES/70/1'",
        5 * SEC,
        "the hash change",
    );
    assert_eq!(b.errors(), Vec::<String>::new());
}
