//! GraphML, written streaming, for Gephi, yEd, networkx and igraph.
//!
//! Every attribute is declared as a `<key>` with `attr.name` and `attr.type`
//! (the types networkx and igraph map to Python/R types: `string`, `int`,
//! `double`, `boolean`); the key ids are the attribute names, so files read
//! well by eye. A missing value (a node without a year) has no `<data>`
//! element, which all four tools read as "missing". Node ids are the
//! canonical ids; `label` holds the short id (Gephi shows it; in yEd, map it
//! to the node labels with Edit → Properties Mapper).

use super::View;
use super::text::{float, one_line, short_label, xml_escape as x};
use std::io::{self, Write};

/// Declared keys: (for, name, type).
const KEYS: [(&str, &str, &str); 14] = [
    ("node", "label", "string"),
    ("node", "kind", "string"),
    ("node", "year", "int"),
    ("node", "date", "string"),
    ("node", "title", "string"),
    ("node", "in_corpus", "boolean"),
    ("node", "pagerank", "double"),
    ("node", "in_degree", "int"),
    ("node", "out_degree", "int"),
    ("edge", "weight", "double"),
    ("edge", "kind", "string"),
    ("edge", "cue", "string"),
    ("edge", "paragraph", "string"),
    ("edge", "flagged", "boolean"),
];

/// Writes `view` as a GraphML document.
pub fn write_graphml(w: &mut dyn Write, view: &View) -> io::Result<()> {
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    for (target, name, ty) in KEYS {
        // node and edge keys may share a name (`kind`): ids must be unique
        let id = if target == "edge" && name == "kind" {
            "edge_kind"
        } else {
            name
        };
        writeln!(
            w,
            r#"  <key id="{id}" for="{target}" attr.name="{name}" attr.type="{ty}"/>"#
        )?;
    }
    writeln!(w, r#"  <graph id="unxref" edgedefault="directed">"#)?;
    for (i, &n) in view.nodes.iter().enumerate() {
        let m = view.graph.meta(n);
        write!(w, r#"    <node id="{}">"#, x(&m.id))?;
        let mut data = |k: &str, v: &str| write!(w, r#"<data key="{k}">{}</data>"#, x(v));
        data("label", &short_label(&m.id))?;
        if let Some(k) = view.kinds[i] {
            data("kind", k.as_str())?;
        }
        if let Some(y) = m.year {
            data("year", &y.to_string())?;
        }
        if !m.date.is_empty() {
            data("date", &m.date)?;
        }
        let title = one_line(&m.title);
        if !title.is_empty() {
            data("title", &title)?;
        }
        data("in_corpus", if m.in_corpus { "true" } else { "false" })?;
        data("pagerank", &float(view.pagerank(n)))?;
        data("in_degree", &view.in_degree(n).to_string())?;
        data("out_degree", &view.out_degree(n).to_string())?;
        writeln!(w, "</node>")?;
    }
    for (i, &(s, t, e)) in view.edges.iter().enumerate() {
        let meta = &view.graph.graph[e];
        let target = view.graph.meta(view.nodes[t as usize]);
        write!(
            w,
            r#"    <edge id="e{i}" source="{}" target="{}">"#,
            x(&view.graph.meta(view.nodes[s as usize]).id),
            x(&target.id)
        )?;
        let mut data = |k: &str, v: &str| write!(w, r#"<data key="{k}">{}</data>"#, x(v));
        data("weight", &float(meta.weight))?;
        if let Some(k) = view.kinds[t as usize] {
            data("edge_kind", k.as_str())?;
        }
        if !meta.cue.is_empty() {
            data("cue", &meta.cue)?;
        }
        if !meta.paragraph.is_empty() {
            data("paragraph", &meta.paragraph)?;
        }
        data("flagged", if meta.flagged { "true" } else { "false" })?;
        writeln!(w, "</edge>")?;
    }
    writeln!(w, "  </graph>")?;
    writeln!(w, "</graphml>")
}
