//! Which body a cited number belongs to, and its canonical id.
//!
//! A number's shape already says much: `2178 (2014)` is a Security Council
//! resolution, `217 (III)` an old General Assembly one, `2019/19` (a year
//! first) an ECOSOC one, `72/194` (a session first) a General Assembly one.
//! The words around it settle the rest: "Human Rights Council resolution
//! 40/1", "Council resolution 40/1", "its resolution" (the body adopting the
//! citing document), "… of the Executive Board" (not a UN resolution at all).

use super::acts;
use super::lexicon::BodyRef;
use crate::model::{Body, Kind};
use crate::symbol;

/// The shape of one cited number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// `72/194`, `S-26/2`, `ES-10/24`: session (with its `S-`/`ES-` prefix,
    /// empty for regular sessions) and number.
    Session {
        /// `""`, `"S-"` or `"ES-"`.
        prefix: &'static str,
        /// Session number.
        session: u32,
        /// Resolution or decision number.
        number: u32,
    },
    /// `2019/19`: year and number (ECOSOC, Commission on Human Rights).
    Year {
        /// Year.
        year: u32,
        /// Number.
        number: u32,
    },
    /// `2178 (2014)`: a Security Council resolution.
    Sc {
        /// Number.
        number: u32,
        /// Year.
        year: u32,
    },
    /// `217 (III)`, `3362 (S-VII)`, `997 (ES-I)`: number and session as
    /// written (upper case), with the value of its roman numeral.
    Old {
        /// Number.
        number: u32,
        /// Session as written: `III`, `S-VII`, `ES-I`.
        session: String,
        /// Value of the roman numeral.
        roman: u32,
    },
}

/// What the words around a citation say about its body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// A body is named.
    Named(BodyRef),
    /// "its resolution": the body adopting the citing document.
    Its,
    /// Nothing is said.
    Unknown,
}

fn adopting_ref(b: Option<Body>) -> Option<BodyRef> {
    b.map(|b| match b {
        Body::GeneralAssembly => BodyRef::Ga,
        Body::SecurityCouncil => BodyRef::Sc,
        Body::Ecosoc => BodyRef::Ecosoc,
        Body::HumanRightsCouncil => BodyRef::Hrc,
        Body::Other => BodyRef::Other,
    })
}

/// The canonical id and kind of a cited number, or `None` when it is not a
/// citation of a UN resolution or decision (a body outside the scheme).
pub fn resolve(
    shape: &Shape,
    decision: bool,
    ctx: Context,
    adopting: Option<Body>,
) -> Option<(String, Kind)> {
    let body = match ctx {
        Context::Named(b) => Some(b),
        Context::Its => adopting_ref(adopting),
        Context::Unknown => None,
    };
    if let Some(BodyRef::Act(act)) = body
        && !matches!(shape, Shape::Sc { .. })
    {
        // The regional commissions' decisions are not reported (their
        // resolutions are): "Decision 81/27" of ESCAP is no GA decision.
        if decision && matches!(act, acts::Act::Escap | acts::Act::Eclac | acts::Act::Eca) {
            return None;
        }
        return acts::id_for(act, shape).map(|id| (id, acts::KIND));
    }
    match shape {
        Shape::Sc { number, year } => {
            Some((symbol::sc_resolution(*number, *year), Kind::ScResolution))
        }
        Shape::Old {
            number,
            session,
            roman,
        } => {
            let regular = !session.contains('-');
            match body {
                Some(BodyRef::Other) => None,
                Some(BodyRef::Ecosoc) => {
                    Some((format!("E/RES/{number}({session})"), Kind::EcosocResolution))
                }
                _ if regular && *roman > 30 => {
                    Some((format!("E/RES/{number}({session})"), Kind::EcosocResolution))
                }
                _ => Some((
                    symbol::ga_resolution_old(*number, session),
                    Kind::GaResolution,
                )),
            }
        }
        Shape::Session {
            prefix,
            session,
            number,
        } => {
            let (mut sb, mut nb) = (itoa::Buffer::new(), itoa::Buffer::new());
            let (s, n) = (sb.format(*session), nb.format(*number));
            // "A/RES/" "ES-" "10" "/" "24"
            let id = |series: &str| crate::text::concat(&[series, prefix, s, "/", n]);
            match body {
                Some(BodyRef::Other) => None,
                Some(BodyRef::Hrc) | Some(BodyRef::Council) => Some(if decision {
                    (id("A/HRC/DEC/"), Kind::HrcDecision)
                } else {
                    (id("A/HRC/RES/"), Kind::HrcResolution)
                }),
                // The General Assembly numbered session/number only from its
                // 31st session (1976): "decision 10/1" is another body's.
                _ if prefix.is_empty() && *session < 31 => None,
                _ => Some(if decision {
                    (id("A/DEC/"), Kind::GaDecision)
                } else {
                    (id("A/RES/"), Kind::GaResolution)
                }),
            }
        }
        Shape::Year { year, number } => match body {
            Some(BodyRef::Other) => None,
            _ => {
                let (mut yb, mut nb) = (itoa::Buffer::new(), itoa::Buffer::new());
                let (y, n) = (yb.format(*year), nb.format(*number));
                let id = |series: &str| crate::text::concat(&[series, y, "/", n]);
                Some(if decision {
                    (id("E/DEC/"), Kind::EcosocDecision)
                } else {
                    (id("E/RES/"), Kind::EcosocResolution)
                })
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies() {
        let modern = Shape::Session {
            prefix: "",
            session: 40,
            number: 1,
        };
        let ga = Some(Body::GeneralAssembly);
        let hrc = Some(Body::HumanRightsCouncil);
        let r = |s: &Shape, d, c, a| resolve(s, d, c, a).map(|x| x.0);
        assert_eq!(r(&modern, false, Context::Its, ga).unwrap(), "A/RES/40/1");
        assert_eq!(
            r(&modern, false, Context::Its, hrc).unwrap(),
            "A/HRC/RES/40/1"
        );
        assert_eq!(
            r(&modern, false, Context::Named(BodyRef::Hrc), ga).unwrap(),
            "A/HRC/RES/40/1"
        );
        assert_eq!(
            r(&modern, true, Context::Named(BodyRef::Council), ga).unwrap(),
            "A/HRC/DEC/40/1"
        );
        assert_eq!(r(&modern, false, Context::Named(BodyRef::Other), ga), None);
        let year = Shape::Year {
            year: 2019,
            number: 19,
        };
        assert_eq!(
            r(&year, false, Context::Named(BodyRef::Council), ga).unwrap(),
            "E/RES/2019/19"
        );
        assert_eq!(
            r(
                &year,
                false,
                Context::Named(BodyRef::Act(acts::Act::Chr)),
                ga
            )
            .unwrap(),
            "CHR 2019/19"
        );
        let old = Shape::Old {
            number: 1296,
            session: "XLIV".into(),
            roman: 44,
        };
        assert_eq!(
            r(&old, false, Context::Unknown, ga).unwrap(),
            "E/RES/1296(XLIV)"
        );
    }
}
