//! The identities of records: what other records need to know of a place,
//! organisation, person, event, topic, document or source (its id, name,
//! kind), derived from the record's own random stream alone, so that any
//! record can refer to any other without the corpus being kept in memory.
//! Also the random references records make to one another.

use super::corpus::Corpus;
use super::date::Date;
use super::vocabulary::{
    CITY_ENDS, CITY_MIDDLES, CITY_STARTS, COUNTRIES, FAMILY_NAMES, GIVEN_NAMES, INDUSTRIES, ROLES,
    SECTORS, TOPICS, acronym, one, ordinal,
};
use crate::records::RecordKind;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

/// A place: country, city or venue.
pub(super) struct PlaceId {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) kind: &'static str,
    pub(super) within: Option<usize>,
    pub(super) country: Option<usize>,
}

/// An organisation.
pub(super) struct OrgId {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) abbreviation: Option<String>,
    pub(super) kind: &'static str,
    pub(super) country: usize,
    pub(super) parent: Option<usize>,
}

/// A person and the posts they hold (role index, organisation index).
pub(super) struct PersonId {
    pub(super) id: String,
    pub(super) given: &'static str,
    pub(super) family: &'static str,
    pub(super) posts: Vec<(usize, usize)>,
}

impl PersonId {
    pub(super) fn name(&self) -> String {
        format!("{} {}", self.given, self.family)
    }
}

/// An event's identity.
pub(super) struct EventId {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) kind: &'static str,
    pub(super) date: Date,
}

impl Corpus {
    /// The id of record `j` of `kind` named `name`: its slug and serial.
    fn slug_id(&self, kind: RecordKind, name: &str, j: usize) -> String {
        self.id(kind, &crate::dataset::slugify(name), j)
    }

    /// Place `j`: a country, a city in a country or a venue in a city.
    pub(super) fn place(&self, j: usize) -> PlaceId {
        let mut rng = self.rng(RecordKind::Place, j);
        if j < self.countries {
            let name = COUNTRIES[j].0.to_owned();
            return PlaceId {
                id: self.slug_id(RecordKind::Place, &name, j),
                name,
                kind: "country",
                within: None,
                country: None,
            };
        }
        let city = format!(
            "{}{}{}",
            one(&mut rng, CITY_STARTS),
            one(&mut rng, CITY_MIDDLES),
            one(&mut rng, CITY_ENDS)
        );
        if j < self.countries + self.cities {
            let country = rng.random_range(0..self.countries);
            return PlaceId {
                id: self.slug_id(RecordKind::Place, &city, j),
                name: city,
                kind: "city",
                within: Some(country),
                country: Some(country),
            };
        }
        let within = rng.random_range(self.countries..self.countries + self.cities);
        let host = self.place(within);
        let name = match rng.random_range(0..4) {
            0 => format!("House of Trade Unions of {}", host.name),
            1 => format!("{} Congress Centre", host.name),
            2 => format!("Hotel {city}"),
            _ => format!("{city} Palace of Culture"),
        };
        PlaceId {
            id: self.slug_id(RecordKind::Place, &name, j),
            name,
            kind: "venue",
            within: Some(within),
            country: host.country,
        }
    }

    /// The kind of organisation `j` (drawn first from its stream).
    fn org_kind(&self, j: usize) -> &'static str {
        if j < self.national {
            return "national-trade-union-centre";
        }
        if j < self.national + self.global {
            return "global-union-federation";
        }
        let mut rng = self.rng(RecordKind::Organisation, j);
        match rng.random_range(0..100) {
            0..=29 => "sectoral-union",
            30..=44 => "regional-union",
            45..=69 => "trade-union",
            70..=76 => "employers-organisation",
            77..=81 => "government-body",
            82..=84 => "foundation",
            85..=92 => "department",
            _ => "regional-office",
        }
    }

    /// Organisation `j`; units (departments and regional offices) belong to
    /// an earlier organisation.
    pub(super) fn organisation(&self, j: usize) -> OrgId {
        let kind = self.org_kind(j);
        let mut rng = self.rng(RecordKind::Organisation, j);
        // The draw `org_kind` makes (or would make), so every kind reads on
        // from the same position of the stream.
        let _kind_draw: u32 = rng.random_range(0..100);
        let country = if j < self.national {
            j
        } else {
            rng.random_range(0..self.countries)
        };
        let country_name = COUNTRIES[country].0;
        let sector = one(&mut rng, SECTORS);
        let city = self.place(self.random_city(&mut rng)).name;
        let mut parent = None;
        let name = match kind {
            "national-trade-union-centre" => {
                format!("Federation of Trade Unions of {country_name}")
            }
            "global-union-federation" => format!("Global Federation of {sector}"),
            "sectoral-union" => format!("{country_name} Union of {sector}"),
            "regional-union" => format!("{city} Regional Association of Trade Unions"),
            "trade-union" => format!(
                "Trade Union of the {city} {} Plant",
                one(&mut rng, INDUSTRIES)
            ),
            "employers-organisation" => format!(
                "{country_name} Association of {} Employers",
                one(&mut rng, INDUSTRIES)
            ),
            "government-body" => {
                format!("Ministry of Labour and Social Protection of {country_name}")
            }
            "foundation" => format!(
                "{} Foundation for Workers' Education",
                one(&mut rng, FAMILY_NAMES)
            ),
            unit => {
                // Units belong to an earlier organisation that is not itself a unit.
                let mut p = rng.random_range(0..j.max(1));
                while p > 0 && matches!(self.org_kind(p), "department" | "regional-office") {
                    p -= 1;
                }
                parent = Some(p);
                // Not a unit, so no further recursion into parents.
                let host = self.organisation(p).name;
                if unit == "department" {
                    let topic = one(&mut rng, TOPICS);
                    format!("Department of {topic} of the {host}")
                } else {
                    format!("{city} Office of the {host}")
                }
            }
        };
        let abbreviation = match kind {
            "department" | "regional-office" => None,
            _ => Some(acronym(&name)),
        };
        let stem = abbreviation
            .as_deref()
            .map_or_else(|| crate::dataset::slugify(&name), str::to_lowercase);
        OrgId {
            id: self.id(RecordKind::Organisation, &stem, j),
            name,
            abbreviation,
            kind,
            country,
            parent,
        }
    }

    /// An organisation's abbreviation, or its name if it has none.
    pub(super) fn short_name(&self, org: &OrgId) -> String {
        org.abbreviation.clone().unwrap_or_else(|| org.name.clone())
    }

    /// Person `j`, with one or two posts.
    pub(super) fn person(&self, j: usize) -> PersonId {
        let mut rng = self.rng(RecordKind::Person, j);
        let given = one(&mut rng, GIVEN_NAMES);
        let family = one(&mut rng, FAMILY_NAMES);
        let n_posts = if rng.random_bool(0.3) { 2 } else { 1 };
        let mut posts: Vec<(usize, usize)> = Vec::new();
        for _ in 0..n_posts {
            let role = rng.random_range(0..ROLES.len());
            let org = self.pick(&mut rng, RecordKind::Organisation);
            if posts.iter().all(|(_, o)| *o != org) {
                posts.push((role, org));
            }
        }
        PersonId {
            id: self.slug_id(RecordKind::Person, &format!("{given} {family}"), j),
            given,
            family,
            posts,
        }
    }

    /// The kind of an event (drawn first from its stream).
    fn event_kind(rng: &mut ChaCha8Rng) -> &'static str {
        match rng.random_range(0..100) {
            0..=34 => "meeting",
            35..=44 => "session",
            45..=49 => "plenary-session",
            50..=54 => "panel-section",
            55..=64 => "forum",
            65..=76 => "seminar",
            77..=79 => "seminar-day",
            80..=89 => "conference",
            90..=97 => "visit",
            _ => "other",
        }
    }

    /// Event `j`: its kind, date and a name made of a topic, a city and an
    /// organisation.
    pub(super) fn event(&self, j: usize) -> EventId {
        let mut rng = self.rng(RecordKind::Event, j);
        let kind = Self::event_kind(&mut rng);
        let date = Date::random(&mut rng);
        let topic = self.random_topic_name(&mut rng);
        let place = self.place(self.random_city(&mut rng)).name;
        let org = self.short_name(&self.random_organisation(&mut rng));
        let name = match kind {
            "meeting" => format!("Meeting on {} in {place}", topic.to_lowercase()),
            "session" => format!(
                "{} Session of the {org} Council",
                ordinal(rng.random_range(2..40))
            ),
            "plenary-session" => format!("Plenary session of the {place} {topic} Forum"),
            "panel-section" => format!("Panel section on {}", topic.to_lowercase()),
            "forum" => format!("{place} Forum on {topic}"),
            "seminar" => format!("Seminar on {} for {org} members", topic.to_lowercase()),
            "seminar-day" => format!("Day {} of the {org} seminar", rng.random_range(1..4)),
            "conference" => format!("International Conference on {topic}"),
            "visit" => format!("Visit of the {org} delegation to {place}"),
            _ => format!("{org} round table on {}", topic.to_lowercase()),
        };
        EventId {
            id: self.id(RecordKind::Event, &format!("{kind}-{}", date.year), j),
            name: format!("{name} ({})", date.year),
            kind,
            date,
        }
    }

    /// The name of topic `j`: a general topic, or one of a sector.
    pub(super) fn topic_name(&self, j: usize) -> String {
        if j < TOPICS.len() {
            TOPICS[j].to_owned()
        } else {
            let base = TOPICS[j % TOPICS.len()];
            let sector = SECTORS[(j / TOPICS.len()) % SECTORS.len()];
            format!("{base} of {}", sector.to_lowercase())
        }
    }

    pub(super) fn topic_id(&self, j: usize) -> String {
        self.slug_id(RecordKind::Topic, &self.topic_name(j), j)
    }

    pub(super) fn source_id(&self, s: usize) -> String {
        self.id(RecordKind::Source, "news", s)
    }

    /// The kind of document `j` (its id begins with it).
    pub(super) fn document_kind(&self, j: usize) -> &'static str {
        one(
            &mut self.rng(RecordKind::Document, j),
            &[
                "strategy",
                "concept",
                "programme",
                "law",
                "code",
                "convention",
                "resolution",
                "agreement",
                "report",
                "other",
            ],
        )
    }

    pub(super) fn document_id(&self, j: usize) -> String {
        self.id(RecordKind::Document, self.document_kind(j), j)
    }

    // -- random references --------------------------------------------------

    /// A random city (a place index).
    pub(super) fn random_city(&self, rng: &mut ChaCha8Rng) -> usize {
        self.countries + rng.random_range(0..self.cities)
    }

    /// A random city or venue (a place index).
    pub(super) fn random_locality(&self, rng: &mut ChaCha8Rng) -> usize {
        rng.random_range(self.countries..self.count(RecordKind::Place))
    }

    /// A random organisation.
    pub(super) fn random_organisation(&self, rng: &mut ChaCha8Rng) -> OrgId {
        self.organisation(self.pick(rng, RecordKind::Organisation))
    }

    /// The id of a random event.
    pub(super) fn random_event_id(&self, rng: &mut ChaCha8Rng) -> String {
        self.event(self.pick(rng, RecordKind::Event)).id
    }

    /// The name of a random topic.
    pub(super) fn random_topic_name(&self, rng: &mut ChaCha8Rng) -> String {
        self.topic_name(self.pick(rng, RecordKind::Topic))
    }

    /// The ids of one to `max` random topics (without repetition).
    pub(super) fn topics(&self, rng: &mut ChaCha8Rng, max: usize) -> Vec<String> {
        let n = rng.random_range(1..=max);
        let mut picked: Vec<usize> = Vec::new();
        for _ in 0..n {
            let t = self.pick(rng, RecordKind::Topic);
            if !picked.contains(&t) {
                picked.push(t);
            }
        }
        picked.into_iter().map(|t| self.topic_id(t)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::Options;
    use super::*;

    #[test]
    fn identities_are_stable_and_ids_are_slugs() {
        let c = Corpus::new(&Options {
            records: 1_000,
            seed: 9,
        });
        for j in 0..c.count(RecordKind::Organisation) {
            let org = c.organisation(j);
            assert!(crate::dataset::is_slug(&org.id), "{}", org.id);
            assert_eq!(org.id, c.organisation(j).id);
        }
        for j in 0..c.count(RecordKind::Place) {
            assert!(crate::dataset::is_slug(&c.place(j).id));
        }
        assert!(crate::dataset::is_slug(&c.person(3).id));
        assert!(crate::dataset::is_slug(&c.event(3).id));
    }
}
