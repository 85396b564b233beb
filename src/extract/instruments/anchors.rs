//! The anchor words of instrument names, and the automaton that finds them:
//! every name is looked for only where one of its anchor words occurs.

use super::*;

/// Anchor words: each name contains one of them (names that contain none
/// are their own anchor). Latin words match in any ASCII case; Cyrillic
/// stems are also tried with a capital and in capitals.
pub(super) const ANCHORS: &[&str] = &[
    // English
    "convention",
    "covenant",
    "protocol",
    "declaration",
    "treaty",
    "agreement",
    "charter",
    "statute",
    "agenda",
    "rules",
    "principles",
    "programme",
    "framework",
    "compact",
    "pact",
    "strategy",
    "consensus",
    "guidelines",
    "code of conduct",
    "manual",
    "platform",
    "pathway",
    "outcome",
    "plan of action",
    "amendment",
    "articles",
    // French
    "pacte",
    "protocole",
    "déclaration",
    "traité",
    "accord",
    "charte",
    "statut",
    "règles",
    "principes",
    "cadre",
    "stratégie",
    "orientations",
    "manuel",
    "plan d'action",
    "amendement",
    "action 21",
    "document final",
    "modalités",
    // Spanish
    "convención",
    "convenio",
    "pacto",
    "protocolo",
    "declaración",
    "tratado",
    "acuerdo",
    "carta",
    "estatuto",
    "programa",
    "reglas",
    "normas",
    "principios",
    "directrices",
    "marco",
    "estrategia",
    "consenso",
    "trayectoria",
    "código",
    "plataforma",
    "plan de acción",
    "enmienda",
    "documento final",
    "conjunto de principios",
    "artículos",
    "modalidades",
    // Russian stems
    "конвенци",
    "пакт",
    "протокол",
    "декларац",
    "договор",
    "соглашени",
    "устав",
    "статут",
    "повестк",
    "правил",
    "принцип",
    "программ",
    "стратеги",
    "консенсус",
    "харти",
    "путь",
    "руководств",
    "кодекс",
    "свод",
    "поправк",
    "итогов",
    "платформ",
    "план",
    "статьи",
    "ускоренные меры",
    // Chinese
    "公约",
    "公約",
    "议定书",
    "議定書",
    "条约",
    "宣言",
    "协定",
    "宪章",
    "规约",
    "议程",
    "规则",
    "原则",
    "纲领",
    "纲要",
    "框架",
    "契约",
    "战略",
    "共识",
    "途径",
    "守则",
    "手册",
    "规程",
    "准则",
    "成果",
    "计划",
    "修正案",
    "条款",
    // Arabic (normalised)
    "اتفاق",
    "العهد",
    "اعلان",
    "بروتوكول",
    "معاهدة",
    "ميثاق",
    "النظام الاساسي",
    "خطة",
    "قواعد",
    "مبادئ",
    "برنامج",
    "اطار",
    "استراتيجية",
    "توافق",
    "مسار",
    "مدونة",
    "دليل",
    "منهاج",
    "نتائج",
    "تعديل",
    "المواد",
    "جدول اعمال",
    "الاعلان",
];

/// The anchor finder for the name patterns `strings`, and the names that
/// hold each anchor.
pub(super) type AnchorTables = (super::words::AnchorFinder, Probes);

/// The names that hold each anchor, grouped by the four bytes of the name
/// just before the anchor (or, for a name with fewer before it, just after
/// it), ASCII lower-cased. At an anchor occurrence only the names whose
/// four bytes equal the text's at the same place are compared: a necessary
/// condition of the full comparison, so the matches are the same as when
/// every name that holds the anchor is compared ("Convention" is held by
/// 750 names; about 100 were compared at each occurrence, a few are now).
#[derive(Debug, Default)]
pub(super) struct Probes {
    /// The names, group after group.
    cands: Vec<Cand>,
    /// The groups, (key, range in `cands`), in an open-addressing hash
    /// table ([`Probes::slot`]; free slots hold [`NO_GROUP`]; at least half
    /// the slots are free). Key: anchor index (bits 33…), side (bit 32: 0
    /// before the anchor, 1 after it), the four bytes (bits 0–31,
    /// little-endian). Two look-ups at every anchor occurrence: a binary
    /// search of the sorted groups took twelve steps each.
    groups: Vec<(u64, u32, u32)>,
    /// Per anchor: the range in `cands` of its names too short around the
    /// anchor for a group (compared at every occurrence).
    always: Vec<(u32, u32)>,
    /// Per anchor: its length in bytes (where the bytes after it start).
    len: Vec<u32>,
}

/// The four bytes of `b` at `i`, ASCII lower-cased, little-endian.
#[inline(always)]
fn four(b: &[u8], i: usize) -> u32 {
    let mut w = [0u8; 4];
    w.copy_from_slice(&b[i..i + 4]);
    super::words::lower4(u32::from_le_bytes(w))
}

fn group_key(anchor: usize, after: bool, bytes: u32) -> u64 {
    ((anchor as u64) << 33) | (u64::from(after) << 32) | u64::from(bytes)
}

/// The key of a free slot of [`Probes::groups`] (no group has it: anchor
/// indices are far below 2^31).
const NO_GROUP: u64 = u64::MAX;

impl Probes {
    /// Groups `by_anchor` (the names holding each anchor of `words`; their
    /// texts in `strings`).
    pub(super) fn new(words: &[String], by_anchor: &[Vec<Cand>], strings: &[String]) -> Self {
        let mut p = Probes::default();
        let mut keyed: Vec<(u64, Cand)> = Vec::new();
        for (a, (w, cands)) in words.iter().zip(by_anchor).enumerate() {
            let alen = w.len();
            p.len.push(alen as u32);
            let start = p.cands.len() as u32;
            for c in cands {
                let b = strings[c.pi as usize].as_bytes();
                let off = c.off as usize;
                if off >= 4 {
                    keyed.push((group_key(a, false, four(b, off - 4)), *c));
                } else if b.len() >= off + alen + 4 {
                    keyed.push((group_key(a, true, four(b, off + alen)), *c));
                } else {
                    p.cands.push(*c);
                }
            }
            p.always.push((start, p.cands.len() as u32));
        }
        // stable: a group keeps the names in table order
        keyed.sort_by_key(|k| k.0);
        let mut groups: Vec<(u64, u32, u32)> = Vec::new();
        for (k, c) in keyed {
            match groups.last_mut() {
                Some(g) if g.0 == k => g.2 += 1,
                _ => {
                    let at = p.cands.len() as u32;
                    groups.push((k, at, at + 1));
                }
            }
            p.cands.push(c);
        }
        let size = (2 * groups.len() + 1).next_power_of_two();
        p.groups = vec![(NO_GROUP, 0, 0); size];
        for g in groups {
            let mut i = p.slot(g.0);
            while p.groups[i].0 != NO_GROUP {
                i = (i + 1) & (size - 1);
            }
            p.groups[i] = g;
        }
        p
    }

    /// The first slot of [`Probes::groups`] tried for `key` (the next ones
    /// follow it, wrapping around).
    #[inline(always)]
    fn slot(&self, key: u64) -> usize {
        let bits = self.groups.len().trailing_zeros();
        // (the high bits of the product: every bit of the key counts)
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (63 - bits) >> 1) as usize
    }

    /// The range in `cands` of the group of `key`, if there is one.
    #[inline(always)]
    fn group(&self, key: u64) -> Option<(u32, u32)> {
        let mask = self.groups.len() - 1;
        let mut i = self.slot(key);
        loop {
            let (k, s, e) = self.groups[i];
            if k == key {
                return Some((s, e));
            }
            if k == NO_GROUP {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Calls `f` with every name of `anchor` that may occur in `b` with the
    /// anchor at `start`.
    #[inline]
    pub(super) fn each(&self, b: &[u8], anchor: usize, start: usize, mut f: impl FnMut(&Cand)) {
        let (s, e) = self.always[anchor];
        self.cands[s as usize..e as usize].iter().for_each(&mut f);
        let mut group = |key: u64| {
            if let Some((s, e)) = self.group(key) {
                self.cands[s as usize..e as usize].iter().for_each(&mut f);
            }
        };
        if start >= 4 {
            group(group_key(anchor, false, four(b, start - 4)));
        }
        let after = start + self.len[anchor] as usize;
        if after + 4 <= b.len() {
            group(group_key(anchor, true, four(b, after)));
        }
    }
}

/// A name that holds an anchor, with what is checked before the name is
/// compared: its length and its first and last bytes (ASCII lower case),
/// kept here so that the check reads no memory beyond this list.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cand {
    /// The pattern index of the name.
    pub(super) pi: u32,
    /// Byte offset of the anchor in the name.
    pub(super) off: u32,
    /// Length of the name in bytes.
    pub(super) len: u32,
    /// First byte of the name, ASCII lower-cased (unused when `len` is 0).
    pub(super) first: u8,
    /// Last byte of the name, ASCII lower-cased.
    pub(super) last: u8,
}

pub(super) fn build_anchors(strings: &[String]) -> AnchorTables {
    // (a spelling equal to one already held but for ASCII case adds
    // nothing to an automaton that ignores ASCII case: left out, as
    // "Convention" and "CONVENTION" beside "convention")
    let mut words: Vec<String> = Vec::new();
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    for a in ANCHORS {
        let a = norm_str(a);
        let mut cs = a.chars();
        let first_up: String = cs
            .next()
            .into_iter()
            .flat_map(char::to_uppercase)
            .chain(cs)
            .collect();
        let up = a.to_uppercase();
        for w in [a, first_up, up] {
            if seen.insert(w.to_ascii_lowercase()) {
                words.push(w);
            }
        }
    }
    let finder = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostFirst)
        .ascii_case_insensitive(true)
        .build(&words)
        .expect("anchor words build an automaton");
    // Anchor text (ASCII-lower-cased key) → index in `anchors`.
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    let mut anchors: Vec<String> = Vec::new();
    let mut by_anchor: Vec<Vec<Cand>> = Vec::new();
    for (pi, p) in strings.iter().enumerate() {
        let (word, off) = match finder.find(p.as_str()) {
            Some(m) => (&p[m.range()], m.start()),
            None => (p.as_str(), 0),
        };
        let key = word.to_ascii_lowercase();
        let i = *index.entry(key).or_insert_with(|| {
            anchors.push(word.to_string());
            by_anchor.push(Vec::new());
            anchors.len() - 1
        });
        let b = p.as_bytes();
        by_anchor[i].push(Cand {
            pi: pi as u32,
            off: off as u32,
            len: b.len() as u32,
            first: b.first().map_or(0, u8::to_ascii_lowercase),
            last: b.last().map_or(0, u8::to_ascii_lowercase),
        });
    }
    let finder = super::words::AnchorFinder::new(&anchors, &by_anchor, strings);
    let probes = Probes::new(&anchors, &by_anchor, strings);
    (finder, probes)
}
