//! Language detection: real UN sentences in the six languages, masthead
//! lines, too-little-signal texts, and (when `../shared/corpus` is present)
//! corpus files whose language is known.

use std::path::PathBuf;
use unxref::extract::lang::detect;
use unxref::model::Lang;

#[test]
fn real_sentences() {
    let cases: &[(&str, Lang)] = &[
        (
            "The General Assembly, Recalling its resolution 70/1 of 25 September 2015, entitled \
             \"Transforming our world: the 2030 Agenda for Sustainable Development\", and reaffirming \
             its commitment to work tirelessly for the full implementation of the Agenda by 2030,",
            Lang::En,
        ),
        (
            "The Security Council, Recalling its resolutions 2133 (2014), 2178 (2014) and 2195 (2014), \
             and expressing grave concern over the threat posed by foreign terrorist fighters,",
            Lang::En,
        ),
        (
            "L'Assemblée générale, Rappelant ses résolutions 72/194 du 19 décembre 2017 et 73/186 du \
             17 décembre 2018, et réaffirmant qu'il importe de renforcer la coopération internationale \
             dans la lutte contre la criminalité transnationale organisée,",
            Lang::Fr,
        ),
        (
            "Le Conseil de sécurité, Rappelant ses résolutions 2133 (2014), 2178 (2014) et 2195 (2014), \
             se déclarant gravement préoccupé par la menace que font peser les combattants terroristes étrangers,",
            Lang::Fr,
        ),
        (
            "La Asamblea General, Recordando sus resoluciones 41/60 J, de 3 de diciembre de 1986, y \
             65/79, de 6 de diciembre de 2010, y reafirmando los propósitos y principios de la Carta de \
             las Naciones Unidas,",
            Lang::Es,
        ),
        (
            "El Consejo de Seguridad, Recordando la resolución 2334 (2016), de 23 de diciembre de 2016, \
             y expresando grave preocupación por la situación humanitaria en la región,",
            Lang::Es,
        ),
        (
            "Генеральная Ассамблея, ссылаясь на свою резолюцию 72/194 от 19 декабря 2017 года и \
             подтверждая важность международного сотрудничества в борьбе с преступностью,",
            Lang::Ru,
        ),
        (
            "Совет Безопасности, ссылаясь на свои резолюции 2042 (2012), 2043 (2012) и 2258 (2015), \
             вновь подтверждая свою решительную приверженность суверенитету Сирии,",
            Lang::Ru,
        ),
        (
            "大会，回顾其2017年12月19日第72/194号决议，重申必须加强国际合作打击跨国有组织犯罪，",
            Lang::Zh,
        ),
        (
            "安全理事会，回顾其第2133(2014)、2178(2014)和2195(2014)号决议，严重关切外国恐怖主义战斗人员构成的威胁，",
            Lang::Zh,
        ),
        (
            "إن الجمعية العامة، إذ تشير إلى قرارها 72/194 المؤرخ 19 كانون الأول/ديسمبر 2017، وإذ تؤكد \
             من جديد أهمية التعاون الدولي في مكافحة الجريمة المنظمة عبر الوطنية،",
            Lang::Ar,
        ),
        (
            "إن مجلس الأمن، إذ يشير إلى قراراته 2042 (2012) و 2043 (2012) و 2258 (2015)، وإذ يؤكد من جديد التزامه القوي بسيادة سوريا،",
            Lang::Ar,
        ),
    ];
    for (text, want) in cases {
        assert_eq!(detect(text), *want, "{text}");
    }
}

#[test]
fn masthead_line_wins() {
    let arabic_annex = "إذ يشير إلى قراراته 2042 (2012) و 2043 (2012) و 2258 (2015)، ".repeat(40);
    let cases: &[(String, Lang)] = &[
        (
            format!("United Nations   S/2025/354\nSecurity Council   Distr.: General\n          English\n\n{arabic_annex}"),
            Lang::En,
        ),
        (
            "Naciones Unidas   A/AC.292/2024/3\n   Español\n   Original: inglés\n\nthe of and to".into(),
            Lang::Es,
        ),
        ("NATIONS UNIES\n   FRANÇAIS\nthe of and the of and".into(), Lang::Fr),
        ("Организация Объединенных Наций\n    Russian\n    Original: English\n".into(), Lang::Ru),
        // "Original: English" alone is not the version's language.
        (
            "Naciones Unidas\nOriginal: English\nRecordando sus resoluciones y los principios de la Carta, para el desarrollo \
             sostenible y con los Estados, como se indica en el informe, por el Secretario General"
                .into(),
            Lang::Es,
        ),
    ];
    for (text, want) in cases {
        assert_eq!(detect(text), *want, "{text}");
    }
}

#[test]
fn too_little_signal() {
    for text in [
        "",
        "A/RES/72/194",
        "24-16433 (E) 2/10",
        "S/PRST/2014/16 E/CN.15/2019/5",
        "  \n\t ",
    ] {
        assert_eq!(detect(text), Lang::Unknown, "{text:?}");
    }
}

/// `../shared/corpus` from the crate root (or from a worktree one level deeper).
fn corpus() -> Option<PathBuf> {
    [
        concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus"),
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus"),
    ]
    .into_iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
}

#[test]
fn corpus_files_of_known_language() {
    let Some(dir) = corpus() else {
        return;
    };
    let cases: &[(&str, Lang)] = &[
        ("un-documents-2025/A_78_354.txt", Lang::Es),
        ("un-documents-2025/E_2024_1.txt", Lang::Es),
        ("un-documents-2025/E_ICEF_672PartI.txt", Lang::Fr),
        ("un-documents-2025/E_ICEF_672PartII.txt", Lang::Fr),
        ("un-documents-2025/S_2024_145.txt", Lang::Ru),
        ("un-documents-2025/S_2024_216.txt", Lang::Ru),
        // English cover letters with annexes circulated in Arabic only.
        ("un-documents-2025/A_79_876.txt", Lang::En),
        ("un-documents-2025/S_2025_354.txt", Lang::En),
        ("ga-documents-2023-2025/A_RES_78_239.txt", Lang::En),
    ];
    for (file, want) in cases {
        let p = dir.join(file);
        let Ok(bytes) = std::fs::read(&p) else {
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        assert_eq!(detect(&text), *want, "{}", p.display());
    }
}
