// vaktaal pages: progressive enhancement only. Without scripts every page still works.
"use strict";

// Suggestions as you type, as an ARIA combobox: arrows move, Enter opens, Escape closes.
(function () {
  const input = document.getElementById("q");
  const list = document.getElementById("suggestions");
  if (!input || !list) return;
  const ui = document.documentElement.lang === "en" ? "en" : "nl";
  const useInstead = ui === "en" ? "use" : "gebruik";
  let options = [];
  let active = -1;
  let pending = null;

  function close() {
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    options = [];
    active = -1;
  }

  function select(index) {
    options.forEach((option, position) => option.element.setAttribute("aria-selected", String(position === index)));
    active = index;
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", options[index].element.id);
      options[index].element.scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function open(suggestion) {
    window.location.href = "/concepts/" + encodeURIComponent(suggestion.scheme) + "/" + encodeURIComponent(suggestion.id) +
      (new URLSearchParams(window.location.search).has("ui") ? "?ui=" + ui : "");
  }

  function show(suggestions) {
    list.replaceChildren();
    options = suggestions.map((suggestion, index) => {
      const element = document.createElement("li");
      element.id = "suggestion-" + index;
      element.setAttribute("role", "option");
      element.setAttribute("aria-selected", "false");
      const label = document.createElement("span");
      label.textContent = suggestion.label;
      if (suggestion.language) label.lang = suggestion.language;
      element.append(label);
      if (suggestion.outdated) {
        const advice = document.createElement("span");
        advice.className = "flag";
        advice.textContent = useInstead + " " + (suggestion.useInstead || suggestion.preferred);
        element.append(" ", advice);
      } else if (suggestion.preferred !== suggestion.label) {
        element.append(" → " + suggestion.preferred);
      }
      element.addEventListener("mousedown", (event) => { event.preventDefault(); open(suggestion); });
      list.append(element);
      return { element: element, suggestion: suggestion };
    });
    list.hidden = options.length === 0;
    input.setAttribute("aria-expanded", String(options.length > 0));
    active = -1;
  }

  input.addEventListener("input", () => {
    const typed = input.value.trim();
    if (pending) pending.abort();
    if (typed.length === 0) { close(); return; }
    pending = new AbortController();
    fetch("/v1/suggest?limit=8&q=" + encodeURIComponent(typed), { signal: pending.signal })
      .then((response) => (response.ok ? response.json() : []))
      .then(show)
      .catch(() => {});
  });

  input.addEventListener("keydown", (event) => {
    if (list.hidden) return;
    if (event.key === "ArrowDown") { event.preventDefault(); select(Math.min(active + 1, options.length - 1)); }
    else if (event.key === "ArrowUp") { event.preventDefault(); select(Math.max(active - 1, 0)); }
    else if (event.key === "Enter" && active >= 0) { event.preventDefault(); open(options[active].suggestion); }
    else if (event.key === "Escape") { event.preventDefault(); close(); }
  });
  input.addEventListener("blur", () => setTimeout(close, 150));
})();

// Copy buttons for concept URIs.
document.querySelectorAll("button.copy").forEach((button) => {
  if (!navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener("click", () => {
    const source = document.getElementById(button.dataset.copy);
    navigator.clipboard.writeText(source.textContent).then(() => { button.textContent = button.dataset.copied; });
  });
});

// A chosen file is read into the text area, so that its findings show in place.
(function () {
  const file = document.getElementById("file");
  const text = document.getElementById("text");
  const format = document.getElementById("format");
  if (!file || !text || !window.FileReader) return;
  file.addEventListener("change", () => {
    const chosen = file.files && file.files[0];
    if (!chosen) return;
    const name = chosen.name.toLowerCase();
    if (format) format.value = /\.(md|markdown)$/.test(name) ? "markdown" : /\.html?$/.test(name) ? "html" : "text";
    chosen.text().then((content) => { text.value = content; file.value = ""; });
  });
})();
