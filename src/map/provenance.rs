//! Where statements come from: each evidence quote as a Web Annotation
//! (a text-quote selector with some context) in the graph of the source it
//! quotes, and `prov:wasDerivedFrom` from what it supports to that source.

use super::{Mapper, named};
use crate::records::Evidence;
use crate::vocab::{oa, prov, rdf};
use oxigraph::model::{Literal, NamedNode};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;

/// Number of characters of context kept around a quote in `oa:prefix`/`oa:suffix`.
const CONTEXT_CHARS: usize = 32;

impl Mapper<'_> {
    /// Web Annotations for evidence quotes, each in its source's graph, plus
    /// `prov:wasDerivedFrom` from the body to each source it quotes.
    pub(super) fn evidence(&mut self, body: &NamedNode, evidence: &[Evidence]) {
        let mut derived = BTreeSet::new();
        for ev in evidence {
            let g = self.source_graph(&ev.source);
            let source = named(self.iris.entity("source", &ev.source));
            if derived.insert(ev.source.as_str()) {
                self.add(body, prov::WAS_DERIVED_FROM, source.clone(), &g);
            }
            let ann = named(format!(
                "{}/evidence/{}",
                body.as_str(),
                short_hash(&format!("{}\n{}", ev.source, ev.quote))
            ));
            let target = named(format!("{}/target", ann.as_str()));
            let selector = named(format!("{}/selector", ann.as_str()));
            self.link(&ann, rdf::TYPE, oa::ANNOTATION, &g);
            self.add(&ann, oa::HAS_BODY, body.clone(), &g);
            self.link(&ann, oa::MOTIVATED_BY, oa::DESCRIBING, &g);
            self.add(&ann, oa::HAS_TARGET, target.clone(), &g);
            self.link(&target, rdf::TYPE, oa::SPECIFIC_RESOURCE, &g);
            self.add(&target, oa::HAS_SOURCE, source, &g);
            self.add(&target, oa::HAS_SELECTOR, selector.clone(), &g);
            self.link(&selector, rdf::TYPE, oa::TEXT_QUOTE_SELECTOR, &g);
            self.add(
                &selector,
                oa::EXACT,
                Literal::new_simple_literal(ev.quote.clone()),
                &g,
            );
            if let Some(text) = self.index.source(&ev.source) {
                if let Some((prefix, suffix)) = quote_context(&text.text, &ev.quote) {
                    self.add(
                        &selector,
                        oa::PREFIX,
                        Literal::new_simple_literal(prefix),
                        &g,
                    );
                    self.add(
                        &selector,
                        oa::SUFFIX,
                        Literal::new_simple_literal(suffix),
                        &g,
                    );
                }
            }
        }
    }
}

/// The first eight hex digits of the SHA-256 of `text`.
pub fn short_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest[..4].iter().map(|b| format!("{b:02x}")).collect()
}

/// Up to [`CONTEXT_CHARS`] characters before and after the first occurrence
/// of `quote` in `text`.
fn quote_context(text: &str, quote: &str) -> Option<(String, String)> {
    let start = text.find(quote)?;
    let end = start + quote.len();
    let before: Vec<char> = text[..start].chars().rev().take(CONTEXT_CHARS).collect();
    let prefix: String = before.into_iter().rev().collect();
    let suffix: String = text[end..].chars().take(CONTEXT_CHARS).collect();
    Some((prefix, suffix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context() {
        let (p, s) = quote_context("aaaa quote bbbb", "quote").unwrap();
        assert_eq!((p.as_str(), s.as_str()), ("aaaa ", " bbbb"));
        assert!(quote_context("x", "y").is_none());
    }
}
