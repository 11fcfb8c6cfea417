//! What the rules say about one key: its description, the classes or fact it is made of with
//! their terms, its grading, and the examples that show it (`crosscheck rules explain KEY`).

use crate::claim::Kind;

use super::example::{Example, Expect};
use super::{Class, Fact, Grading, RuleSet};

/// Examples shown at most.
const EXAMPLES: usize = 3;

/// Everything the rules say about one key.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation<'a> {
    pub key: String,
    pub description: String,
    /// The event-pack fact with exactly this key, if any.
    pub fact: Option<&'a Fact>,
    /// Each `.`-separated part of the key, before any `@` anchor.
    pub parts: Vec<Part<'a>>,
    /// The anchor after `@` (`2004`, `2025-09-01`), if any.
    pub anchor: Option<String>,
    pub grading: Grading,
    /// Examples that give this key, else examples of the classes it is made of.
    pub examples: Vec<&'a Example>,
}

/// One part of a key.
#[derive(Debug, Clone, PartialEq)]
pub enum Part<'a> {
    /// A class, with every definition of its id (a pack may add terms to a generic class).
    Class(Vec<&'a Class>),
    /// A kind name, as in `percent.trade`.
    Kind(Kind),
    /// A plain noun the keyer took from the text (`echelon`, `trade`).
    Noun(String),
}

impl RuleSet {
    /// Explains a key; `Err` with the nearest class id or fact key when no rule names it.
    pub fn explain(&self, key: &str) -> Result<Explanation<'_>, Option<String>> {
        let fact = self.facts.iter().find(|f| f.key == key);
        let (main, anchor) = match key.split_once('@') {
            Some((m, a)) => (m, Some(a.to_string())),
            None => (key, None),
        };
        // A fact's key is a name of its own; what it is made of are the keys it narrows.
        let named: Vec<&str> = match fact {
            Some(f) => f
                .generic
                .iter()
                .flat_map(|g| g.split('@').next().unwrap_or(g).split('.'))
                .collect(),
            None => main.split('.').collect(),
        };
        let mut seen = Vec::new();
        let parts: Vec<Part> = named
            .into_iter()
            .filter(|p| {
                let new = !seen.contains(p);
                seen.push(*p);
                new
            })
            .map(|p| {
                let classes: Vec<&Class> = self.classes.iter().filter(|c| c.id == p).collect();
                match Kind::parse(p) {
                    _ if !classes.is_empty() => Part::Class(classes),
                    Some(kind) => Part::Kind(kind),
                    None => Part::Noun(p.to_string()),
                }
            })
            .collect();
        let known = fact.is_some() || parts.iter().any(|p| !matches!(p, Part::Noun(_)));
        if !known {
            // `deaths`, `death toll`: a word that keys figures names its class.
            let as_term = super::compile::words(main);
            let mut by_term = self.classes.iter().filter(|c| c.terms.contains(&as_term));
            if let Some(class) = by_term.next() {
                return Err(Some(class.id.clone()));
            }
            let names = self
                .classes
                .iter()
                .map(|c| c.id.as_str())
                .chain(self.facts.iter().map(|f| f.key.as_str()));
            return Err(super::compile::nearest(main, names).map(str::to_string));
        }
        Ok(Explanation {
            key: key.to_string(),
            description: self.describe(key),
            fact,
            anchor,
            grading: self.grading(key),
            examples: self.examples_of(main, &parts),
            parts,
        })
    }

    /// Examples whose key is `key`; else those of the classes of its parts.
    fn examples_of(&self, key: &str, parts: &[Part]) -> Vec<&Example> {
        let gives = |e: &&Example, pred: &dyn Fn(&str) -> bool| match &e.expect {
            Expect::Yields { key, .. } => pred(key),
            Expect::NoMatch => false,
        };
        let exact: Vec<&Example> = self
            .examples
            .iter()
            .filter(|e| gives(e, &|k| k == key))
            .take(EXAMPLES)
            .collect();
        if !exact.is_empty() {
            return exact;
        }
        let ids: Vec<&str> = parts
            .iter()
            .filter_map(|p| match p {
                Part::Class(c) => c.first().map(|c| c.id.as_str()),
                _ => None,
            })
            .collect();
        self.examples
            .iter()
            .filter(|e| gives(e, &|k| k.split(['.', '@']).any(|p| ids.contains(&p))))
            .take(EXAMPLES)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_suggests_its_class_before_a_near_spelling() {
        let set = RuleSet::generic();
        // `deaths` is one edit from `depth` but a term of the death toll.
        let class = set.explain("deaths").err().flatten();
        let dead = set
            .classes
            .iter()
            .find(|c| c.terms.contains(&vec!["deaths".to_string()]));
        assert_eq!(class.as_deref(), dead.map(|c| c.id.as_str()));
        assert!(class.is_some());
        assert_eq!(set.explain("troopz").err().flatten().as_deref(), Some("troops"));
    }

    #[test]
    fn a_key_is_explained_part_by_part() {
        let mut set = RuleSet::generic();
        set.add(
            "x.toml",
            "[[class]]\nid = \"troops\"\nterms = [\"legionnaires\"]\n\
             [[class.example]]\ntext = \"300 legionnaires were deployed.\"\nkey = \"troops.deployed\"\nvalue = \"300\"\n",
        )
        .unwrap();
        let e = set.explain("troops.deployed@2004").unwrap();
        assert_eq!(e.anchor.as_deref(), Some("2004"));
        let Part::Class(troops) = &e.parts[0] else {
            panic!("{:?}", e.parts[0])
        };
        assert_eq!(troops.len(), 2, "the generic class and the pack's terms");
        assert!(matches!(&e.parts[1], Part::Class(c) if c[0].role));
        assert!(e.examples.iter().any(|x| x.file == "x.toml"));
        let gives =
            |x: &&Example| matches!(&x.expect, Expect::Yields { key, .. } if key == "troops.deployed");
        assert!(e.examples.iter().all(gives));
        let mut pack = RuleSet::generic();
        pack.add(
            "p.toml",
            "[[fact]]\nkey = \"parade.troops\"\ngeneric = [\"troops.deployed\", \"troops\"]\n",
        )
        .unwrap();
        let parts = pack.explain("parade.troops").unwrap().parts;
        let ids: Vec<&str> = parts
            .iter()
            .filter_map(|p| match p {
                Part::Class(c) => Some(c[0].id.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(
            ids,
            ["troops", "deployed"],
            "not the `parade` class its name starts with"
        );
        assert!(matches!(
            set.explain("distance.kyiv").unwrap().parts[..],
            [Part::Kind(Kind::Distance), Part::Noun(_)]
        ));
    }

    #[test]
    fn an_unknown_key_gets_the_nearest_name() {
        let set = RuleSet::generic();
        assert_eq!(set.explain("troopz").unwrap_err().as_deref(), Some("troops"));
        assert_eq!(set.explain("zzzzzzzz").unwrap_err(), None);
    }
}
