//! The vocabulary of the synthetic corpus: the pools names are drawn from
//! (given and family names, real countries, syllables of invented cities,
//! sectors, industries, topics, roles) and the word forms built from them
//! (capitals, acronyms, ordinals).

use rand::Rng;
use rand::seq::IndexedRandom;

pub(super) const GIVEN_NAMES: &[&str] = &[
    "Aigerim", "Nurlan", "Saule", "Yerlan", "Dana", "Marat", "Gulnara", "Bakyt", "Asel", "Timur",
    "Aliya", "Serik", "Zhanna", "Kanat", "Madina", "Tomoko", "Hiroshi", "Yuki", "Kenji", "Akiko",
    "Takeshi", "Naoko", "Anna", "Maria", "Jan", "Piotr", "Sofia", "Lucas", "Amina", "Omar",
    "Fatima", "Carlos", "Ana", "Joao", "Wei", "Mei", "Ingrid", "Lars", "Eva", "Thomas", "Claire",
    "Pierre", "Giulia", "Marco", "Elena", "Ivan", "Olga", "Dmitri", "Leila", "Samuel", "Grace",
    "Kwame", "Ngozi", "Rahul", "Priya", "Arjun", "Siti", "Budi", "Mateo", "Lucia",
];

pub(super) const FAMILY_NAMES: &[&str] = &[
    "Bekova",
    "Serikbayev",
    "Dauletova",
    "Nurpeisov",
    "Abenova",
    "Zhaksybekov",
    "Ospanova",
    "Tulegenov",
    "Kassymova",
    "Akhmetov",
    "Tanaka",
    "Suzuki",
    "Yamamoto",
    "Watanabe",
    "Sato",
    "Kobayashi",
    "Nowak",
    "Kowalska",
    "Schmidt",
    "Fischer",
    "Weber",
    "Dubois",
    "Moreau",
    "Rossi",
    "Bianchi",
    "Garcia",
    "Fernandez",
    "Silva",
    "Santos",
    "Petrova",
    "Ivanov",
    "Hansen",
    "Larsen",
    "Johansson",
    "Virtanen",
    "Jansen",
    "Murphy",
    "Papadopoulos",
    "Yilmaz",
    "Karimov",
    "Rashidova",
    "Mensah",
    "Okafor",
    "Sharma",
    "Gupta",
    "Santoso",
    "Lopez",
    "Martinez",
    "Kim",
    "Park",
];

/// (name, alpha-2, alpha-3, numeric) of real countries (ISO 3166-1).
pub(super) const COUNTRIES: &[(&str, &str, &str, &str)] = &[
    ("Kazakhstan", "KZ", "KAZ", "398"),
    ("Japan", "JP", "JPN", "392"),
    ("Germany", "DE", "DEU", "276"),
    ("France", "FR", "FRA", "250"),
    ("Italy", "IT", "ITA", "380"),
    ("Spain", "ES", "ESP", "724"),
    ("Poland", "PL", "POL", "616"),
    ("Sweden", "SE", "SWE", "752"),
    ("Norway", "NO", "NOR", "578"),
    ("Finland", "FI", "FIN", "246"),
    ("Denmark", "DK", "DNK", "208"),
    ("Netherlands", "NL", "NLD", "528"),
    ("Belgium", "BE", "BEL", "056"),
    ("Austria", "AT", "AUT", "040"),
    ("Switzerland", "CH", "CHE", "756"),
    ("United Kingdom", "GB", "GBR", "826"),
    ("Ireland", "IE", "IRL", "372"),
    ("Portugal", "PT", "PRT", "620"),
    ("Greece", "GR", "GRC", "300"),
    ("Uzbekistan", "UZ", "UZB", "860"),
    ("Kyrgyzstan", "KG", "KGZ", "417"),
    ("Tajikistan", "TJ", "TJK", "762"),
    ("Mongolia", "MN", "MNG", "496"),
    ("Republic of Korea", "KR", "KOR", "410"),
    ("India", "IN", "IND", "356"),
    ("Indonesia", "ID", "IDN", "360"),
    ("Brazil", "BR", "BRA", "076"),
    ("Argentina", "AR", "ARG", "032"),
    ("Chile", "CL", "CHL", "152"),
    ("Mexico", "MX", "MEX", "484"),
    ("Canada", "CA", "CAN", "124"),
    ("South Africa", "ZA", "ZAF", "710"),
    ("Nigeria", "NG", "NGA", "566"),
    ("Kenya", "KE", "KEN", "404"),
    ("Egypt", "EG", "EGY", "818"),
    ("Morocco", "MA", "MAR", "504"),
    ("Australia", "AU", "AUS", "036"),
    ("New Zealand", "NZ", "NZL", "554"),
    ("Philippines", "PH", "PHL", "608"),
    ("Viet Nam", "VN", "VNM", "704"),
];

pub(super) const CITY_STARTS: &[&str] = &[
    "Ak", "Kara", "Sary", "Ust", "Zhana", "Nor", "Vel", "Ost", "Bel", "Mar", "Tal", "Ren", "Kir",
    "Sol", "Dal", "Lin", "Bor", "Tor", "Ash", "Val", "Har", "Mon", "San", "Port", "Ever",
];
pub(super) const CITY_MIDDLES: &[&str] = &["", "a", "o", "i", "en", "an", "er"];
pub(super) const CITY_ENDS: &[&str] = &[
    "tau", "kol", "su", "burg", "dorf", "vik", "polis", "grad", "ford", "ville", "shi", "kent",
    "abad", "pur", "mouth", "field", "haven", "stad",
];

pub(super) const SECTORS: &[&str] = &[
    "Metalworkers",
    "Miners",
    "Railway Workers",
    "Education Workers",
    "Health Workers",
    "Energy Workers",
    "Oil and Gas Workers",
    "Textile Workers",
    "Agricultural Workers",
    "Construction Workers",
    "Transport Workers",
    "Communications Workers",
    "Public Service Workers",
    "Chemical Industry Workers",
    "Culture Workers",
    "Food Industry Workers",
];

pub(super) const INDUSTRIES: &[&str] = &[
    "Steel",
    "Copper",
    "Coal",
    "Cement",
    "Machine-Building",
    "Chemical",
    "Textile",
    "Power",
    "Railway Repair",
    "Shipbuilding",
    "Glass",
    "Paper",
    "Tractor",
    "Aluminium",
];

pub(super) const TOPICS: &[&str] = &[
    "Occupational safety",
    "Wages",
    "Collective bargaining",
    "Social partnership",
    "Youth employment",
    "Green jobs",
    "Gender equality",
    "Platform work",
    "Migrant workers",
    "Pension reform",
    "Vocational training",
    "Trade union rights",
    "Child labour",
    "Forced labour",
    "Minimum wage",
    "Working time",
    "Informal economy",
    "Just transition",
    "Social dialogue",
    "Health insurance",
    "Peace movement",
    "Trade union training",
    "International cooperation",
    "Labour inspection",
    "Unemployment benefits",
    "Remote work",
    "Industrial relations",
    "Decent work",
    "Freedom of association",
    "Labour law reform",
];

pub(super) const ROLES: &[&str] = &[
    "Chairman",
    "President",
    "General Secretary",
    "Vice-President",
    "Deputy Chairman",
    "Head of the International Department",
    "Director of the Department of Labour Protection",
    "Legal Inspector",
    "Member of the Executive Committee",
    "Youth Coordinator",
];

/// One entry of a (non-empty) pool, drawn from `rng`.
pub(super) fn one<T: Copy, R: Rng + ?Sized>(rng: &mut R, pool: &[T]) -> T {
    *pool.choose(rng).expect("non-empty")
}

/// The initials of the significant words: `Federation of Trade Unions of
/// Japan` → `FTUJ`.
pub(super) fn acronym(name: &str) -> String {
    name.split([' ', '-'])
        .filter(|w| !matches!(*w, "of" | "the" | "and" | "for" | "on" | "in" | "to"))
        .filter_map(|w| w.chars().next())
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// The text with its first letter in upper case.
pub(super) fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `1st`, `2nd`, `3rd`, `4th`, …, `11th`, …, `21st`.
pub(super) fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        assert_eq!(acronym("Federation of Trade Unions of Japan"), "FTUJ");
        assert_eq!(capitalise("the union"), "The union");
        assert_eq!(ordinal(2), "2nd");
        assert_eq!(ordinal(12), "12th");
    }
}
