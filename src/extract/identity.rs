//! Who the citing document is: its own symbol (masthead, title line or file
//! name), title, year and adopting body. A document never cites itself, and
//! "its resolution" means a resolution of the body found here.

use super::patterns::SYMBOL_PREFIXES;
use crate::model::{Body, Kind};
use crate::symbol;
use regex::Regex;
use std::path::Path;
use std::sync::LazyLock;

/// What was learnt about the citing document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Identity {
    /// Canonical id.
    pub id: String,
    /// `masthead`, `title`, `file-name` or `file-stem`.
    pub id_source: &'static str,
    /// Title line, if any.
    pub title: String,
    /// Year of adoption or issue.
    pub year: Option<i32>,
    /// Adopting or issuing body.
    pub body: Option<Body>,
    /// The masthead symbol as printed (it repeats as a running header).
    pub header: Option<String>,
    /// Other symbols of the document itself ("[S/5002]" under the title of
    /// an old Security Council resolution): never cited by it.
    pub aliases: Vec<String>,
}

static BRACKET_ALIAS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\A(?:[^\n]*\n){0,3}?[ \t]*\[((?:S|A|E)/[0-9A-Za-z./\-]+)\][ \t]*\n")
        .expect("valid alias regex")
});

/// How far into a document its masthead may reach (bytes).
const MASTHEAD: usize = 900;

static MASTHEAD_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    let prefixes = SYMBOL_PREFIXES
        .iter()
        .map(|p| regex::escape(p))
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&format!(
        r"(?m)^(?:[^\n]*[ \t]{{3}})?[ \t#*]*((?:{prefixes})/[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*(?:/[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*)*(?:[ \t]?\([0-9]{{4}}\))?)[ \t*]*$"
    ))
    .expect("valid masthead regex")
});

static TITLE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?m)^[ \t#*]*(?:",
        r"(?P<ga>(?:ES-|S-)?[0-9]{1,2}/[0-9]{1,3})(?:[ \t]?[A-Z])?\.[ \t]+(?P<gt>[^\n]{3,300})",
        r"|(?:Decision|Décision|Decisión)[ \t]+(?P<dec>[0-9]{1,2}/[0-9]{1,3})(?:[ \t]?[A-Z](?:[ \t]+(?:and|to)[ \t]+[A-Z])?)?[ \t]*[:.][ \t]*(?P<dt>[^\n]*)",
        r"|(?:Resolution|RESOLUTION|Résolution)[ \t]+(?P<sc>[0-9]{1,4})[ \t]*\((?P<scy>(?:19|20)[0-9]{2})\)[ \t]*$",
        r"|(?P<sc2>[0-9]{1,4})[ \t]*\((?P<scy2>(?:19|20)[0-9]{2})\)\.[ \t]+Resolution[ \t]+of[ \t]",
        r")",
    ))
    .expect("valid title regex")
});

/// A title line wrapped by PDF extraction goes on until the first blank
/// line: "79/190. Preventing and combating corrupt practices and the
/// transfer of \nproceeds of corruption, …". Joins at most five more lines.
fn continued_title(first: &str, rest: &str) -> String {
    let mut title = first.trim_end().to_string();
    for line in rest.split('\n').skip(1).take(5) {
        let line = line.trim();
        // The enacting formula is never part of the title.
        if line.is_empty()
            || ["General Assembly", "Assemblée générale", "Asamblea General"]
                .iter()
                .any(|f| line.contains(f))
        {
            break;
        }
        title.push(' ');
        title.push_str(line);
    }
    title
}

static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(19[4-9][0-9]|20[0-4][0-9])(?-u:\b)").expect("valid year regex")
});

static MD_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^##+[ \t]+(?P<t>[^\n]{3,400})$").expect("valid heading regex")
});

static BODY_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?P<ga>General Assembly|Assemblée générale|Asamblea General|Генеральная Ассамблея|大会|الجمعية العامة)",
        r"|(?P<sc>Security Council|Conseil de sécurité|Consejo de Seguridad|Совет Безопасности|安全理事会|مجلس الأمن)",
        r"|(?P<hrc>Human Rights Council|Conseil des droits de l['’]homme|Consejo de Derechos Humanos|Совет по правам человека|人权理事会|مجلس حقوق الإنسان)",
        r"|(?P<ec>Economic and Social Council|Conseil économique et social|Consejo Económico y Social|Экономический и Социальный Совет|经济及社会理事会|المجلس الاقتصادي والاجتماعي)",
    ))
    .expect("valid body-mark regex")
});

/// The body a symbol belongs to, from its series.
///
/// Subsidiary bodies with resolutions or decisions of their own (ECOSOC's
/// commissions `E/CN.…`, the UNICEF board `E/ICEF/…`) are [`Body::Other`]:
/// in their texts "its decision 2024/1" is not an ECOSOC decision. GA
/// committees (`A/AC.…`, `A/C.3/…`) stay with the GA: their drafts speak
/// for the Assembly ("Reaffirms its resolution 75/123").
pub fn body_of(id: &str) -> Option<Body> {
    const OTHER: [&str; 4] = ["E/CN.", "E/ICEF/", "E/HLPF/", "A/HRC/EMRIP/"];
    if OTHER.iter().any(|p| id.starts_with(p)) {
        Some(Body::Other)
    } else if id.starts_with("A/HRC/") {
        Some(Body::HumanRightsCouncil)
    } else if id.starts_with("A/") {
        Some(Body::GeneralAssembly)
    } else if id.starts_with("S/") {
        Some(Body::SecurityCouncil)
    } else if id.starts_with("E/") {
        Some(Body::Ecosoc)
    } else if id.contains('/') {
        Some(Body::Other)
    } else {
        None
    }
}

/// Canonical id from a file name: `A_RES_79_1.txt` → `A/RES/79/1`,
/// `S_RES_660_1990.txt` → `S/RES/660(1990)`, `GA_decision_73_546.txt` →
/// `A/DEC/73/546`, `A_79_437_Add.4.txt` → `A/79/437/Add.4`.
pub fn id_from_file_name(path: &str) -> Option<String> {
    let stem = Path::new(path).file_stem()?.to_str()?;
    // Names as the UN's document system gives them: `A_79_1.en.pdf`,
    // `S_RES_2785 (2025).en.pdf`.
    let stem = strip_lang_suffix(stem);
    let joined;
    let stem = if let Some(i) = stem.find(" (")
        && stem.ends_with(')')
    {
        joined = format!("{}_{}", &stem[..i], &stem[i + 2..stem.len() - 1]);
        joined.as_str()
    } else {
        stem
    };
    let stem = stem.split([',', ' ']).next()?;
    let parts: Vec<&str> = stem.split('_').filter(|p| !p.is_empty()).collect();
    if parts.len() >= 4 && parts[0] == "S" && parts[1] == "RES" {
        let n: u32 = parts[2].parse().ok()?;
        let y: u32 = parts[3].parse().ok()?;
        return Some(symbol::sc_resolution(n, y));
    }
    if parts.len() >= 4 && parts[0] == "GA" && parts[1].eq_ignore_ascii_case("decision") {
        let s: u32 = parts[2].parse().ok()?;
        let n: u32 = parts[3].parse().ok()?;
        return Some(format!("A/DEC/{s}/{n}"));
    }
    if parts.len() >= 2 && SYMBOL_PREFIXES.contains(&parts[0]) {
        // Keep the parts that look like symbol components.
        let mut out: Vec<&str> = vec![parts[0]];
        for p in &parts[1..] {
            let ok = p.len() <= 12
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
                && (p.chars().any(|c| c.is_ascii_digit())
                    || p.chars().all(|c| c.is_ascii_uppercase() || c == '.'));
            if !ok {
                break;
            }
            out.push(p);
        }
        let id = symbol::document(&out.join("/"));
        if id.chars().any(|c| c.is_ascii_digit()) && out.len() >= 2 {
            return Some(id);
        }
    }
    None
}

/// `A_79_1.en` → `A_79_1`: the language tag of the UN's file names.
fn strip_lang_suffix(stem: &str) -> &str {
    match stem.rsplit_once('.') {
        Some((head, tag))
            if ["en", "fr", "es", "ru", "zh", "ar"]
                .iter()
                .any(|l| tag.eq_ignore_ascii_case(l)) =>
        {
            head
        }
        _ => stem,
    }
}

/// Finds the identity of a document from its cleaned text and file path.
pub fn identify(text: &str, path: &str) -> Identity {
    let head_end = {
        let mut e = text.len().min(MASTHEAD);
        while !text.is_char_boundary(e) {
            e -= 1;
        }
        e
    };
    let head = &text[..head_end];
    let mut id = Identity::default();
    if let Some(c) = MASTHEAD_SYMBOL.captures(head) {
        let mut sym = c[1].to_string();
        id.header = Some(sym.clone());
        // A joint symbol "A/ES-10/1043-S/2025/529": the first is the id, the
        // others are the same document too.
        let parts = super::find::split_joint(&sym);
        if parts.len() > 1 {
            for &(s, e) in &parts[1..] {
                id.aliases.push(symbol::document(&sym[s..e]));
            }
            sym = sym[parts[0].0..parts[0].1].to_string();
        }
        id.id = symbol::normalize_user_id(&sym).unwrap_or_else(|| symbol::document(&sym));
        id.id_source = "masthead";
    }
    // The title line (also confirms or gives the id).
    let title_zone = {
        let mut e = text.len().min(2500);
        while !text.is_char_boundary(e) {
            e -= 1;
        }
        &text[..e]
    };
    if let Some(c) = TITLE_LINE.captures(title_zone) {
        let (tid, title) = if let Some(g) = c.name("ga") {
            let title = c.name("gt").map_or(String::new(), |m| {
                continued_title(m.as_str(), &title_zone[m.end()..])
            });
            (format!("A/RES/{}", g.as_str()), title)
        } else if let Some(d) = c.name("dec") {
            (
                format!("A/DEC/{}", d.as_str()),
                c.name("dt")
                    .map_or(String::new(), |m| m.as_str().to_string()),
            )
        } else {
            let n = c.name("sc").or(c.name("sc2")).map_or("0", |m| m.as_str());
            let y = c.name("scy").or(c.name("scy2")).map_or("0", |m| m.as_str());
            let (n, y) = (n.parse().unwrap_or(0), y.parse().unwrap_or(0));
            (symbol::sc_resolution(n, y), String::new())
        };
        let title = title.trim().trim_matches('*').trim().to_string();
        // A GA title line only counts for a GA resolution (or no id yet).
        let fits = id.id.is_empty() || id.id == tid;
        if fits {
            if id.id.is_empty() {
                id.id = tid;
                id.id_source = "title";
            }
            id.title = title;
        }
    }
    if id.id.is_empty() {
        if let Some(f) = id_from_file_name(path) {
            id.id = f;
            id.id_source = "file-name";
        } else {
            id.id = Path::new(path)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            id.id_source = "file-stem";
        }
    }
    if id.title.is_empty()
        && let Some(c) = MD_HEADING.captures(title_zone)
    {
        id.title = c["t"].trim().trim_matches('*').trim().to_string();
    }
    id.body = body_of(&id.id).filter(|b| *b != Body::Other || id.id_source != "file-stem");
    if symbol::kind_of(&id.id).is_none() || id.id_source == "file-stem" {
        // No symbol: the body named first in the head.
        if let Some(c) = BODY_MARK.captures(head) {
            id.body = Some(if c.name("ga").is_some() {
                Body::GeneralAssembly
            } else if c.name("sc").is_some() {
                Body::SecurityCouncil
            } else if c.name("hrc").is_some() {
                Body::HumanRightsCouncil
            } else {
                Body::Ecosoc
            });
        }
    }
    if let Some(c) = BRACKET_ALIAS.captures(head) {
        id.aliases.push(symbol::document(&c[1]));
    }
    // Year: the first plausible year in the masthead, else from the id.
    id.year = YEAR
        .find(head)
        .and_then(|m| m.as_str().parse().ok())
        .or_else(|| symbol::year_of(&id.id));
    if matches!(symbol::kind_of(&id.id), Some(Kind::ScResolution)) {
        id.year = symbol::year_of(&id.id);
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names() {
        let t = [
            ("x/A_RES_79_1.txt", Some("A/RES/79/1")),
            ("S_RES_660_1990.txt", Some("S/RES/660(1990)")),
            ("GA_decision_73_546.txt", Some("A/DEC/73/546")),
            ("GA_decision_71_405_A_and_B.txt", Some("A/DEC/71/405")),
            ("A_79_437_Add.4.txt", Some("A/79/437/Add.4")),
            ("E_CN.6_2025_NGO_125.txt", Some("E/CN.6/2025/NGO/125")),
            ("A_ES-10_1043,_S_2025_529.txt", Some("A/ES-10/1043")),
            ("A_47_435.en.pdf", Some("A/47/435")),
            ("S_RES_2785 (2025).en.pdf", Some("S/RES/2785(2025)")),
            ("A_79_7_Add.13.fr.pdf", Some("A/79/7/Add.13")),
            ("FRA_01_1946.txt", None),
            ("000_fa6c76de0fa6bc20.txt", None),
        ];
        for (p, want) in t {
            assert_eq!(id_from_file_name(p).as_deref(), want, "{p}");
        }
    }

    #[test]
    fn mastheads_and_titles() {
        let d = identify(
            "United Nations \nA/RES/78/75\n \nGeneral Assembly \nDistr.: General \n11 December 2023\n\n78/75. Palestine refugees’ properties\n",
            "x.txt",
        );
        assert_eq!(d.id, "A/RES/78/75");
        assert_eq!(d.id_source, "masthead");
        assert_eq!(d.title, "Palestine refugees’ properties");
        assert_eq!(d.year, Some(2023));
        assert_eq!(d.body, Some(Body::GeneralAssembly));
        let d = identify(
            "Resolution 687 (1991)\nof 3 April 1991\n\nThe Security Council,\n",
            "r.txt",
        );
        assert_eq!(d.id, "S/RES/687(1991)");
        assert_eq!(d.body, Some(Body::SecurityCouncil));
        let d = identify(
            "131 (1958). Resolution of 9 December 1958\n[S/4133]\n\nThe Security Council,\n\n17 Official Records\nS/4122.\n",
            "x.txt",
        );
        assert_eq!(d.id, "S/RES/131(1958)");
        assert_eq!(d.aliases, ["S/4133"]);
        let d = identify(
            "                United Nations                          A/80/91\n  General Assembly     Distr.: General\n",
            "x.txt",
        );
        assert_eq!(d.id, "A/80/91");
        let d = identify(
            "   United Nations        A/ES-10/1043-S/2025/529\n",
            "x.txt",
        );
        assert_eq!(d.id, "A/ES-10/1043");
        assert_eq!(d.aliases, ["S/2025/529"]);
        let d = identify("S/RES/2787 (2025)\nSecurity Council\n", "r.txt");
        assert_eq!(d.id, "S/RES/2787(2025)");
        let d = identify(
            "Decision 73/546: Convening a conference\n\nAt its 65th",
            "d.txt",
        );
        assert_eq!(d.id, "A/DEC/73/546");
        assert_eq!(d.title, "Convening a conference");
        let d = identify(
            "# Assemblée générale\n\nDistr. limitée\n23 septembre 2019\n",
            "000_x.txt",
        );
        assert_eq!(d.id, "000_x");
        assert_eq!(d.body, Some(Body::GeneralAssembly));
        assert_eq!(d.year, Some(2019));
    }

    #[test]
    fn wrapped_title_lines_are_joined() {
        let text = "United Nations \nA/RES/79/190\n \n79/190. Preventing and combating corrupt practices and the transfer of \nproceeds of corruption, facilitating asset recovery \n \n \nThe General Assembly,\n";
        let d = identify(text, "x.txt");
        assert_eq!(
            d.title,
            "Preventing and combating corrupt practices and the transfer of proceeds of corruption, facilitating asset recovery"
        );
        let text = "79/5. Short title\nThe General Assembly,\n";
        assert_eq!(identify(text, "x.txt").title, "Short title");
    }
}
