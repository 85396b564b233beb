//! GEXF 1.3 (Gephi's own format), written streaming.
//!
//! Node attributes are declared (`kind`, `year`, `title`, `in_corpus`,
//! `pagerank`, `in_degree`, `out_degree`) with their types; a node without a
//! year simply has no `year` value. With `dynamic`, the graph is dynamic and
//! each dated node gets its year as `start` (so Gephi's timeline shows the
//! network growing); undated nodes exist at all times. Colours follow
//! [`super::style`], sizes PageRank.

use super::View;
use super::style::rgb;
use super::text::{float, one_line, short_label, xml_escape as x};
use std::io::{self, Write};

/// Settings of the GEXF output.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GexfOptions {
    /// Give every dated node its year as `start` (dynamic graph).
    pub dynamic: bool,
}

/// Node attributes: (id, type).
const NODE_ATTRS: [(&str, &str); 8] = [
    ("kind", "string"),
    ("year", "integer"),
    ("date", "string"),
    ("title", "string"),
    ("in_corpus", "boolean"),
    ("pagerank", "double"),
    ("in_degree", "integer"),
    ("out_degree", "integer"),
];

/// Edge attributes: (id, type).
const EDGE_ATTRS: [(&str, &str); 3] = [
    ("cue", "string"),
    ("paragraph", "string"),
    ("flagged", "boolean"),
];

/// Writes `view` as a GEXF 1.3 document.
pub fn write_gexf(w: &mut dyn Write, view: &View, opts: &GexfOptions) -> io::Result<()> {
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">"#
    )?;
    writeln!(
        w,
        "  <meta><creator>unxref {}</creator><description>Citations between United Nations texts (edges: citing → cited)</description></meta>",
        env!("CARGO_PKG_VERSION")
    )?;
    if opts.dynamic {
        writeln!(
            w,
            r#"  <graph defaultedgetype="directed" mode="dynamic" timeformat="integer">"#
        )?;
    } else {
        writeln!(w, r#"  <graph defaultedgetype="directed" mode="static">"#)?;
    }
    writeln!(w, r#"    <attributes class="node">"#)?;
    for (id, ty) in NODE_ATTRS {
        writeln!(
            w,
            r#"      <attribute id="{id}" title="{id}" type="{ty}"/>"#
        )?;
    }
    writeln!(w, "    </attributes>")?;
    writeln!(w, r#"    <attributes class="edge">"#)?;
    for (id, ty) in EDGE_ATTRS {
        writeln!(
            w,
            r#"      <attribute id="{id}" title="{id}" type="{ty}"/>"#
        )?;
    }
    writeln!(w, "    </attributes>")?;
    writeln!(w, "    <nodes>")?;
    let max = view.max_pagerank();
    for (i, &n) in view.nodes.iter().enumerate() {
        let m = view.graph.meta(n);
        let kind = view.kinds[i];
        write!(
            w,
            r#"      <node id="{}" label="{}""#,
            x(&m.id),
            x(&short_label(&m.id))
        )?;
        if opts.dynamic
            && let Some(y) = m.year
        {
            write!(w, r#" start="{y}""#)?;
        }
        writeln!(w, ">")?;
        write!(w, "        <attvalues>")?;
        let pr = view.pagerank(n);
        let mut att = |k: &str, v: &str| write!(w, r#"<attvalue for="{k}" value="{}"/>"#, x(v));
        att("kind", kind.map(|k| k.as_str()).unwrap_or(""))?;
        if let Some(y) = m.year {
            att("year", &y.to_string())?;
        }
        if !m.date.is_empty() {
            att("date", &m.date)?;
        }
        att("title", &one_line(&m.title))?;
        att("in_corpus", if m.in_corpus { "true" } else { "false" })?;
        att("pagerank", &float(pr))?;
        att("in_degree", &view.in_degree(n).to_string())?;
        att("out_degree", &view.out_degree(n).to_string())?;
        writeln!(w, "</attvalues>")?;
        let (r, g, b) = rgb(kind);
        let size = if max > 0.0 {
            4.0 + 26.0 * (pr / max).sqrt()
        } else {
            4.0
        };
        writeln!(
            w,
            r#"        <viz:color r="{r}" g="{g}" b="{b}"/><viz:size value="{}"/>"#,
            float((size * 100.0).round() / 100.0)
        )?;
        writeln!(w, "      </node>")?;
    }
    writeln!(w, "    </nodes>")?;
    writeln!(w, "    <edges>")?;
    for (i, &(s, t, e)) in view.edges.iter().enumerate() {
        let meta = &view.graph.graph[e];
        write!(
            w,
            r#"      <edge id="{i}" source="{}" target="{}" weight="{}"><attvalues>"#,
            x(&view.graph.meta(view.nodes[s as usize]).id),
            x(&view.graph.meta(view.nodes[t as usize]).id),
            float(meta.weight)
        )?;
        write!(w, r#"<attvalue for="cue" value="{}"/>"#, x(&meta.cue))?;
        write!(
            w,
            r#"<attvalue for="paragraph" value="{}"/>"#,
            x(&meta.paragraph)
        )?;
        writeln!(
            w,
            r#"<attvalue for="flagged" value="{}"/></attvalues></edge>"#,
            meta.flagged
        )?;
    }
    writeln!(w, "    </edges>")?;
    writeln!(w, "  </graph>")?;
    writeln!(w, "</gexf>")
}
