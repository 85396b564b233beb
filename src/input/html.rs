//! HTML to text: tags dropped (block tags become line breaks, inline tags
//! nothing), `<script>`/`<style>` contents dropped, entities decoded, with an
//! offset map back into the HTML.

use crate::text::Mapped;

const BLOCK_TAGS: &[&str] = &[
    "p",
    "br",
    "div",
    "li",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "ul",
    "ol",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "hr",
    "title",
];

fn tag_name(tag: &str) -> String {
    tag.trim_start_matches(['<', '/'])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Strips tags and decodes entities.
pub(super) fn strip(src: &str) -> Mapped {
    let mut out = Mapped::builder(src.len(), src.len());
    let b = src.as_bytes();
    let mut i = 0;
    let mut text_start = 0;
    while i < b.len() {
        match b[i] {
            b'<' => {
                flush(src, text_start, i, &mut out);
                // comment
                let end = if src[i..].starts_with("<!--") {
                    src[i..].find("-->").map(|e| i + e + 3).unwrap_or(b.len())
                } else {
                    memchr::memchr(b'>', &b[i..])
                        .map(|e| i + e + 1)
                        .unwrap_or(b.len())
                };
                let name = tag_name(&src[i..end]);
                let mut end = end;
                if (name == "script" || name == "style") && !src[i..].starts_with("</") {
                    let close = format!("</{name}");
                    end = find_ci(src, end, &close)
                        .and_then(|c| memchr::memchr(b'>', &b[c..]).map(|e| c + e + 1))
                        .unwrap_or(b.len());
                }
                let rep = if BLOCK_TAGS.contains(&name.as_str()) {
                    "\n"
                } else {
                    ""
                };
                out.push_replaced(rep, i, end);
                i = end;
                text_start = i;
            }
            _ => i += 1,
        }
    }
    flush(src, text_start, b.len(), &mut out);
    out
}

fn find_ci(hay: &str, from: usize, needle: &str) -> Option<usize> {
    let lower = hay[from..].to_ascii_lowercase();
    lower.find(needle).map(|p| from + p)
}

/// Copies `src[a..b]`, decoding entities.
fn flush(src: &str, a: usize, b: usize, out: &mut Mapped) {
    let seg = &src[a..b];
    let mut last = 0;
    let mut search = 0;
    while let Some(p) = seg[search..].find('&') {
        let amp = search + p;
        let semi = seg[amp..].find(';').filter(|&s| s > 1 && s <= 32);
        if let Some(s) = semi {
            let ent = &seg[amp..amp + s + 1];
            let decoded = html_escape::decode_html_entities(ent);
            if decoded != ent {
                out.push_copy(&seg[last..amp], a + last);
                out.push_replaced(&decoded, a + amp, a + amp + s + 1);
                last = amp + s + 1;
                search = last;
                continue;
            }
        }
        search = amp + 1;
    }
    out.push_copy(&seg[last..], a + last);
}
