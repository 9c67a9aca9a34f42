// The live precedent check on the new-report form: while the author types a title and summary, the most similar
// published reports appear below them. Progressive enhancement: without this script the form's own step
// ("Visa liknande rapporter") does the same on submit. The fragment is the server's own encoded HTML.
(() => {
  "use strict";
  const form = document.querySelector("form[data-precedents]");
  const target = document.getElementById("precedents");
  const title = document.getElementById("Input_Title");
  const summary = document.getElementById("Input_Summary");
  if (!form || !target || !title || !summary || !window.fetch) return;

  let timer = 0;
  let asked = "";
  let pending = null;
  // aria-busy while an answer is on its way, so assistive technology announces the region once, when it is done.
  const busy = (on) => target.setAttribute("aria-busy", on ? "true" : "false");

  const update = async () => {
    const text = `${title.value.trim()}\n${summary.value.trim()}`;
    if (text.trim().length < 8 || text === asked) {
      if (!pending) busy(false);
      return;
    }
    asked = text;
    pending?.abort();
    const mine = new AbortController();
    pending = mine;
    busy(true);
    const url = new URL(form.dataset.precedents, window.location.href);
    url.searchParams.set("title", title.value);
    url.searchParams.set("summary", summary.value);
    try {
      const response = await fetch(url, { signal: mine.signal, headers: { Accept: "text/html" }, credentials: "same-origin" });
      if (!response.ok) return;
      const chosen = form.querySelector("input[name=BuildsOn]:checked")?.value;
      target.innerHTML = await response.text();
      if (chosen) {
        const again = [...target.querySelectorAll("input[name=BuildsOn]")].find((input) => input.value === chosen);
        if (again) again.checked = true;
      }
      // The choice now comes from the radio buttons: drop the empty carrier of a choice made elsewhere.
      const carrier = form.querySelector("input[type=hidden][name=BuildsOn]");
      if (carrier && !carrier.value && target.querySelector("input[name=BuildsOn]")) carrier.remove();
    } catch {
      // offline or aborted by newer typing: the step button still works
    } finally {
      if (pending === mine) {
        pending = null;
        if (!timer) busy(false);
      }
    }
  };

  for (const field of [title, summary]) {
    field.addEventListener("input", () => {
      window.clearTimeout(timer);
      busy(true);
      timer = window.setTimeout(() => {
        timer = 0;
        update();
      }, 500);
    });
  }
})();
