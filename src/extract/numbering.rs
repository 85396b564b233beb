//! How UN resolutions were numbered over time, as data: used to accept a
//! bare "N (YYYY)" or "N (ROMAN)" only when the number fits the year or the
//! session, so that "Law No. 12 (2019)" or "chapter 5 (IV)" are not taken
//! for resolutions. Citations introduced by a resolution word are not
//! checked against these tables.

/// First Security Council resolution number of each year from 1946
/// (1946–1993 read from the resolutions themselves; later years from the
/// Council's yearly lists).
const SC_FIRST: [(u32, u32); 80] = [
    (1946, 1),
    (1947, 16),
    (1948, 38),
    (1949, 67),
    (1950, 79),
    (1951, 90),
    (1952, 97),
    (1953, 99),
    (1954, 104),
    (1955, 106),
    (1956, 111),
    (1957, 122),
    (1958, 127),
    (1959, 132),
    (1960, 133),
    (1961, 161),
    (1962, 171),
    (1963, 178),
    (1964, 186),
    (1965, 200),
    (1966, 220),
    (1967, 233),
    (1968, 245),
    (1969, 263),
    (1970, 276),
    (1971, 292),
    (1972, 308),
    (1973, 325),
    (1974, 345),
    (1975, 367),
    (1976, 385),
    (1977, 403),
    (1978, 423),
    (1979, 444),
    (1980, 462),
    (1981, 485),
    (1982, 500),
    (1983, 529),
    (1984, 546),
    (1985, 560),
    (1986, 581),
    (1987, 594),
    (1988, 607),
    (1989, 627),
    (1990, 647),
    (1991, 684),
    (1992, 726),
    (1993, 800),
    (1994, 893),
    (1995, 965),
    (1996, 1031),
    (1997, 1088),
    (1998, 1150),
    (1999, 1221),
    (2000, 1284),
    (2001, 1335),
    (2002, 1387),
    (2003, 1456),
    (2004, 1522),
    (2005, 1580),
    (2006, 1647),
    (2007, 1736),
    (2008, 1795),
    (2009, 1861),
    (2010, 1904),
    (2011, 1964),
    (2012, 2030),
    (2013, 2086),
    (2014, 2140),
    (2015, 2203),
    (2016, 2262),
    (2017, 2337),
    (2018, 2398),
    (2019, 2452),
    (2020, 2506),
    (2021, 2561),
    (2022, 2619),
    (2023, 2669),
    (2024, 2720),
    (2025, 2768),
];

/// Approximate first old-style General Assembly resolution number of each
/// regular session I–XXX (index 0 = session I).
const GA_FIRST: [u32; 31] = [
    1, 90, 182, 290, 370, 500, 610, 720, 810, 905, 975, 1125, 1230, 1335, 1450, 1630, 1750, 1865,
    1990, 2010, 2181, 2232, 2381, 2488, 2619, 2749, 2897, 3033, 3192, 3357, 3540,
];

/// Whether Security Council resolution `number` can date from `year`.
pub fn sc_plausible(number: u32, year: u32) -> bool {
    let Some(i) = SC_FIRST.iter().position(|&(y, _)| y == year) else {
        // Years after the table: the number must at least follow its end.
        let (last_y, last_n) = SC_FIRST[SC_FIRST.len() - 1];
        return year > last_y && year <= last_y + 3 && number >= last_n;
    };
    let lo = SC_FIRST[i].1.saturating_sub(8);
    let hi = SC_FIRST
        .get(i + 1)
        .map_or(SC_FIRST[i].1 + 130, |&(_, n)| n + 8);
    (lo..hi).contains(&number)
}

/// Whether old-style General Assembly resolution `number` can belong to
/// regular session `session` (1–30). Special and emergency special sessions
/// are accepted for any number up to 3600.
pub fn ga_old_plausible(number: u32, session: u32) -> bool {
    if !(1..=30).contains(&session) {
        return false;
    }
    let lo = GA_FIRST[session as usize - 1].saturating_sub(80);
    let hi = GA_FIRST[session as usize] + 80;
    (lo..hi).contains(&number)
}

/// The year Security Council resolution `number` was adopted in (for
/// "resolution 1701" written without its year in a Council text).
pub fn sc_year(number: u32) -> Option<u32> {
    let i = SC_FIRST.partition_point(|&(_, n)| n <= number);
    if i == 0 {
        return None;
    }
    let (y, first) = SC_FIRST[i - 1];
    if i == SC_FIRST.len() && number > first + 130 {
        return None;
    }
    Some(y)
}

/// Plausible year of a modern numbering component (`2019/19`).
pub fn is_year(n: u32) -> bool {
    (1946..=2049).contains(&n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sc_years() {
        assert!(sc_plausible(2178, 2014));
        assert!(sc_plausible(660, 1990));
        assert!(sc_plausible(1, 1946));
        assert!(sc_plausible(2787, 2025));
        assert!(!sc_plausible(12, 2019));
        assert!(!sc_plausible(2030, 2015));
        assert!(!sc_plausible(5, 2014));
        assert_eq!(sc_year(1701), Some(2006));
        assert_eq!(sc_year(2178), Some(2014));
        assert_eq!(sc_year(660), Some(1990));
        assert_eq!(sc_year(9999), None);
    }

    #[test]
    fn ga_sessions() {
        assert!(ga_old_plausible(217, 3));
        assert!(ga_old_plausible(1514, 15));
        assert!(ga_old_plausible(2625, 25));
        assert!(ga_old_plausible(3379, 30));
        assert!(!ga_old_plausible(5, 4));
        assert!(!ga_old_plausible(217, 31));
    }
}
