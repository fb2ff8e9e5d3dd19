"""Headless Chromium (Debian's `chromium`) against a running
`labourgraph serve`: loads the query page, a results page and an entity
page, and checks the rendered DOM (`--dump-dom`, after scripts ran).

Usage: browser.py http://HOST:PORT
"""

import html.parser
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Element:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.children, self.text = [], ""

    def all(self):
        yield self
        for child in self.children:
            yield from child.all()

    def find(self, tag=None, **attrs):
        """Descendants with the tag and attributes (`cls` matches a class)."""
        for e in self.all():
            if tag and e.tag != tag:
                continue
            cls = attrs.get("cls")
            if cls and cls not in e.attrs.get("class", "").split():
                continue
            if any(e.attrs.get(k) != v for k, v in attrs.items() if k != "cls"):
                continue
            yield e

    def inner_text(self):
        return self.text + "".join(c.inner_text() for c in self.children)


class Dom(html.parser.HTMLParser):
    def __init__(self, text):
        super().__init__()
        self.root = self.current = Element("#document", [], None)
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs, self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_endtag(self, tag):
        e = self.current
        while e.parent and e.tag != tag:
            e = e.parent
        if e.parent:
            self.current = e.parent

    def handle_data(self, data):
        self.current.text += data


def dump(url):
    """The DOM Chromium renders for `url`, scripts run."""
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with tempfile.TemporaryDirectory() as profile:
        out = subprocess.run(
            [chromium, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", url],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
    return Dom(out.stdout).root


def check(condition, message):
    if not condition:
        raise AssertionError(message)
    print(f"  ok: {message}")


def one(dom, tag=None, **attrs):
    found = list(dom.find(tag, **attrs))
    if not found:
        raise AssertionError(f"no <{tag} {attrs}> in the page")
    return found[0]


def main():
    base = sys.argv[1].rstrip("/")
    print("Chromium --dump-dom")
    page = dump(base + "/")
    form = one(page, "form", id="query-form")
    check(form.attrs.get("action") == "/", "the query page has the form")
    check(one(page, "textarea", id="query").inner_text().strip() != "", "with a query in the text area")
    examples = list(page.find("select", id="examples"))
    if examples:
        options = [o for o in examples[0].find("option") if o.attrs.get("value")]
        check(len(options) > 0, f"{len(options)} library queries as examples")
        check("hidden" in one(page, "button", id="load").attrs, "the script ran (the Load button is hidden)")
    for e in page.find():
        for attr in ("src", "href"):
            value = e.attrs.get(attr) or ""
            if value.startswith(("http://", "https://", "//")) and e.tag in ("script", "link", "img"):
                raise AssertionError(f"the page loads {value}")
    check(True, "nothing is loaded from another host")

    query = "SELECT ?org ?name WHERE { ?org a lg:NationalTradeUnionCentre ; schema:name ?name } ORDER BY ?name"
    results = dump(base + "/?" + urllib.parse.urlencode({"query": query}))
    section = one(results, "section", id="results")
    rows = list(one(section, "table", cls="results").find("tr"))
    check(len(rows) >= 3, f"the results page has a table ({len(rows) - 1} rows)")
    links = [a.attrs["href"] for a in section.find("a") if a.attrs.get("href", "").startswith("/organisation/")]
    check(len(links) >= 2, f"linking into entity pages: {links}")

    entity = dump(base + links[0])
    title = one(entity, "h1").inner_text()
    check(title and "Trade Union" in title, f"the entity page is titled {title!r}")
    check(len(list(one(entity, "table", cls="statements").find("tr"))) > 5, "with its statements")
    quotes = [m.inner_text() for m in entity.find("mark")]
    check(len(quotes) > 0, f"and verbatim quotes, e.g. {quotes[0]!r}")
    sources = [a.attrs["href"] for a in one(entity, "ol", cls="sources").find("a") if "/source/" in a.attrs.get("href", "")]
    check(len(sources) > 0, "naming the source articles")

    ontology = dump(base + "/ontology#Meeting")
    check(one(ontology, "section", id="Meeting").inner_text().strip() != "", "ontology terms have anchors")
    missing = dump(base + "/person/no-such-person")
    check(one(missing, "h1").inner_text() == "Not found", "an unknown IRI shows the 404 page")
    print("browser: all checks passed")


if __name__ == "__main__":
    main()
