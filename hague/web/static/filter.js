/* Live filtering of the reference pages as one types (progressive enhancement).
 * Without this script the search form is sent and the server hides what does not match; the
 * matching rules here are the server's (hague/web/reference.py: fold, matches, article_matches). */
(function () {
  "use strict";

  var NUMBER_QUERY = /^(?:(art|biib|biia|1980 art)\.? ?)?(\d+)$/;

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/\u00df/g, "ss").split(/\s+/).filter(Boolean).join(" ");
  }

  function matches(query, item) {
    var number = item.getAttribute("data-number");
    var wanted = number === null ? null : NUMBER_QUERY.exec(query);
    if (wanted) {
      var prefix = wanted[1];
      return (!prefix || prefix === item.getAttribute("data-prefix")) && wanted[2] === number;
    }
    var text = item.getAttribute("data-search") || "";
    return query.split(" ").every(function (word) { return text.indexOf(word) !== -1; });
  }

  function setHidden(element, hidden) {
    if (hidden) { element.setAttribute("hidden", ""); } else { element.removeAttribute("hidden"); }
  }

  function apply(form, input) {
    var query = fold(input.value);
    var items = document.querySelectorAll(form.getAttribute("data-filter-items"));
    var shown = 0;
    items.forEach(function (item) {
      var visible = query === "" || matches(query, item);
      setHidden(item, !visible);
      if (visible) { shown += 1; }
    });
    var groups = form.getAttribute("data-filter-groups");
    if (groups) {
      document.querySelectorAll(groups).forEach(function (group) {
        var empty = group.querySelector(form.getAttribute("data-filter-items") + ":not([hidden])") === null;
        setHidden(group, empty);
        var entry = document.querySelector('[data-toc-for="' + group.id + '"]');
        if (entry) { setHidden(entry, empty); }
      });
    }
    var count = document.getElementById("filter-count");
    if (count && count.getAttribute("data-template")) {
      count.textContent = count.getAttribute("data-template")
        .replace("{shown}", String(shown)).replace("{total}", String(items.length));
    }
    var none = document.getElementById("filter-empty");
    if (none) { setHidden(none, shown > 0); }
    if (window.history && window.history.replaceState) {
      var url = new URL(window.location.href);
      if (input.value.trim()) { url.searchParams.set("q", input.value.trim()); } else { url.searchParams.delete("q"); }
      window.history.replaceState(null, "", url.toString());
    }
  }

  document.querySelectorAll("form[data-filter-items]").forEach(function (form) {
    var input = form.querySelector('input[type="search"]');
    if (!input) { return; }
    input.addEventListener("input", function () { apply(form, input); });
  });
})();
