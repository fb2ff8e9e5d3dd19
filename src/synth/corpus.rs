//! The plan of a corpus — how many records of each kind, how many places are
//! countries, cities or venues, which organisations are national centres or
//! global federations — and the random streams and ids of its records.

use super::Options;
use super::vocabulary::{COUNTRIES, SECTORS, TOPICS};
use crate::records::RecordKind;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Counts per kind and the random streams of a corpus.
pub(super) struct Corpus {
    pub(super) records: usize,
    pub(super) seed: u64,
    counts: [usize; 9],
    /// First global serial of each kind (ids end with a serial unique across kinds).
    offsets: [usize; 9],
    /// Places `0..countries` are countries, the next `cities` cities, the rest venues.
    pub(super) countries: usize,
    pub(super) cities: usize,
    /// Organisations that are national centres (one per country) or global federations.
    pub(super) national: usize,
    pub(super) global: usize,
    /// Topics `0..top_topics` have no broader topic.
    pub(super) top_topics: usize,
}

/// The index of `kind` in [`RecordKind::ALL`].
fn slot(kind: RecordKind) -> usize {
    RecordKind::ALL
        .iter()
        .position(|k| *k == kind)
        .expect("a known kind")
}

impl Corpus {
    pub(super) fn new(options: &Options) -> Self {
        let n = options.records;
        let mut counts = [0; 9];
        counts[slot(RecordKind::Source)] = (n / 20).max(1);
        counts[slot(RecordKind::Topic)] = (n / 100).clamp(3, 400);
        counts[slot(RecordKind::Place)] = (n * 4 / 100).max(3);
        counts[slot(RecordKind::Organisation)] = (n * 12 / 100).max(2);
        counts[slot(RecordKind::Person)] = (n * 20 / 100).max(2);
        counts[slot(RecordKind::Event)] = (n * 22 / 100).max(2);
        counts[slot(RecordKind::Agreement)] = (n / 10).max(1);
        counts[slot(RecordKind::Document)] = (n * 6 / 100).max(1);
        let others: usize = counts.iter().sum();
        counts[slot(RecordKind::Figure)] = n - others;
        let mut offsets = [0; 9];
        let mut next = 1;
        for (i, c) in counts.iter().enumerate() {
            offsets[i] = next;
            next += c;
        }
        let places = counts[slot(RecordKind::Place)];
        let countries = (places / 8).clamp(1, COUNTRIES.len());
        let cities = ((places - countries) * 2 / 3).max(1);
        let orgs = counts[slot(RecordKind::Organisation)];
        let national = countries.min(orgs / 2);
        let global = SECTORS.len().min(orgs / 20);
        Self {
            records: n,
            seed: options.seed,
            counts,
            offsets,
            countries,
            cities,
            national,
            global,
            top_topics: (counts[slot(RecordKind::Topic)] / 4).clamp(1, TOPICS.len()),
        }
    }

    pub(super) fn count(&self, kind: RecordKind) -> usize {
        self.counts[slot(kind)]
    }

    /// The random stream `stream` of the corpus's seed.
    fn stream(&self, stream: u64) -> ChaCha8Rng {
        let mut rng = ChaCha8Rng::seed_from_u64(self.seed);
        rng.set_stream(stream);
        rng
    }

    /// The random stream of record `j` of `kind`.
    pub(super) fn rng(&self, kind: RecordKind, j: usize) -> ChaCha8Rng {
        self.stream(((slot(kind) as u64) << 48) | j as u64)
    }

    /// The random stream of the details of record `j` (apart from its identity).
    pub(super) fn detail(&self, kind: RecordKind, j: usize) -> ChaCha8Rng {
        self.stream(((slot(kind) as u64) << 48) | (1 << 47) | j as u64)
    }

    /// A random stream for choices that belong to no record (article layout).
    pub(super) fn article_rng(&self, article: usize) -> ChaCha8Rng {
        self.stream((15 << 48) | article as u64)
    }

    /// The serial that ends the id of record `j` of `kind`.
    pub(super) fn serial(&self, kind: RecordKind, j: usize) -> usize {
        self.offsets[slot(kind)] + j
    }

    /// The id of record `j` of `kind`: `{stem}-{serial}`.
    pub(super) fn id(&self, kind: RecordKind, stem: &str, j: usize) -> String {
        format!("{stem}-{}", self.serial(kind, j))
    }

    /// The records of `kind` reported in article `s`: an even share of each kind.
    pub(super) fn share(&self, kind: RecordKind, s: usize) -> std::ops::Range<usize> {
        let c = self.count(kind);
        let n = self.count(RecordKind::Source);
        (c * s / n)..(c * (s + 1) / n)
    }

    /// A random record of `kind`.
    pub(super) fn pick(&self, rng: &mut ChaCha8Rng, kind: RecordKind) -> usize {
        rng.random_range(0..self.count(kind))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_adds_up() {
        for n in [100, 1_000, 12_345, 1_000_000] {
            let c = Corpus::new(&Options {
                records: n,
                seed: 1,
            });
            assert_eq!(c.counts.iter().sum::<usize>(), n);
            assert!(c.counts.iter().all(|k| *k > 0), "{n}: {:?}", c.counts);
            for kind in RecordKind::ALL {
                let total: usize = (0..c.count(RecordKind::Source))
                    .map(|s| c.share(kind, s).len())
                    .sum();
                assert_eq!(total, c.count(kind));
            }
        }
    }
}
