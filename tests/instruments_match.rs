//! The named-instrument matcher on a small inline table: normalisation,
//! guards, acronyms, Russian cases, overrides and error lines.

use std::path::Path;
use unxref::extract::instruments::{HEADER, InstrumentTable, parse_tsv};

/// A small table in the built-in format.
fn fixture() -> InstrumentTable {
    let tsv = format!(
        "{}\n\
         # comment rows and blank lines are skipped\n\
         \n\
         UNTS 27531\ttreaty\t1989\tConvention on the Rights of the Child | CRC\tConvention relative aux droits de l'enfant\tConvención sobre los Derechos del Niño\tКонвенция о правах ребенка | КПР\t儿童权利公约\tاتفاقية حقوق الطفل\n\
         UNTS 27531\tprotocol\t2000\tOptional Protocol to the Convention on the Rights of the Child on the involvement of children in armed conflict\t\t\t\t\t\n\
         UNTS 14668\ttreaty\t1966\tInternational Covenant on Civil and Political Rights | ICCPR\tPacte international relatif aux droits civils et politiques\tPacto Internacional de Derechos Civiles y Políticos\tМеждународный пакт о гражданских и политических правах\t公民及政治权利国际公约\tالعهد الدولي الخاص بالحقوق المدنية والسياسية\n\
         A/RES/217(III)\tdeclaration\t1948\tUniversal Declaration of Human Rights\tDéclaration universelle des droits de l'homme\tDeclaración Universal de Derechos Humanos\tВсеобщая декларация прав человека\t世界人权宣言\tالإعلان العالمي لحقوق الإنسان\n\
         UNTS 24841\ttreaty\t1984\tConvention against Torture | CAT\t\t\t\t\t\n\
         AG 21\tprogramme\t1992\tAgenda 21\tAction 21\t\t\t\t\n",
        HEADER.join("\t")
    );
    let rows = parse_tsv(&tsv, Path::new("fixture.tsv")).expect("fixture parses");
    InstrumentTable::from_rows(rows)
}

/// Targets found in `text`, in order.
fn targets(t: &InstrumentTable, text: &str) -> Vec<String> {
    t.find(text).into_iter().map(|h| h.target).collect()
}

#[test]
fn finds_names_in_six_languages() {
    let t = fixture();
    let cases: &[(&str, &[&str])] = &[
        (
            "States parties to the Convention on the Rights of the Child,",
            &["UNTS 27531"],
        ),
        (
            "la Convention relative aux droits de l’enfant,",
            &["UNTS 27531"],
        ),
        (
            "la Convención sobre los Derechos del Niño y",
            &["UNTS 27531"],
        ),
        ("участники Конвенции о правах ребенка,", &["UNTS 27531"]),
        ("участники Конвенции о правах ребёнка,", &["UNTS 27531"]),
        ("回顾《儿童权利公约》，", &["UNTS 27531"]),
        ("وإذ تشير إلى اتفاقية حقوق الطفل،", &["UNTS 27531"]),
        ("ولاتفاقية حقوق الطفل", &["UNTS 27531"]),
        (
            "в соответствии с Международным пактом о гражданских и политических правах",
            &["UNTS 14668"],
        ),
        (
            "Всеобщей декларации прав человека и Международного пакта о гражданских и политических правах",
            &["A/RES/217(III)", "UNTS 14668"],
        ),
        (
            "وبالعهد الدولي الخاص بالحقوق المدنية والسياسية",
            &["UNTS 14668"],
        ),
        (
            "《世界人权宣言》和《公民及政治权利国际公约》",
            &["A/RES/217(III)", "UNTS 14668"],
        ),
        ("الإعلان العالمي لحقوق الانسان", &["A/RES/217(III)"]),
        ("الاعلان العالمي لحقوق الإنسان", &["A/RES/217(III)"]),
    ];
    for (text, want) in cases {
        assert_eq!(targets(&t, text), *want, "{text}");
    }
}

#[test]
fn whitespace_case_and_offsets() {
    let t = fixture();
    let text = "the Convention on\nthe  Rights of\u{a0}the Child and the UNIVERSAL DECLARATION OF HUMAN RIGHTS";
    let hits = t.find(text);
    assert_eq!(hits.len(), 2);
    assert_eq!(
        &text[hits[0].start..hits[0].end],
        "Convention on\nthe  Rights of\u{a0}the Child"
    );
    assert_eq!(
        &text[hits[1].start..hits[1].end],
        "UNIVERSAL DECLARATION OF HUMAN RIGHTS"
    );
    assert_eq!(
        targets(&t, "the convention on the rights of the child"),
        ["UNTS 27531"]
    );
    assert_eq!(
        targets(&t, "la déclaration universelle des droits de l'homme"),
        ["A/RES/217(III)"]
    );
    // Russian names as written (capitalised), in any case form.
    assert_eq!(
        targets(&t, "Всеобщую декларацию прав человека"),
        ["A/RES/217(III)"]
    );
}

#[test]
fn longest_name_wins() {
    let t = fixture();
    let text = "the Optional Protocol to the Convention on the Rights of the Child on the involvement of children in armed conflict";
    let hits = t.find(text);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].start, 4);
    assert_eq!(hits[0].end, text.len());
}

#[test]
fn false_hits() {
    let t = fixture();
    let none: &[&str] = &[
        "CRC/C/SVN/CO/3-4",
        "see document CAT/C/GBR/CO/6 and A/HRC/CRC/1",
        "the Convention and the Covenant",
        "the CRC Committee and the CAT Committee",
        "the Committee on the Rights of the Child (CRC) and the Committee against Torture (CAT)",
        "le Comité contre la torture (CAT)",
        "CRCs, ICCPRx, xCAT, the cat sat, Cat",
        "Conventions on the Rights of the Children",
        "Convention on the Rights of the Childhood",
        "КПРФ",
    ];
    for text in none {
        assert_eq!(targets(&t, text), Vec::<String>::new(), "{text}");
    }
    assert_eq!(
        targets(&t, "(ICCPR), CRC and CAT."),
        ["UNTS 14668", "UNTS 27531", "UNTS 24841"]
    );
    assert_eq!(targets(&t, "ратифицировать КПР."), ["UNTS 27531"]);
    // Short names match in their exact case only.
    assert_eq!(targets(&t, "Action 21 et ACTION 21"), ["AG 21", "AG 21"]);
    assert_eq!(
        targets(
            &t,
            "Recalling also action 21, paragraph 42, of resolution 79/1"
        ),
        Vec::<String>::new()
    );
    // After a committee's clause has ended, the acronym is the treaty again.
    assert_eq!(
        targets(&t, "the Committee met; States ratified (CAT)"),
        ["UNTS 24841"]
    );
}

#[test]
fn user_rows_override_and_add() {
    let mut t = fixture();
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("extra.tsv");
    std::fs::write(
        &p,
        format!(
            "{}\nMY 1\ttreaty\t2001\tTreaty of Friendship | TOF\t\t\t\t\t\nUNTS 24841\ttreaty\t1984\tTorture Convention\t\t\t\t\t\n",
            HEADER.join("\t")
        ),
    )
    .unwrap();
    t.load_extra(&p).unwrap();
    assert_eq!(
        targets(&t, "the Treaty of Friendship (TOF)"),
        ["MY 1", "MY 1"]
    );
    assert_eq!(targets(&t, "the Torture Convention"), ["UNTS 24841"]);
    // The replaced row's names are gone with it.
    assert_eq!(
        targets(&t, "the Convention against Torture"),
        Vec::<String>::new()
    );
    // Rows sharing an id are all kept (protocols under their parent's number).
    assert_eq!(t.iter().filter(|r| r.id == "UNTS 27531").count(), 2);
}

#[test]
fn bad_user_tables_name_file_and_line() {
    let mut t = fixture();
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.tsv");
    std::fs::write(
        &p,
        format!("{}\nX\ttreaty\tabout 1990\tName\n", HEADER.join("\t")),
    )
    .unwrap();
    let e = t.load_extra(&p).unwrap_err().to_string();
    assert!(e.contains("bad.tsv:2:") && e.contains("year"), "{e}");
    let e = t
        .load_extra(&dir.path().join("missing.tsv"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("missing.tsv:0:"), "{e}");
    // The table is unchanged after a failed load.
    assert_eq!(targets(&t, "CAT"), ["UNTS 24841"]);
}

#[test]
fn empty_table_finds_nothing() {
    assert!(
        InstrumentTable::default()
            .find("Convention on the Rights of the Child")
            .is_empty()
    );
}
