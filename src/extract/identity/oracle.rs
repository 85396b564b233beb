//! The whole-zone regexes that [`super::lines`] stands in for, kept as test
//! oracles: property and table tests show the line readers give what the
//! regexes gave, byte for byte.

use super::lines;
use super::*;
use proptest::prelude::*;

/// A masthead symbol from its series on: what [`MASTHEAD_SYMBOL`] matches
/// after its line opening (group 1, the symbol; an optional "(Part …)";
/// then the end of the line or three blanks and anything). The line
/// reader reads it by hand.
///
/// [`MASTHEAD_SYMBOL`]: super::oracle::MASTHEAD_SYMBOL
pub(super) fn symbol_rest() -> String {
    let prefixes = SYMBOL_PREFIXES
        .iter()
        .map(|p| regex::escape(p))
        .collect::<Vec<_>>()
        .join("|");
    format!(
        r"((?:{prefixes})/[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*(?:/[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*)*(?:[ \t]?\([0-9]{{4}}\))?)(?:[ \t]*\((?:Part|Première|Deuxième|Troisième|Quatrième|Parte|Часть)[^)\n]*\))?[ \t*]*(?:$|[ \t]{{3}}[^\n]*$)"
    )
}

/// The document's own symbol at the head of a line, alone or after three
/// blanks ("United Nations      A/79/1"), with an optional "(Part …)".
pub(super) static MASTHEAD_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?m)^(?:[^\n]*[ \t]{{3}})?[ \t#*]*{}",
        symbol_rest()
    ))
    .expect("valid masthead regex")
});

/// [`symbol_rest`] anchored where a symbol starts, on the rest of its line.
static SYMBOL_REST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?m)\A{}", symbol_rest())).expect("valid masthead symbol regex")
});

/// An alias in brackets alone on one of the first four lines.
static BRACKET_ALIAS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\A(?:[^\n]*\n){0,3}?[ \t]*\[((?:S|A|E)/[0-9A-Za-z./\-]+)\][ \t]*\n")
        .expect("valid alias regex")
});

/// The bracket under a resolution's heading that names the drafts (or the
/// committee report) it was adopted from, in the six languages.
pub(super) static DRAFT_BRACKET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\[[ \t\n]*(?:without reference to a Main Committee|on the report of|sans renvoi à une grande commission|sur (?:la base du )?rapport|sin remisión a una Comisión Principal|sobre la base del informe|по докладу|без передачи в главный комитет|未经发交主要委员会|根据|دون إحالة إلى لجنة رئيسية|بناء على تقرير)",
        r"(?P<tail>[^\]\[]*)\]",
    ))
    .expect("valid draft bracket regex")
});

/// The symbols and their parts in a header bracket.
static BRACKET_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<sym>(?:A|S|E)/[A-Za-z0-9.\-]+(?:/[A-Za-z0-9.\-]+)*)|(?-u:\b)(?P<part>(?:Add|Corr|Rev)\.[0-9]+)")
        .expect("valid bracket symbol regex")
});

/// The body names with a group for each body.
static BODY_GROUPS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?P<ga>General Assembly|Assemblée générale|Asamblea General|Генеральная Ассамблея|大会|الجمعية العامة)",
        r"|(?P<sc>Security Council|Conseil de sécurité|Consejo de Seguridad|Совет Безопасности|安全理事会|مجلس الأمن)",
        r"|(?P<hrc>Human Rights Council|Conseil des droits de l['’]homme|Consejo de Derechos Humanos|Совет по правам человека|人权理事会|مجلس حقوق الإنسان)",
        r"|(?P<ec>Economic and Social Council|Conseil économique et social|Consejo Económico y Social|Экономический и Социальный Совет|经济及社会理事会|المجلس الاقتصادي والاجتماعي)",
    ))
    .expect("valid body-mark regex")
});

/// The masthead symbols as `identify` read them with one regex: the first
/// match's symbol, and the next match's if only one line break is before it.
fn masthead_by_regex(head: &str) -> Option<(&str, Option<&str>)> {
    let c = MASTHEAD_SYMBOL.captures(head)?;
    let after = &head[c.get(0)?.end()..];
    let second = MASTHEAD_SYMBOL.captures(after).and_then(|c2| {
        let m2 = c2.get(0)?;
        (after[..m2.start()].trim().is_empty() && after[..m2.start()].matches('\n').count() <= 1)
            .then(|| c2.get(1).map(|g| g.as_str()))?
    });
    Some((c.get(1)?.as_str(), second))
}

/// All group spans of a capture, by index.
fn spans(c: Option<regex::Captures<'_>>) -> Option<Vec<Option<(usize, usize)>>> {
    c.map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
}

/// Each reader against its regex on one text.
fn check(s: &str) -> Result<(), TestCaseError> {
    prop_assert_eq!(lines::masthead_symbols(s), masthead_by_regex(s), "{:?}", s);
    for line in s.split('\n') {
        // A series opens with a capital: elsewhere neither matches.
        for q in (0..line.len()).filter(|&q| line.as_bytes()[q].is_ascii_uppercase()) {
            let rest = &line[q..];
            prop_assert_eq!(
                lines::symbol_end(rest.as_bytes()),
                SYMBOL_REST.captures(rest).map(|c| c.get(1).unwrap().end()),
                "{:?}",
                rest
            );
        }
    }
    prop_assert_eq!(
        spans(lines::title_line(s)),
        spans(TITLE_LINE.captures(s)),
        "{:?}",
        s
    );
    prop_assert_eq!(
        lines::agenda_item_end(s),
        AGENDA_ITEM.find(s).map(|m| m.end()),
        "{:?}",
        s
    );
    prop_assert_eq!(
        lines::bracket_alias(s),
        BRACKET_ALIAS
            .captures(s)
            .map(|c| c.get(1).unwrap().as_str()),
        "{:?}",
        s
    );
    let draft = DRAFT_BRACKET
        .captures_iter(s)
        .find(|c| c["tail"].chars().count() <= 400)
        .and_then(|c| c.get(0))
        .map(|m| (m.start(), m.end()));
    prop_assert_eq!(lines::draft_bracket(s), draft, "{:?}", s);
    let heading = MD_HEADING
        .captures_iter(s)
        .find(|c| c["t"].chars().count() <= 400)
        .map(|c| c.name("t").unwrap().as_str());
    prop_assert_eq!(lines::md_heading(s), heading, "{:?}", s);
    let body = BODY_GROUPS.captures(s).map(|c| {
        if c.name("ga").is_some() {
            Body::GeneralAssembly
        } else if c.name("sc").is_some() {
            Body::SecurityCouncil
        } else if c.name("hrc").is_some() {
            Body::HumanRightsCouncil
        } else {
            Body::Ecosoc
        }
    });
    prop_assert_eq!(lines::body_mark(s), body, "{:?}", s);
    let items: Vec<_> = BRACKET_SYMBOL
        .captures_iter(s)
        .map(|c| match c.name("sym") {
            Some(m) => titles::BracketItem::Symbol(m.as_str()),
            None => titles::BracketItem::Part(c.name("part").unwrap().as_str()),
        })
        .collect();
    prop_assert_eq!(titles::bracket_items(s), items, "{:?}", s);
    Ok(())
}

/// Masthead and title pieces, blanks and marks, and others (no line
/// breaks: [`text_of`] puts them between lines, but for the brackets').
fn pieces() -> Vec<String> {
    let mut p: Vec<String> = [
        "United Nations",
        "A/79/1",
        "A/RES/78/75",
        "S/RES/2787",
        "S/RES/2787 (2025)",
        "(2025)",
        "E/CN.7/2025/11",
        "A/ES-10/1043-S/2025/529",
        "CAC/COSP/2023/1",
        "CAC/COSP/",
        "DP-FPA/2024/1",
        "ICC-ASP/1",
        "XA/1",
        "A/",
        "/x",
        "A/1.",
        "(Part 1)",
        " (Deuxième partie)",
        "(Часть",
        ")",
        "(",
        "A",
        "S",
        "E",
        "ES-",
        "S-",
        "-",
        ".",
        "/",
        "78/5",
        "131",
        "1958",
        "19",
        "12",
        "1234",
        "9",
        "Decision",
        "Décision",
        "Resolution",
        "RESOLUTION",
        "Résolution",
        "Резолюция",
        "Решение",
        "القرار",
        "المقرر",
        "第",
        "号决议",
        "Resolution of",
        ":",
        " - ",
        " – ",
        ". ",
        "Agenda item",
        "Agenda items",
        "Item",
        "Items",
        "Point",
        "Tema",
        " 4",
        "4 (a)",
        " of the provisional agenda",
        " de l’ordre du jour",
        " del programa",
        "(a)",
        "[",
        "]",
        "[S/5002]",
        "[A/79/L.1]",
        "[E/x-1/2.3]",
        "[S/]",
        "[without reference to a Main Committee",
        "[on the report of",
        "[ sur rapport",
        "[\n sur la base du rapport",
        "[根据",
        "[по докладу",
        "A/79/L.99 and \nAdd.1)]",
        "##",
        "#",
        "*",
        "**",
        "Title",
        "abc",
        "x",
        "é",
        "Ж",
        "General Assembly",
        "Security Council",
        "Conseil des droits de l'homme",
        "Conseil des droits de l’homme",
        "大会",
        "安全理事会",
        "Economic and Social Council",
        "Distr.: General",
        "78/5. ",
        "ES-10/2 – ",
        "S-1/3 - ",
        "79/1 A. ",
        "79/1 — ",
        "Resolution 687 ",
        "Résolution 12",
        " (1991)",
        "(1950) ",
        "Decision 73/546",
        ": ",
        "Décision 71/405 A et B. ",
        "Решение 70/5",
        "第 2231 (2015) 号决议",
        "第12",
        "131 (1958). Resolution of ",
        "Add.1",
        "Corr.12",
        "Rev.",
        "xAdd.2",
        "_Rev.3",
        "A/79/L.99,",
        "S/2025/1/",
        "E/.",
        "A/C.3/79/L.5/Rev.1",
        " and ",
        "(A/79/458/Add.2, para. 99)",
        "12 (1950).",
        " Resolution",
        " of ",
        "## ",
        "### ",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for w in [" ", "  ", "   ", "    ", "\t", "\t\t\t", "  *  ", "   #"] {
        p.extend([w.to_string(), w.to_string(), w.to_string()]);
    }
    p.push("y".repeat(420));
    p
}

/// Lines of pieces, joined by line breaks (and one at the end or not).
fn text_of(lines: &[Vec<usize>], end: bool) -> String {
    let pieces = pieces();
    let mut s = lines
        .iter()
        .map(|l| {
            l.iter()
                .map(|&i| pieces[i % pieces.len()].as_str())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n");
    if end {
        s.push('\n');
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]
    /// The line readers find what the whole-zone regexes found.
    #[test]
    fn line_readers_match_their_regexes(
        lines in proptest::collection::vec(
            proptest::collection::vec(any::<usize>(), 0..6),
            1..8,
        ),
        end in any::<bool>(),
    ) {
        check(&text_of(&lines, end))?;
    }
}

#[test]
fn line_readers_on_examples() {
    for s in [
        "United Nations                                   E/2025/28\n                                                 E/CN.7/2025/11\nEconomic and Social Council\n",
        "United Nations   A/79/1\n\nGeneral Assembly\n\n   A/78/2\n",
        "   United Nations        A/ES-10/1043-S/2025/529\n",
        "NATIONS UNIES\n\nE/ICEF/672 (Deuxième partie)\n\nCONSEIL ECONOMIQUE ET SOCIAL\n",
        "United Nations   A/79/1   S/2025/1\nA/80/2   x\n",
        "# A/79/1 *\n** S/RES/1 (2000) **\n",
        "A/79/1 (2025) (Part 1)   Distr.\n",
        "United Nations \nA/RES/78/75\n \nGeneral Assembly \n\n78/5. Palestine refugees’ properties\n",
        "131 (1958). Resolution of 9 December 1958\n[S/4133]\n\nThe Security Council,\n",
        "Resolution 687 (1991)\nof 3 April 1991\n",
        "第 2231 (2015) 号决议\n",
        "Decision 73/546: Convening a conference\n",
        "  Agenda item 25 (b)\nSocial development\n",
        "Item 4 of the provisional agenda\nx\n",
        "Points 3 et 4 de l’ordre du jour\n",
        "[without reference to a Main Committee (A/79/L.99 and \nAdd.1)] \n",
        "[on the report of [x] the Third Committee (A/79/458)]",
        "## Report of the Secretary-General\n## x\n",
        "##   ab\n##  ab\n### \n",
        "Conseil des droits de l’homme",
    ] {
        check(s).unwrap();
    }
}

#[test]
fn series_words_are_capitals() {
    // The masthead reader finds a symbol's start by going back over the
    // capitals and hyphens before its first slash.
    for p in SYMBOL_PREFIXES {
        let first = p.split('/').next().unwrap();
        assert!(
            !first.is_empty() && first.bytes().all(|b| b.is_ascii_uppercase() || b == b'-'),
            "{p}"
        );
        assert!(p.as_bytes()[0].is_ascii_uppercase(), "{p}");
    }
}
