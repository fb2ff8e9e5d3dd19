// The query page without a framework, and without which the page works
// too: choosing an example loads it at once, Ctrl+Enter (or Cmd+Enter)
// runs the query, and a query too long for a URL is sent with POST.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("query-form");
  const text = document.getElementById("query");
  if (!form || !text) return;
  const examples = document.getElementById("examples");
  const load = document.getElementById("load");
  if (examples) {
    if (load) load.hidden = true;
    examples.addEventListener("change", () => {
      const params = new URLSearchParams({ load: "1", name: examples.value });
      window.location.assign("/?" + params.toString());
    });
  }
  text.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener("submit", () => {
    form.method = text.value.length > 4000 ? "post" : "get";
  });
});
