//! Intervals: the value of every claim.
//!
//! A claim's value is an interval rather than a number because news text rarely states exact
//! figures: "more than 10,000" is `(10000, +inf)`, "tens of thousands" is `[20000, 99999]`.
//! Either end may be open (unbounded) and each present end may be inclusive or exclusive, so
//! that "more than 20" excludes 20 while "at least 20" includes it.

use serde::Serialize;

/// One end of an interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Bound {
    pub value: f64,
    pub inclusive: bool,
}

/// A possibly half-open interval of real numbers; `None` is an unbounded end.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub lo: Option<Bound>,
    pub hi: Option<Bound>,
}

impl Interval {
    /// The single value `v`.
    pub fn point(v: f64) -> Self {
        Self::closed(v, v)
    }

    /// `[lo, hi]`, ends swapped when given in the wrong order.
    pub fn closed(lo: f64, hi: f64) -> Self {
        let (lo, hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
        Self {
            lo: Some(Bound {
                value: lo,
                inclusive: true,
            }),
            hi: Some(Bound {
                value: hi,
                inclusive: true,
            }),
        }
    }

    /// `(v, +inf)` or `[v, +inf)`.
    pub fn above(v: f64, inclusive: bool) -> Self {
        Self {
            lo: Some(Bound { value: v, inclusive }),
            hi: None,
        }
    }

    /// `(-inf, v)` or `(-inf, v]`.
    pub fn below(v: f64, inclusive: bool) -> Self {
        Self {
            lo: None,
            hi: Some(Bound { value: v, inclusive }),
        }
    }

    /// `[lo, hi)`: used for the span a rounded or vague figure covers.
    pub fn half_open(lo: f64, hi: f64) -> Self {
        Self {
            lo: Some(Bound {
                value: lo,
                inclusive: true,
            }),
            hi: Some(Bound {
                value: hi,
                inclusive: false,
            }),
        }
    }

    pub fn lo_value(&self) -> Option<f64> {
        self.lo.map(|b| b.value)
    }

    pub fn hi_value(&self) -> Option<f64> {
        self.hi.map(|b| b.value)
    }

    /// True when both ends are present and equal: a single stated value.
    pub fn is_point(&self) -> bool {
        matches!((self.lo, self.hi), (Some(a), Some(b)) if a.value == b.value)
    }

    /// True when some number lies in both intervals.
    pub fn intersects(&self, other: &Interval) -> bool {
        !lo_after_hi(self.lo, other.hi) && !lo_after_hi(other.lo, self.hi)
    }

    /// Widens both present ends outwards by `amount` (never narrows). Used for the rounding
    /// precision of a stated figure and for rule tolerances.
    pub fn widened(&self, amount: f64) -> Interval {
        if amount <= 0.0 || !amount.is_finite() {
            return *self;
        }
        Interval {
            lo: self.lo.map(|b| Bound {
                value: b.value - amount,
                inclusive: true,
            }),
            hi: self.hi.map(|b| Bound {
                value: b.value + amount,
                inclusive: true,
            }),
        }
    }

    /// Multiplies both ends by `factor` (unit conversion); `factor` must be positive.
    pub fn scaled(&self, factor: f64) -> Interval {
        let scale = |b: Bound| Bound {
            value: b.value * factor,
            inclusive: b.inclusive,
        };
        Interval {
            lo: self.lo.map(scale),
            hi: self.hi.map(scale),
        }
    }

    /// Interval notation as a reader expects it: `26`, `[20000, 99999]`, `(10000, inf)`.
    pub fn notation(&self, fmt: impl Fn(f64) -> String) -> String {
        if self.is_point() {
            return fmt(self.lo_value().unwrap_or_default());
        }
        let open = match self.lo {
            Some(b) if b.inclusive => "[",
            _ => "(",
        };
        let close = match self.hi {
            Some(b) if b.inclusive => "]",
            _ => ")",
        };
        let lo = self.lo.map_or_else(|| "-inf".to_string(), |b| fmt(b.value));
        let hi = self.hi.map_or_else(|| "inf".to_string(), |b| fmt(b.value));
        format!("{open}{lo}, {hi}{close}")
    }
}

/// True when the lower bound `lo` lies strictly above the upper bound `hi`, so nothing fits
/// between them.
fn lo_after_hi(lo: Option<Bound>, hi: Option<Bound>) -> bool {
    match (lo, hi) {
        (Some(lo), Some(hi)) => {
            lo.value > hi.value || (lo.value == hi.value && !(lo.inclusive && hi.inclusive))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_and_closed_ends_decide_overlap() {
        let more_than_20 = Interval::above(20.0, false);
        assert!(more_than_20.intersects(&Interval::point(26.0)));
        assert!(!more_than_20.intersects(&Interval::point(20.0)));
        assert!(Interval::above(20.0, true).intersects(&Interval::point(20.0)));
        assert!(!Interval::closed(170_000.0, 170_000.0).intersects(&Interval::point(230_000.0)));
    }

    #[test]
    fn unbounded_intervals_meet() {
        assert!(Interval::above(5.0, false).intersects(&Interval::below(100.0, true)));
        assert!(!Interval::above(5.0, false).intersects(&Interval::below(5.0, true)));
    }

    #[test]
    fn widening_closes_ends_and_never_narrows() {
        let w = Interval::above(10_000.0, false).widened(500.0);
        assert_eq!(
            w.lo,
            Some(Bound {
                value: 9_500.0,
                inclusive: true
            })
        );
        assert_eq!(w.hi, None);
        assert_eq!(Interval::point(3.0).widened(-1.0), Interval::point(3.0));
    }

    #[test]
    fn notation_shows_open_ends() {
        let f = |v: f64| format!("{v}");
        assert_eq!(Interval::above(10000.0, false).notation(f), "(10000, inf)");
        assert_eq!(Interval::closed(20000.0, 99999.0).notation(f), "[20000, 99999]");
        assert_eq!(Interval::point(26.0).notation(f), "26");
    }
}
