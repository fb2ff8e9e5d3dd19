//! Where the dataset's IRIs live on the server: the public base IRI
//! (`https://example.org/labourgraph/`) is served under a local path (by
//! default the server root), so `…/person/x` resolves at `/person/x`. The
//! ontology's terms (`…/ontology#Meeting`) resolve to its documentation at
//! `{path}ontology`, whatever the base.

use crate::ontology::ONTOLOGY_IRI;

/// The local path of the ontology documentation, below the mount path.
pub const ONTOLOGY_PATH: &str = "ontology";

/// The mapping between the public base IRI and a local path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mount {
    base: String,
    path: String,
}

impl Mount {
    /// Serves the IRIs under `base` at the local `path` (a leading and a
    /// trailing `/` are added when missing).
    ///
    /// ```
    /// use labourgraph::serve::mount::Mount;
    /// let mount = Mount::new("https://example.org/labourgraph/", "/");
    /// assert_eq!(mount.local("https://example.org/labourgraph/person/x").as_deref(), Some("/person/x"));
    /// assert_eq!(mount.iri("/person/x").as_deref(), Some("https://example.org/labourgraph/person/x"));
    /// assert_eq!(mount.local("https://www.wikidata.org/entity/Q232"), None);
    /// ```
    pub fn new(base: &str, path: &str) -> Self {
        let mut path = format!("/{}", path.trim_matches('/'));
        if !path.ends_with('/') {
            path.push('/');
        }
        Self {
            base: base.to_owned(),
            path,
        }
    }

    /// The base IRI.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// The local path of the base IRI (`/` by default).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The local path of the ontology documentation.
    pub fn ontology(&self) -> String {
        format!("{}{ONTOLOGY_PATH}", self.path)
    }

    /// The local path (and fragment) at which an IRI resolves, if it is
    /// minted under the base or is an ontology term.
    pub fn local(&self, iri: &str) -> Option<String> {
        if let Some(rest) = iri.strip_prefix(ONTOLOGY_IRI) {
            if rest.is_empty() || rest.starts_with('#') {
                return Some(format!("{}{rest}", self.ontology()));
            }
        }
        iri.strip_prefix(&self.base)
            .map(|rest| format!("{}{rest}", self.path))
    }

    /// Where a link to `iri` points: its local path, or the IRI itself.
    pub fn href(&self, iri: &str) -> String {
        self.local(iri).unwrap_or_else(|| iri.to_owned())
    }

    /// The IRI a local (percent-decoded) path stands for, if it is below
    /// the mount path.
    pub fn iri(&self, path: &str) -> Option<String> {
        path.strip_prefix(&self.path)
            .map(|rest| format!("{}{rest}", self.base))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mounted_below_a_path() {
        let mount = Mount::new("https://example.org/mini/", "data");
        assert_eq!(mount.path(), "/data/");
        assert_eq!(
            mount
                .local("https://example.org/mini/graph/geneva")
                .as_deref(),
            Some("/data/graph/geneva")
        );
        assert_eq!(
            mount.local(&format!("{ONTOLOGY_IRI}#Meeting")).as_deref(),
            Some("/data/ontology#Meeting")
        );
        assert_eq!(mount.local(&format!("{ONTOLOGY_IRI}y")), None);
        assert_eq!(mount.iri("/person/x"), None);
        assert_eq!(
            mount.href("http://schema.org/name"),
            "http://schema.org/name"
        );
    }
}
