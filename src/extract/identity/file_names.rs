//! A document's id, or a speech's speaker and session, from its file name
//! (the UN's `A_RES_79_1.en.pdf`, the general-debate `FRA_79_2024.txt`).

use super::*;

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

/// UN Member States (and a few former ones and observers) by ISO 3166
/// alpha-3 code, as general-debate file names give them (`FRA_01_1946`).
pub(super) const COUNTRIES: [(&str, &str); 200] = [
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
pub(super) fn strip_lang_suffix(stem: &str) -> &str {
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
