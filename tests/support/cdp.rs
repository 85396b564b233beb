//! A small Chrome DevTools Protocol client over `--remote-debugging-pipe`
//! (JSON messages separated by NUL bytes on file descriptors 3 and 4): no
//! WebSocket, no port, no dependency beyond `serde_json` and `libc`.
//!
//! Shared by the browser tests (`tests/browser_map.rs`) and the load-time
//! measurement (`examples/map_load.rs`).

#![allow(dead_code)]

use serde_json::{Value, json};
use std::io::{Read, Write};
use std::os::fd::AsRawFd;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

/// The Chromium binary: `$UNXREF_CHROMIUM`, else the first of the usual
/// names found on `PATH`.
pub fn find_chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("UNXREF_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in [
            "chromium",
            "chromium-browser",
            "google-chrome",
            "google-chrome-stable",
        ] {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// A running headless Chromium with one page attached.
pub struct Browser {
    child: Child,
    to_chrome: std::io::PipeWriter,
    from_chrome: Receiver<Value>,
    next_id: u64,
    session: String,
    /// Every event received so far (method and params).
    pub events: Vec<Value>,
    _profile: tempfile::TempDir,
}

impl Browser {
    /// Starts Chromium headless (fresh profile, no network services) with
    /// a `width`×`height` page, and attaches to that page.
    pub fn launch(chromium: &Path, width: u32, height: u32) -> Browser {
        let profile = tempfile::tempdir().expect("temp profile");
        let (r1, w1) = std::io::pipe().expect("pipe");
        let (r2, w2) = std::io::pipe().expect("pipe");
        let (cr, cw) = (r1.as_raw_fd(), w2.as_raw_fd());
        let mut cmd = Command::new(chromium);
        cmd.args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--enable-unsafe-swiftshader",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-default-apps",
            "--disable-extensions",
            "--mute-audio",
            "--remote-debugging-pipe",
            &format!("--window-size={width},{height}"),
            &format!("--user-data-dir={}", profile.path().display()),
            "about:blank",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
        // SAFETY: only async-signal-safe calls (fcntl, dup2) between fork and exec.
        unsafe {
            cmd.pre_exec(move || {
                let a = libc::fcntl(cr, libc::F_DUPFD, 10);
                let b = libc::fcntl(cw, libc::F_DUPFD, 10);
                if a < 0 || b < 0 || libc::dup2(a, 3) < 0 || libc::dup2(b, 4) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().expect("start chromium");
        drop(r1);
        drop(w2);
        let (tx, rx) = channel();
        let mut reader = r2;
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let mut chunk = [0u8; 65536];
            loop {
                let n = match reader.read(&mut chunk) {
                    Ok(0) | Err(_) => return,
                    Ok(n) => n,
                };
                buf.extend_from_slice(&chunk[..n]);
                while let Some(p) = buf.iter().position(|&b| b == 0) {
                    let msg: Vec<u8> = buf.drain(..=p).collect();
                    if let Ok(v) = serde_json::from_slice::<Value>(&msg[..msg.len() - 1])
                        && tx.send(v).is_err()
                    {
                        return;
                    }
                }
            }
        });
        let mut b = Browser {
            child,
            to_chrome: w1,
            from_chrome: rx,
            next_id: 0,
            session: String::new(),
            events: Vec::new(),
            _profile: profile,
        };
        let target = b.call("Target.createTarget", json!({"url": "about:blank"}));
        let target_id = target["targetId"].as_str().expect("target id").to_string();
        let attached = b.call(
            "Target.attachToTarget",
            json!({"targetId": target_id, "flatten": true}),
        );
        b.session = attached["sessionId"]
            .as_str()
            .expect("session id")
            .to_string();
        for domain in [
            "Page.enable",
            "Runtime.enable",
            "Log.enable",
            "Network.enable",
        ] {
            b.call(domain, json!({}));
        }
        b.call(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": false}),
        );
        b
    }

    /// Sends a command (to the page once attached) and waits for its result;
    /// panics on a protocol error or after 60 s.
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut msg = json!({"id": id, "method": method, "params": params});
        if !self.session.is_empty() {
            msg["sessionId"] = json!(self.session);
        }
        let mut bytes = serde_json::to_vec(&msg).expect("json");
        bytes.push(0);
        self.to_chrome.write_all(&bytes).expect("write to chromium");
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let v = self
                .recv(deadline)
                .unwrap_or_else(|| panic!("{method}: no answer"));
            if v["id"].as_u64() == Some(id) {
                if let Some(err) = v.get("error") {
                    panic!("{method}: {err}");
                }
                return v["result"].clone();
            }
        }
    }

    fn recv(&mut self, deadline: Instant) -> Option<Value> {
        let left = deadline.saturating_duration_since(Instant::now());
        match self.from_chrome.recv_timeout(left) {
            Ok(v) => {
                if v.get("method").is_some() {
                    self.events.push(v.clone());
                }
                Some(v)
            }
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => None,
        }
    }

    /// Collects events for up to `d`.
    pub fn pump(&mut self, d: Duration) {
        let deadline = Instant::now() + d;
        while self.recv(deadline).is_some() {}
    }

    /// Evaluates `expr` in the page (promises awaited) and returns its value;
    /// panics when it throws.
    pub fn eval(&mut self, expr: &str) -> Value {
        let r = self.call(
            "Runtime.evaluate",
            json!({"expression": expr, "returnByValue": true, "awaitPromise": true}),
        );
        if let Some(ex) = r.get("exceptionDetails") {
            panic!("{expr}: {ex}");
        }
        r["result"]["value"].clone()
    }

    /// Polls `expr` until it is `true`; returns the time it took, or panics
    /// after `timeout` with `what`.
    pub fn wait_for(&mut self, expr: &str, timeout: Duration, what: &str) -> Duration {
        let start = Instant::now();
        loop {
            if self.eval(expr) == json!(true) {
                return start.elapsed();
            }
            if start.elapsed() > timeout {
                panic!("timed out after {timeout:?} waiting for {what} ({expr})");
            }
            self.pump(Duration::from_millis(50));
        }
    }

    /// Navigates to `url` and waits for the load event.
    pub fn navigate(&mut self, url: &str) {
        let before = self.events.len();
        self.call("Page.navigate", json!({"url": url}));
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if self.events[before..]
                .iter()
                .any(|e| e["method"] == "Page.loadEventFired")
            {
                return;
            }
            if self.recv(deadline).is_none() {
                panic!("{url}: no load event");
            }
        }
    }

    /// Presses a key (keyDown then keyUp), e.g. `"Tab"`, `"Enter"`, `"ArrowDown"`, `"Escape"`.
    pub fn key(&mut self, key: &str) {
        let (code, vk) = match key {
            "Tab" => ("Tab", 9),
            "Enter" => ("Enter", 13),
            "Escape" => ("Escape", 27),
            "ArrowUp" => ("ArrowUp", 38),
            "ArrowDown" => ("ArrowDown", 40),
            other => panic!("no key code for {other}"),
        };
        let text = if key == "Enter" { "\r" } else { "" };
        let down = if text.is_empty() {
            "rawKeyDown"
        } else {
            "keyDown"
        };
        self.call(
            "Input.dispatchKeyEvent",
            json!({"type": down, "key": key, "code": code, "windowsVirtualKeyCode": vk, "text": text}),
        );
        self.call(
            "Input.dispatchKeyEvent",
            json!({"type": "keyUp", "key": key, "code": code, "windowsVirtualKeyCode": vk}),
        );
    }

    /// Types `text` into the focused element.
    pub fn type_text(&mut self, text: &str) {
        self.call("Input.insertText", json!({"text": text}));
    }

    /// A PNG screenshot of the viewport.
    pub fn screenshot(&mut self) -> Vec<u8> {
        let r = self.call("Page.captureScreenshot", json!({"format": "png"}));
        base64_decode(r["data"].as_str().expect("screenshot data"))
    }

    /// Console errors, uncaught exceptions and error log entries so far.
    pub fn errors(&self) -> Vec<String> {
        let mut out = Vec::new();
        for e in &self.events {
            let p = &e["params"];
            match e["method"].as_str() {
                Some("Runtime.exceptionThrown") => out.push(format!("exception: {p}")),
                Some("Runtime.consoleAPICalled")
                    if matches!(p["type"].as_str(), Some("error" | "assert")) =>
                {
                    out.push(format!("console.{}: {}", p["type"], p["args"]))
                }
                Some("Log.entryAdded") if p["entry"]["level"] == "error" => {
                    out.push(format!("log: {}", p["entry"]))
                }
                _ => {}
            }
        }
        out
    }

    /// URLs of every network request so far.
    pub fn requests(&self) -> Vec<String> {
        self.events
            .iter()
            .filter(|e| e["method"] == "Network.requestWillBeSent")
            .filter_map(|e| e["params"]["request"]["url"].as_str().map(str::to_string))
            .collect()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Decodes standard base64 (padding optional).
pub fn base64_decode(s: &str) -> Vec<u8> {
    let val = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in s.bytes().filter_map(val) {
        acc = (acc << 6) | u32::from(c);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}
