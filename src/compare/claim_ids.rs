//! The claims of a side or an agreement, by index into the run's claims.

use std::fmt;

/// Indices into a run's claims, in the order given (document order for the comparator's
/// sides and agreements), read as `usize`.
///
/// A large run places nearly every keyed claim in some side (5.9 million at 100,000
/// articles), so each index is held in four bytes, in a boxed slice with no room beyond it:
/// 24 MB there rather than the 47 MB of `usize` indices, and a side is eight bytes smaller
/// than one holding a vector. The comparator groups claims with `u32` indices and never
/// compares a claim past 2^32, so every index it gives fits; an index past that built here
/// from a `usize` is kept as `u32::MAX`, which names no claim of any run that fits in memory.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct ClaimIds(Box<[u32]>);

impl ClaimIds {
    /// How many claims there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The indices, in order.
    pub fn iter(&self) -> Iter<'_> {
        Iter(self.0.iter())
    }

    pub fn first(&self) -> Option<usize> {
        self.get(0)
    }

    /// The `n`-th index, `None` past the end.
    pub fn get(&self, n: usize) -> Option<usize> {
        self.0.get(n).map(|&i| i as usize)
    }

    /// Whether claim `claim` is one of them.
    pub fn contains(&self, claim: usize) -> bool {
        u32::try_from(claim).is_ok_and(|claim| self.0.contains(&claim))
    }

    /// The indices as held.
    pub fn as_u32(&self) -> &[u32] {
        &self.0
    }
}

/// The indices of a [`ClaimIds`], as `usize`.
#[derive(Clone)]
pub struct Iter<'a>(std::slice::Iter<'a, u32>);

impl Iterator for Iter<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        self.0.next().map(|&i| i as usize)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<usize> {
        self.0.next_back().map(|&i| i as usize)
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a ClaimIds {
    type Item = usize;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// Takes the vector's indices, giving back any room beyond them.
impl From<Vec<u32>> for ClaimIds {
    fn from(ids: Vec<u32>) -> ClaimIds {
        ClaimIds(ids.into_boxed_slice())
    }
}

impl FromIterator<u32> for ClaimIds {
    fn from_iter<I: IntoIterator<Item = u32>>(ids: I) -> ClaimIds {
        ClaimIds(ids.into_iter().collect())
    }
}

impl FromIterator<usize> for ClaimIds {
    fn from_iter<I: IntoIterator<Item = usize>>(ids: I) -> ClaimIds {
        ids.into_iter()
            .map(|i| u32::try_from(i).unwrap_or(u32::MAX))
            .collect()
    }
}

impl<const N: usize> PartialEq<[usize; N]> for ClaimIds {
    fn eq(&self, other: &[usize; N]) -> bool {
        self.iter().eq(other.iter().copied())
    }
}

impl PartialEq<[usize]> for ClaimIds {
    fn eq(&self, other: &[usize]) -> bool {
        self.iter().eq(other.iter().copied())
    }
}

impl fmt::Debug for ClaimIds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indices_read_back_as_usize() {
        let ids: ClaimIds = vec![3_u32, 7, 42].into();
        assert_eq!(ids.len(), 3);
        assert_eq!(ids.first(), Some(3));
        assert_eq!((ids.get(2), ids.get(3)), (Some(42), None));
        assert!(ids.contains(7) && !ids.contains(8) && !ids.contains(usize::MAX));
        assert_eq!(ids.iter().rev().collect::<Vec<_>>(), [42, 7, 3]);
        assert_eq!(ids, [3, 7, 42]);
        assert_eq!(format!("{ids:?}"), "[3, 7, 42]");
        let from_usize: ClaimIds = [3_usize, 7, 42].into_iter().collect();
        assert_eq!(from_usize, ids);
        assert!(ClaimIds::default().is_empty());
    }

    #[test]
    fn a_side_is_small() {
        assert_eq!(std::mem::size_of::<ClaimIds>(), 16);
    }
}
