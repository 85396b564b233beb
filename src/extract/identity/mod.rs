//! Who the citing document is: its own symbol (masthead, title line or file
//! name), title, year and adopting body. A document never cites itself, and
//! "its resolution" means a resolution of the body found here.

use super::patterns::SYMBOL_PREFIXES;
use crate::model::{Body, Kind};
use crate::symbol;
use regex::Regex;
use std::path::Path;
use std::sync::LazyLock;

mod file_names;
mod lines;
#[cfg(test)]
mod oracle;
mod titles;

pub use file_names::{id_from_file_name, speech_from_file_name};
use titles::{AGENDA_ITEM, TITLE_LINE, bracket_drafts, continued_title, masthead_title, own_date};

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
    /// Date of adoption or issue (ISO 8601), or empty.
    pub date: String,
    /// The drafts the document was adopted from ("[without reference to a
    /// Main Committee (A/79/L.99 and A/79/L.99/Add.1)]").
    pub draft: Vec<String>,
    /// Byte span of the header bracket naming those drafts: citations
    /// inside it are the document's history, not citations.
    pub draft_span: Option<(usize, usize)>,
}

/// How far into a document its masthead may reach (bytes).
const MASTHEAD: usize = 900;

static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(19[4-9][0-9]|20[0-4][0-9])(?-u:\b)").expect("valid year regex")
});

static MD_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^##+[ \t]+(?P<t>[^\n]{3,})$").expect("valid heading regex"));

/// The bodies a document's head may name, in the six languages (an
/// apostrophe stands for either `'` or `’`).
const BODY_NAMES: [(Body, [&str; 6]); 4] = [
    (
        Body::GeneralAssembly,
        [
            "General Assembly",
            "Assemblée générale",
            "Asamblea General",
            "Генеральная Ассамблея",
            "大会",
            "الجمعية العامة",
        ],
    ),
    (
        Body::SecurityCouncil,
        [
            "Security Council",
            "Conseil de sécurité",
            "Consejo de Seguridad",
            "Совет Безопасности",
            "安全理事会",
            "مجلس الأمن",
        ],
    ),
    (
        Body::HumanRightsCouncil,
        [
            "Human Rights Council",
            "Conseil des droits de l'homme",
            "Consejo de Derechos Humanos",
            "Совет по правам человека",
            "人权理事会",
            "مجلس حقوق الإنسان",
        ],
    ),
    (
        Body::Ecosoc,
        [
            "Economic and Social Council",
            "Conseil économique et social",
            "Consejo Económico y Social",
            "Экономический и Социальный Совет",
            "经济及社会理事会",
            "المجلس الاقتصادي والاجتماعي",
        ],
    ),
];

/// The General Assembly's names of [`BODY_NAMES`] (its enacting formula
/// ends a title line, `titles`).
const GA_NAMES: &[&str; 6] = &BODY_NAMES[0].1;

/// Any of [`BODY_NAMES`], in their order.
static BODY_MARK: LazyLock<Regex> = LazyLock::new(|| {
    let names = BODY_NAMES
        .iter()
        .flat_map(|(_, names)| names)
        .map(|n| regex::escape(n).replace('\'', "['’]"))
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&names).expect("valid body-mark regex")
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
    if let Some((first, second)) = lines::masthead_symbols(head) {
        let mut sym = first.to_string();
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
        // A second symbol on the next line of the masthead ("E/2025/28" over
        // "E/CN.7/2025/11"): the same document under its other series.
        if let Some(s2) = second {
            id.aliases.push(symbol::document(s2));
        }
    }
    // The title line (also confirms or gives the id).
    let title_zone = {
        let mut e = text.len().min(2500);
        while !text.is_char_boundary(e) {
            e -= 1;
        }
        &text[..e]
    };
    // Where an SC title line ends ("Resolution 661 (1990)"): its date
    // follows ("of 6 August 1990").
    let mut sc_title_end = None;
    if let Some(c) = lines::title_line(title_zone) {
        let (tid, title) = if let Some(g) = c.name("ga") {
            // At most 300 characters of the title line (cut here, not by
            // a bounded repetition in the regex, which the lazy DFA pays
            // for with hundreds of states).
            let title = c.name("gt").map_or(String::new(), |m| {
                let (end, line) = titles::line_from(title_zone, m.start());
                let cut = line.char_indices().nth(300).map_or(line.len(), |(i, _)| i);
                continued_title(&line[..cut], &title_zone[end..])
            });
            (format!("A/RES/{}", g.as_str()), title)
        } else if let Some(d) = c.name("dec") {
            (
                format!("A/DEC/{}", d.as_str()),
                c.name("dt").map_or(String::new(), |m| {
                    titles::line_from(title_zone, m.start()).1.to_string()
                }),
            )
        } else {
            let n = c
                .name("sc")
                .or(c.name("sc2"))
                .or(c.name("sc3"))
                .map_or("0", |m| m.as_str());
            let y = c
                .name("scy")
                .or(c.name("scy2"))
                .or(c.name("scy3"))
                .map_or("0", |m| m.as_str());
            let (n, y) = (n.parse().unwrap_or(0), y.parse().unwrap_or(0));
            sc_title_end = c.get(0).map(|m| m.end());
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
        && let Some(t) = lines::md_heading(title_zone)
    {
        id.title = t.trim().trim_matches('*').trim().to_string();
    }
    id.body = body_of(&id.id).filter(|b| *b != Body::Other || id.id_source != "file-stem");
    if symbol::kind_of(&id.id).is_none() || id.id_source == "file-stem" {
        // No symbol: the body named first in the head.
        if let Some(body) = lines::body_mark(head) {
            id.body = Some(body);
        }
    }
    if let Some(alias) = lines::bracket_alias(head) {
        id.aliases.push(symbol::document(alias));
    }
    // The drafts the document was adopted from: its history.
    // At most 400 characters inside the bracket after its opening words
    // (checked by hand: a bounded repetition costs the lazy DFA its cache).
    if let Some((s, e)) = lines::draft_bracket(title_zone) {
        id.draft = bracket_drafts(&title_zone[s..e]);
        id.draft_span = Some((s, e));
    }
    // A document's own title from its masthead (drafts, letters, reports).
    if id.title.is_empty()
        && id.id_source != "file-stem"
        && symbol::kind_of(&id.id).is_none_or(|k| k == Kind::Document)
    {
        id.title = masthead_title(title_zone);
    }
    id.date = own_date(title_zone, head, sc_title_end);
    // A general-debate statement: its speaker and session are in its file
    // name only.
    if id.id_source == "file-stem"
        && let Some((title, year)) = speech_from_file_name(path)
    {
        if id.title.is_empty() {
            id.title = title;
        }
        id.body = Some(Body::GeneralAssembly);
        id.date.clear();
        id.year = Some(year);
        return id;
    }
    // Year: of the date, else the first plausible year in the masthead,
    // else from the id.
    id.year = id
        .date
        .get(..4)
        .and_then(|y| y.parse().ok())
        .or_else(|| YEAR.find(head).and_then(|m| m.as_str().parse().ok()))
        .or_else(|| symbol::year_of(&id.id));
    if matches!(symbol::kind_of(&id.id), Some(Kind::ScResolution)) {
        id.year = symbol::year_of(&id.id);
    }
    id
}

/// Builds this module's lazily compiled patterns now (see [`crate::extract::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&YEAR);
    LazyLock::force(&MD_HEADING);
    LazyLock::force(&BODY_MARK);
    LazyLock::force(&titles::TITLE_LINE);
    LazyLock::force(&titles::ADOPTED);
    LazyLock::force(&titles::AGENDA_ITEM);
}

#[cfg(test)]
mod tests {
    use super::titles::{TitleOpener, title_opener};
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
    fn masthead_parts_and_second_series() {
        let d = identify(
            "NATIONS UNIES\n\nE/ICEF/672 (Deuxième partie)\n\nCONSEIL ECONOMIQUE ET SOCIAL\n",
            "E_ICEF_672_part2.txt",
        );
        assert_eq!((d.id.as_str(), d.id_source), ("E/ICEF/672", "masthead"));
        let d = identify(
            "United Nations                                   E/2025/28\n                                                 E/CN.7/2025/11\nEconomic and Social Council\n",
            "x.txt",
        );
        assert_eq!(d.id, "E/2025/28");
        assert_eq!(d.aliases, vec!["E/CN.7/2025/11".to_string()]);
        // A symbol further down is not the document's.
        let d = identify(
            "United Nations   A/79/1\n\nGeneral Assembly\n\n   A/78/2\n",
            "x.txt",
        );
        assert!(d.aliases.is_empty(), "{:?}", d.aliases);
    }

    #[test]
    fn title_openers() {
        let long = "x".repeat(300);
        let t = [
            (
                "A/79/L.1\nAustria, Spain: draft resolution\nThe title\n",
                Some(TitleOpener::Draft(42)),
            ),
            (
                "  ** Projet de résolution **\nTitre\n",
                Some(TitleOpener::Draft(30)),
            ),
            (
                "Mexique : projet de résolution\n",
                Some(TitleOpener::Draft(32)),
            ),
            ("Letter dated 3 May\n", Some(TitleOpener::Own(0))),
            (
                "x\n  ## Report of the Secretary-General\n",
                Some(TitleOpener::Own(7)),
            ),
            // Not a whole line (no newline): not counted.
            ("Austria: draft resolution", None),
            // "Praft" is not a draft; a phrase inside the line is not its end.
            ("Praft resolution\n", None),
            ("draft resolution A/79/L.1\n", None),
        ];
        for (zone, want) in t {
            assert_eq!(title_opener(zone), want, "{zone:?}");
        }
        // At most 300 characters before the phrase (the colon and the
        // blanks after it not counted).
        let ok = format!("{long}:  draft resolution\n");
        assert!(title_opener(&ok).is_some());
        let over = format!("{long}y draft resolution\n");
        assert_eq!(title_opener(&over), None);
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
    #[test]
    fn title_lines_and_mastheads_in_every_language() {
        // (text, id, title, date)
        let t = [
            (
                "Nations Unies \nA/RES/78/5\n\nAssemblée générale\n\nRésolution adoptée par l’Assemblée générale le 20 octobre 2023\n\n78/5. Coopération entre l’Organisation des Nations Unies et l’Organisation de coopération économique\n\nL’Assemblée générale,\n",
                "A/RES/78/5",
                "Coopération entre l’Organisation des Nations Unies et l’Organisation de coopération économique",
                "2023-10-20",
            ),
            (
                "78/5. Cooperación entre las Naciones Unidas y la Organización de Cooperación Económica\n\nLa Asamblea General,\n",
                "A/RES/78/5",
                "Cooperación entre las Naciones Unidas y la Organización de Cooperación Económica",
                "",
            ),
            (
                "Организация Объединенных Наций    A/RES/78/5\nГенеральная Ассамблея\n\n78/5. Сотрудничество между Организацией Объединенных Наций и Организацией экономического сотрудничества\n\nГенеральная Ассамблея,\n",
                "A/RES/78/5",
                "Сотрудничество между Организацией Объединенных Наций и Организацией экономического сотрудничества",
                "",
            ),
            (
                "78/5. 联合国与经济合作组织的合作\n\n大会，\n",
                "A/RES/78/5",
                "联合国与经济合作组织的合作",
                "",
            ),
            (
                "A/RES/78/5    الأمم المتحدة\nالجمعية العامة\n\n78/5 - التعاون بين الأمم المتحدة ومنظمة التعاون الاقتصادي\n\nإن الجمعية العامة،\n",
                "A/RES/78/5",
                "التعاون بين الأمم المتحدة ومنظمة التعاون الاقتصادي",
                "",
            ),
            (
                "Резолюция 2231 (2015)\nпринятая Советом Безопасности на его 7488-м заседании 20 июля 2015 года\n\nСовет Безопасности,\n",
                "S/RES/2231(2015)",
                "",
                "2015-07-20",
            ),
            (
                "Resolution 661 (1990)\nof 6 August 1990\n\nThe Security Council,\n",
                "S/RES/661(1990)",
                "",
                "1990-08-06",
            ),
        ];
        for (text, want_id, want_title, want_date) in t {
            let d = identify(text, "x.txt");
            assert_eq!(d.id, want_id, "{text}");
            assert_eq!(d.title, want_title, "{text}");
            assert_eq!(d.date, want_date, "{text}");
        }
    }

    #[test]
    fn drafts_in_the_header_are_history() {
        let text = "United Nations \nA/RES/79/300\n\n Resolution adopted by the General Assembly \non 12 June 2025 \n\n[without reference to a Main Committee (A/79/L.99 and \nAdd.1)] \n\n79/300. Something\n";
        let d = identify(text, "x.txt");
        assert_eq!(d.draft, ["A/79/L.99", "A/79/L.99/Add.1"]);
        let (s, e) = d.draft_span.unwrap();
        assert!(text[s..e].starts_with("[without") && text[s..e].ends_with(")]"));
        assert_eq!(d.date, "2025-06-12");
        let d = identify(
            "A/RES/79/150\n[on the report of the Third Committee (A/79/458/Add.2, para. 99)]\n79/150. X\n",
            "x.txt",
        );
        assert_eq!(d.draft, ["A/79/458/Add.2"]);
    }

    #[test]
    fn masthead_titles_of_documents_and_speeches() {
        let d = identify(
            "United Nations \nA/C.3/80/L.10\n\nGeneral Assembly \nDistr.: Limited \n14 October 2025 \n\nEightieth session \nThird Committee \nAgenda item 25 (b) \nSocial development \n\n\nPeru: draft resolution \n\n\n Promoting social integration through \nsocial inclusion \n\nThe General Assembly, \n",
            "x.txt",
        );
        assert_eq!(
            d.title,
            "Promoting social integration through social inclusion"
        );
        assert_eq!(d.date, "2025-10-14");
        let d = identify(
            "A/79/800-S/2025/98\nGeneral Assembly\n27 February 2025\n\nAgenda items 62 and 67\nCrimes against humanity\n\n   Letter dated 14 February 2025 from the Chargé d’affaires a.i. \n   addressed to the Secretary-General\n\n   This month marks\n",
            "x.txt",
        );
        assert_eq!(
            d.title,
            "Letter dated 14 February 2025 from the Chargé d’affaires a.i. addressed to the Secretary-General"
        );
        let d = identify("Before I speak of anything else", "s/FRA_01_1946.txt");
        assert_eq!(d.id, "FRA_01_1946");
        assert_eq!(
            d.title,
            "Statement by France in the general debate of the 1st session of the General Assembly"
        );
        assert_eq!(d.year, Some(1946));
        assert_eq!(d.body, Some(Body::GeneralAssembly));
        let d = identify("Thank you", "GBR_12_1957.txt");
        assert!(
            d.title
                .starts_with("Statement by the United Kingdom in the general debate of the 12th")
        );
    }
}
