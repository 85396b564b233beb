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
    /// Date of adoption or issue (ISO 8601), or empty.
    pub date: String,
    /// The drafts the document was adopted from ("[without reference to a
    /// Main Committee (A/79/L.99 and A/79/L.99/Add.1)]").
    pub draft: Vec<String>,
    /// Byte span of the header bracket naming those drafts: citations
    /// inside it are the document's history, not citations.
    pub draft_span: Option<(usize, usize)>,
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
        r"(?m)^(?:[^\n]*[ \t]{{3}})?[ \t#*]*((?:{prefixes})/[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*(?:/[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*)*(?:[ \t]?\([0-9]{{4}}\))?)(?:[ \t]*\((?:Part|Première|Deuxième|Troisième|Quatrième|Parte|Часть)[^)\n]*\))?[ \t*]*(?:$|[ \t]{{3}}[^\n]*$)"
    ))
    .expect("valid masthead regex")
});

static TITLE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?m)^[ \t#*]*(?:",
        r"(?P<ga>(?:ES-|S-)?[0-9]{1,2}/[0-9]{1,3})(?:[ \t]?[A-Z])?(?:\.[ \t]+|[ \t]+[-–—][ \t]+)(?P<gt>[^\n]{3,})",
        r"|(?:Decision|Décision|Decisión|Решение|المقرر)[ \t]+(?P<dec>[0-9]{1,2}/[0-9]{1,3})(?:[ \t]?[A-Z](?:[ \t]+(?:and|to|et|y|и)[ \t]+[A-Z])?)?[ \t]*[:.][ \t]*(?P<dt>[^\n]*)",
        r"|(?:Resolution|RESOLUTION|Résolution|Resolución|Резолюция|القرار)[ \t]+(?P<sc>[0-9]{1,4})[ \t]*\((?P<scy>(?:19|20)[0-9]{2})\)[ \t]*$",
        r"|第[ \t]*(?P<sc3>[0-9]{1,4})[ \t]*\((?P<scy3>(?:19|20)[0-9]{2})\)[ \t]*号决议[ \t]*$",
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
        // The enacting formula ("The General Assembly,") is never part of
        // the title; "… meeting of the General Assembly on …" may be.
        let formula = line.chars().count() <= 30
            && [
                "General Assembly",
                "Assemblée générale",
                "Asamblea General",
                "Генеральная Ассамблея",
                "大会",
                "الجمعية العامة",
            ]
            .iter()
            .any(|f| line.contains(f));
        if line.is_empty() || formula {
            break;
        }
        title.push(' ');
        title.push_str(line);
    }
    title
}

/// The bracket under a resolution's heading that names the drafts (or the
/// committee report) it was adopted from, in the six languages.
static DRAFT_BRACKET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\[[ \t\n]*(?:without reference to a Main Committee|on the report of|sans renvoi à une grande commission|sur (?:la base du )?rapport|sin remisión a una Comisión Principal|sobre la base del informe|по докладу|без передачи в главный комитет|未经发交主要委员会|根据|دون إحالة إلى لجنة رئيسية|بناء على تقرير)",
        r"(?P<tail>[^\]\[]*)\]",
    ))
    .expect("valid draft bracket regex")
});

static BRACKET_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<sym>(?:A|S|E)/[A-Za-z0-9.\-]+(?:/[A-Za-z0-9.\-]+)*)|(?-u:\b)(?P<part>(?:Add|Corr|Rev)\.[0-9]+)")
        .expect("valid bracket symbol regex")
});

/// Words after which the adoption date follows ("Resolution adopted by the
/// General Assembly on 22 September 2024", "Adopted by the Security
/// Council at its 9957th meeting, on 14 July 2025", decisions "At its 23rd
/// plenary meeting, on 3 October 2016").
static ADOPTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:[Aa]dopted by|adoptée par|aprobada por|принят(?:ая|а)|اتخذته|اعتمده|plenary meeting(?: of the General Assembly)?,? on|séance plénière,? le|sesión plenaria,? celebrada el)",
    )
    .expect("valid adopted regex")
});

/// The phrases that end a draft's sponsors line ("Austria, …: draft
/// resolution"), in four languages (first letter in either case).
const DRAFT_PHRASES: [&str; 16] = [
    "Draft resolution",
    "draft resolution",
    "Draft decision",
    "draft decision",
    "Projet de résolution",
    "projet de résolution",
    "Projet de décision",
    "projet de décision",
    "Proyecto de resolución",
    "proyecto de resolución",
    "Proyecto de decisión",
    "proyecto de decisión",
    "Проект резолюции",
    "проект резолюции",
    "Проект решения",
    "проект решения",
];

/// The phrases that open a letter's, note's or report's own title line.
const OWN_OPENERS: [&str; 9] = [
    "Identical letters dated",
    "Letter dated",
    "Note verbale dated",
    "Report of the",
    "Note by the",
    "Lettre datée",
    "Rapport du",
    "Carta de fecha",
    "Informe del",
];

/// How a masthead line opens the document's own title.
#[derive(Debug, PartialEq, Eq)]
enum TitleOpener {
    /// A draft's sponsors line ending "…: draft resolution": the title is
    /// the paragraph after it (the offset just past the line).
    Draft(usize),
    /// "Letter dated …", "Report of the …": the title starts here.
    Own(usize),
}

/// The first line of `zone` that opens the document's own title.
///
/// A line scan rather than one regex: the sponsors line may hold up to 300
/// characters before "draft resolution", and a bounded repetition of that
/// size made the regex engine's lazy DFA rebuild its states for every
/// document (a fifth of the extraction time). Only whole lines (ended by
/// `\n`) count.
fn title_opener(zone: &str) -> Option<TitleOpener> {
    let mut start = 0;
    for line in zone.split_inclusive('\n') {
        let line_start = start;
        start += line.len();
        let Some(body) = line.strip_suffix('\n') else {
            break;
        };
        let lead = body.trim_start_matches([' ', '\t', '#', '*']);
        let end = lead.trim_end_matches([' ', '\t', '*']);
        let draft = DRAFT_PHRASES.iter().any(|p| {
            end.strip_suffix(p).is_some_and(|r| {
                // "…, Spain: draft resolution": a colon and the blanks
                // after it are not counted in the 300.
                let r = r
                    .trim_end_matches([' ', '\t'])
                    .strip_suffix([':', '：'])
                    .unwrap_or(r);
                r.chars().count() <= 300
            })
        });
        if draft {
            return Some(TitleOpener::Draft(start));
        }
        if OWN_OPENERS.iter().any(|o| lead.starts_with(o)) {
            return Some(TitleOpener::Own(line_start + (body.len() - lead.len())));
        }
    }
    None
}

static AGENDA_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*(?:Agenda items?|Items? [0-9]+(?: \([a-z]\))? of the (?:provisional|preliminary) agenda|Points? [0-9]+[^\n]{0,20} de l['’]ordre du jour|Temas? [0-9]+[^\n]{0,20} del programa)[^\n]*\n")
        .expect("valid agenda item regex")
});

/// The paragraph starting at `from`: its lines up to the first blank one,
/// joined (at most six lines and 300 characters).
fn paragraph_at(text: &str, from: usize) -> String {
    let mut out = String::new();
    let mut started = false;
    for line in text[from..].split('\n').take(12) {
        let line = line.trim().trim_matches('*').trim();
        if line.is_empty() {
            if started {
                break;
            }
            continue;
        }
        if line.starts_with("The General Assembly") || line.starts_with("The Security Council") {
            break;
        }
        started = true;
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(line);
        if out.len() > 300 {
            break;
        }
    }
    super::harvest::tidy(&out)
}

/// A document's own title from its masthead: a draft's title (after its
/// sponsors line), a letter's or report's opening line, else the title of
/// the agenda item it comes under.
fn masthead_title(zone: &str) -> String {
    match title_opener(zone) {
        Some(TitleOpener::Draft(end)) => {
            let t = paragraph_at(zone, end);
            if !t.is_empty() {
                return t;
            }
        }
        Some(TitleOpener::Own(start)) => return paragraph_at(zone, start),
        None => {}
    }
    if let Some(m) = AGENDA_ITEM.find(zone) {
        return paragraph_at(zone, m.end());
    }
    String::new()
}

/// The drafts named in the header bracket, normalised ("A/79/L.99 and
/// Add.1" gives `A/79/L.99` and `A/79/L.99/Add.1`).
fn bracket_drafts(bracket: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut base = String::new();
    for c in BRACKET_SYMBOL.captures_iter(bracket) {
        let sym = if let Some(s) = c.name("sym") {
            let s = s.as_str().trim_end_matches(['.', ',', ';', ')']);
            base = s.split("/Add.").next().unwrap_or(s).to_string();
            s.to_string()
        } else if !base.is_empty() {
            format!("{base}/{}", &c["part"])
        } else {
            continue;
        };
        let id = symbol::document(&sym);
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(19[4-9][0-9]|20[0-4][0-9])(?-u:\b)").expect("valid year regex")
});

static MD_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^##+[ \t]+(?P<t>[^\n]{3,})$").expect("valid heading regex"));

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

/// The date of adoption or issue: after "adopted by … on", after an SC
/// title line ("of 6 August 1990"), else the first date of the masthead
/// (the issue date under "Distr.").
fn own_date(zone: &str, head: &str, sc_title_end: Option<usize>) -> String {
    if let Some(e) = sc_title_end {
        let after = &zone[e..floor(zone, (e + 80).min(zone.len()))];
        if let Some((s, _, d)) = super::harvest::find_date(after)
            && after[..s].trim().trim_end_matches("of").trim().is_empty()
        {
            return d;
        }
    }
    for m in ADOPTED.find_iter(zone).take(3) {
        let after = &zone[m.end()..floor(zone, (m.end() + 160).min(zone.len()))];
        if let Some((s, _, d)) = super::harvest::find_date(after)
            && s < 100
        {
            return d;
        }
    }
    super::harvest::find_date(head).map_or(String::new(), |(_, _, d)| d)
}

fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// UN Member States (and a few former ones and observers) by ISO 3166
/// alpha-3 code, as general-debate file names give them (`FRA_01_1946`).
const COUNTRIES: [(&str, &str); 200] = [
    ("AFG", "Afghanistan"),
    ("AGO", "Angola"),
    ("ALB", "Albania"),
    ("AND", "Andorra"),
    ("ARE", "United Arab Emirates"),
    ("ARG", "Argentina"),
    ("ARM", "Armenia"),
    ("ATG", "Antigua and Barbuda"),
    ("AUS", "Australia"),
    ("AUT", "Austria"),
    ("AZE", "Azerbaijan"),
    ("BDI", "Burundi"),
    ("BEL", "Belgium"),
    ("BEN", "Benin"),
    ("BFA", "Burkina Faso"),
    ("BGD", "Bangladesh"),
    ("BGR", "Bulgaria"),
    ("BHR", "Bahrain"),
    ("BHS", "Bahamas"),
    ("BIH", "Bosnia and Herzegovina"),
    ("BLR", "Belarus"),
    ("BLZ", "Belize"),
    ("BOL", "Bolivia"),
    ("BRA", "Brazil"),
    ("BRB", "Barbados"),
    ("BRN", "Brunei Darussalam"),
    ("BTN", "Bhutan"),
    ("BWA", "Botswana"),
    ("CAF", "Central African Republic"),
    ("CAN", "Canada"),
    ("CHE", "Switzerland"),
    ("CHL", "Chile"),
    ("CHN", "China"),
    ("CIV", "Côte d’Ivoire"),
    ("CMR", "Cameroon"),
    ("COD", "Democratic Republic of the Congo"),
    ("COG", "Congo"),
    ("COL", "Colombia"),
    ("COM", "Comoros"),
    ("CPV", "Cabo Verde"),
    ("CRI", "Costa Rica"),
    ("CSK", "Czechoslovakia"),
    ("CUB", "Cuba"),
    ("CYP", "Cyprus"),
    ("CZE", "Czechia"),
    ("DDR", "German Democratic Republic"),
    ("DEU", "Germany"),
    ("DJI", "Djibouti"),
    ("DMA", "Dominica"),
    ("DNK", "Denmark"),
    ("DOM", "Dominican Republic"),
    ("DZA", "Algeria"),
    ("ECU", "Ecuador"),
    ("EGY", "Egypt"),
    ("ERI", "Eritrea"),
    ("ESP", "Spain"),
    ("EST", "Estonia"),
    ("ETH", "Ethiopia"),
    ("EU", "European Union"),
    ("FIN", "Finland"),
    ("FJI", "Fiji"),
    ("FRA", "France"),
    ("FSM", "Micronesia (Federated States of)"),
    ("GAB", "Gabon"),
    ("GBR", "United Kingdom"),
    ("GEO", "Georgia"),
    ("GHA", "Ghana"),
    ("GIN", "Guinea"),
    ("GMB", "Gambia"),
    ("GNB", "Guinea-Bissau"),
    ("GNQ", "Equatorial Guinea"),
    ("GRC", "Greece"),
    ("GRD", "Grenada"),
    ("GTM", "Guatemala"),
    ("GUY", "Guyana"),
    ("HND", "Honduras"),
    ("HRV", "Croatia"),
    ("HTI", "Haiti"),
    ("HUN", "Hungary"),
    ("IDN", "Indonesia"),
    ("IND", "India"),
    ("IRL", "Ireland"),
    ("IRN", "Iran (Islamic Republic of)"),
    ("IRQ", "Iraq"),
    ("ISL", "Iceland"),
    ("ISR", "Israel"),
    ("ITA", "Italy"),
    ("JAM", "Jamaica"),
    ("JOR", "Jordan"),
    ("JPN", "Japan"),
    ("KAZ", "Kazakhstan"),
    ("KEN", "Kenya"),
    ("KGZ", "Kyrgyzstan"),
    ("KHM", "Cambodia"),
    ("KIR", "Kiribati"),
    ("KNA", "Saint Kitts and Nevis"),
    ("KOR", "Republic of Korea"),
    ("KWT", "Kuwait"),
    ("LAO", "Lao People’s Democratic Republic"),
    ("LBN", "Lebanon"),
    ("LBR", "Liberia"),
    ("LBY", "Libya"),
    ("LCA", "Saint Lucia"),
    ("LIE", "Liechtenstein"),
    ("LKA", "Sri Lanka"),
    ("LSO", "Lesotho"),
    ("LTU", "Lithuania"),
    ("LUX", "Luxembourg"),
    ("LVA", "Latvia"),
    ("MAR", "Morocco"),
    ("MCO", "Monaco"),
    ("MDA", "Republic of Moldova"),
    ("MDG", "Madagascar"),
    ("MDV", "Maldives"),
    ("MEX", "Mexico"),
    ("MHL", "Marshall Islands"),
    ("MKD", "North Macedonia"),
    ("MLI", "Mali"),
    ("MLT", "Malta"),
    ("MMR", "Myanmar"),
    ("MNE", "Montenegro"),
    ("MNG", "Mongolia"),
    ("MOZ", "Mozambique"),
    ("MRT", "Mauritania"),
    ("MUS", "Mauritius"),
    ("MWI", "Malawi"),
    ("MYS", "Malaysia"),
    ("NAM", "Namibia"),
    ("NER", "Niger"),
    ("NGA", "Nigeria"),
    ("NIC", "Nicaragua"),
    ("NLD", "Netherlands"),
    ("NOR", "Norway"),
    ("NPL", "Nepal"),
    ("NRU", "Nauru"),
    ("NZL", "New Zealand"),
    ("OMN", "Oman"),
    ("PAK", "Pakistan"),
    ("PAN", "Panama"),
    ("PER", "Peru"),
    ("PHL", "Philippines"),
    ("PLW", "Palau"),
    ("PNG", "Papua New Guinea"),
    ("POL", "Poland"),
    ("PRK", "Democratic People’s Republic of Korea"),
    ("PRT", "Portugal"),
    ("PRY", "Paraguay"),
    ("PSE", "State of Palestine"),
    ("QAT", "Qatar"),
    ("ROU", "Romania"),
    ("RUS", "Russian Federation"),
    ("RWA", "Rwanda"),
    ("SAU", "Saudi Arabia"),
    ("SDN", "Sudan"),
    ("SEN", "Senegal"),
    ("SGP", "Singapore"),
    ("SLB", "Solomon Islands"),
    ("SLE", "Sierra Leone"),
    ("SLV", "El Salvador"),
    ("SMR", "San Marino"),
    ("SOM", "Somalia"),
    ("SRB", "Serbia"),
    ("SSD", "South Sudan"),
    ("STP", "Sao Tome and Principe"),
    ("SUN", "Union of Soviet Socialist Republics"),
    ("SUR", "Suriname"),
    ("SVK", "Slovakia"),
    ("SVN", "Slovenia"),
    ("SWE", "Sweden"),
    ("SWZ", "Eswatini"),
    ("SYC", "Seychelles"),
    ("SYR", "Syrian Arab Republic"),
    ("TCD", "Chad"),
    ("TGO", "Togo"),
    ("THA", "Thailand"),
    ("TJK", "Tajikistan"),
    ("TKM", "Turkmenistan"),
    ("TLS", "Timor-Leste"),
    ("TON", "Tonga"),
    ("TTO", "Trinidad and Tobago"),
    ("TUN", "Tunisia"),
    ("TUR", "Türkiye"),
    ("TUV", "Tuvalu"),
    ("TZA", "United Republic of Tanzania"),
    ("UGA", "Uganda"),
    ("UKR", "Ukraine"),
    ("URY", "Uruguay"),
    ("USA", "United States"),
    ("UZB", "Uzbekistan"),
    ("VAT", "Holy See"),
    ("VCT", "Saint Vincent and the Grenadines"),
    ("VEN", "Venezuela (Bolivarian Republic of)"),
    ("VNM", "Viet Nam"),
    ("VUT", "Vanuatu"),
    ("WSM", "Samoa"),
    ("YEM", "Yemen"),
    ("YUG", "Yugoslavia"),
    ("ZAF", "South Africa"),
    ("ZMB", "Zambia"),
    ("ZWE", "Zimbabwe"),
];

/// A general-debate statement known only by its file name
/// (`FRA_01_1946.txt`): its title ("Statement by France in the general
/// debate of the 1st session of the General Assembly") and year.
pub fn speech_from_file_name(path: &str) -> Option<(String, i32)> {
    let stem = Path::new(path).file_stem()?.to_str()?;
    let parts: Vec<&str> = stem.split('_').collect();
    let [code, session, year] = parts[..] else {
        return None;
    };
    let session: u32 = session.parse().ok()?;
    let year: i32 = year.parse().ok()?;
    if !(code.len() == 3 || code == "EU") || !(1946..=2100).contains(&year) || session == 0 {
        return None;
    }
    let name = COUNTRIES
        .binary_search_by(|(c, _)| c.cmp(&code))
        .map_or(code.to_string(), |i| {
            let n = COUNTRIES[i].1;
            // "the United Kingdom", "the Russian Federation", …
            const THE: [&str; 14] = [
                "United ",
                "Russian",
                "Syrian",
                "Republic",
                "Democratic",
                "Netherlands",
                "Lao",
                "Central",
                "Dominican",
                "Philippines",
                "Gambia",
                "Bahamas",
                "Union",
                "Holy",
            ];
            if THE.iter().any(|t| n.starts_with(t))
                || n.ends_with("Islands")
                || n.starts_with("State of")
                || n.starts_with("European")
                || n.starts_with("German")
                || n.starts_with("Comoros")
            {
                format!("the {n}")
            } else {
                n.to_string()
            }
        });
    let suffix = match (session % 10, session % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    Some((
        format!(
            "Statement by {name} in the general debate of the {session}{suffix} session of the General Assembly"
        ),
        year,
    ))
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
        // A second symbol on the next line of the masthead ("E/2025/28" over
        // "E/CN.7/2025/11"): the same document under its other series.
        let after = &head[c.get(0).map_or(0, |m| m.end())..];
        if let Some(c2) = MASTHEAD_SYMBOL.captures(after)
            && let Some(m2) = c2.get(0)
            && after[..m2.start()].trim().is_empty()
            && after[..m2.start()].matches('\n').count() <= 1
        {
            id.aliases.push(symbol::document(&c2[1]));
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
    if let Some(c) = TITLE_LINE.captures(title_zone) {
        let (tid, title) = if let Some(g) = c.name("ga") {
            // At most 300 characters of the title line (cut here, not by
            // a bounded repetition in the regex, which the lazy DFA pays
            // for with hundreds of states).
            let title = c.name("gt").map_or(String::new(), |m| {
                let line = m.as_str();
                let cut = line.char_indices().nth(300).map_or(line.len(), |(i, _)| i);
                continued_title(&line[..cut], &title_zone[m.end()..])
            });
            (format!("A/RES/{}", g.as_str()), title)
        } else if let Some(d) = c.name("dec") {
            (
                format!("A/DEC/{}", d.as_str()),
                c.name("dt")
                    .map_or(String::new(), |m| m.as_str().to_string()),
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
        && let Some(c) = MD_HEADING
            .captures_iter(title_zone)
            .find(|c| c["t"].chars().count() <= 400)
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
    // The drafts the document was adopted from: its history.
    // At most 400 characters inside the bracket after its opening words
    // (checked here: a bounded repetition costs the lazy DFA its cache).
    if let Some(m) = DRAFT_BRACKET
        .captures_iter(title_zone)
        .find(|c| c["tail"].chars().count() <= 400)
        .and_then(|c| c.get(0))
    {
        id.draft = bracket_drafts(m.as_str());
        id.draft_span = Some((m.start(), m.end()));
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
