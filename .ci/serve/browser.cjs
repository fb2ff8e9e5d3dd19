// The query page's script, driven in Debian's Chromium with playwright-core
// (no browser download): choosing an example loads it, Ctrl+Enter runs the
// query, a query too long for a URL is sent with POST, and a result links
// to its entity page. Any script error in the page fails the run.
//
// Usage: NODE_PATH=…/node_modules node browser.cjs http://HOST:PORT [screenshot.png]
"use strict";
const { chromium } = require("playwright-core");

function check(condition, message) {
  if (!condition) throw new Error(message);
  console.log(`  ok: ${message}`);
}

async function main() {
  const base = process.argv[2].replace(/\/$/, "");
  const screenshot = process.argv[3];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking"],
  });
  const errors = [];
  try {
    const page = await browser.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    console.log("Chromium driven by playwright-core");
    await page.goto(`${base}/`);

    const examples = await page.$$eval("#examples option", (os) => os.map((o) => o.value).filter(Boolean));
    if (examples.length > 0) {
      check(await page.isHidden("#load"), "the Load button is hidden: choosing is enough");
      await Promise.all([page.waitForURL(/load=1/), page.selectOption("#examples", examples[0])]);
      const text = await page.inputValue("#query");
      check(text.includes("# title:"), `choosing "${examples[0]}" loads its text`);
      await Promise.all([page.waitForURL(/query=/), page.click("#run")]);
      check(await page.isVisible("#results"), "running an example shows results");
    }

    const query = "SELECT ?org ?name WHERE { ?org a lg:NationalTradeUnionCentre ; schema:name ?name } ORDER BY ?name";
    await page.fill("#query", query);
    await Promise.all([page.waitForURL(/query=/), page.press("#query", "Control+Enter")]);
    const rows = await page.$$eval("#results table.results tbody tr", (r) => r.length);
    check(rows >= 2, `Ctrl+Enter runs the query: ${rows} rows`);

    const long = `# ${"padding ".repeat(600)}\n${query}`;
    await page.fill("#query", long);
    await Promise.all([page.waitForLoadState("load"), page.waitForResponse((r) => r.request().method() === "POST"), page.click("#run")]);
    const posted = await page.$$eval("#results table.results tbody tr", (r) => r.length);
    check(posted === rows, `a ${long.length}-character query is POSTed and answered`);

    const link = page.locator('#results a[href^="/organisation/"]').first();
    const href = await link.getAttribute("href");
    await Promise.all([page.waitForURL((u) => u.pathname === href), link.click()]);
    const title = (await page.textContent("h1")).trim();
    check(title.length > 0, `a result opens its entity page: "${title}"`);
    const quotes = await page.$$eval("blockquote.quote mark", (m) => m.length);
    check(quotes > 0, `which shows ${quotes} verbatim quotes`);
    if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
    check(errors.length === 0, `no script errors ${errors.join("; ")}`);
  } finally {
    await browser.close();
  }
  console.log("browser script: all checks passed");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
