/* The assessment wizard, progressively enhanced. Everything works without this file:
   it only hides questions that are not asked, filters the list of measures as you type,
   keeps answers when a step of the progress list is chosen, and moves focus to errors. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var form = document.getElementById("wizard-form");

  function named(name) {
    return Array.prototype.filter.call(form.elements, function (el) { return el.name === name; });
  }

  function answer(block) {
    var live = named(block.getAttribute("data-when-name")).filter(function (el) { return !el.closest("[hidden]"); });
    if (!live.length) { return null; }
    if (block.hasAttribute("data-when-art33")) {
      var option = live[0].options ? live[0].options[live[0].selectedIndex] : null;
      return option && option.hasAttribute("data-art33") ? "art33" : "";
    }
    var value = "";
    live.forEach(function (el) { if (el.type !== "radio" || el.checked) { value = el.value; } });
    return value;
  }

  function update() {
    /* Blocks come after the answer that decides them, so one pass in document order settles chains. */
    Array.prototype.forEach.call(form.querySelectorAll(".wiz-when"), function (block) {
      var value = answer(block);
      if (block.hasAttribute("data-when-filled")) {
        block.hidden = !value;
        return;
      }
      var wanted = block.hasAttribute("data-when-art33") ? ["art33"] : block.getAttribute("data-when-values").split(" ");
      block.hidden = value === null || wanted.indexOf(value) < 0;
    });
  }

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function filter(input) {
    var select = document.getElementById(input.getAttribute("data-filter"));
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    Array.prototype.forEach.call(select.querySelectorAll("option[value]"), function (option) {
      if (!option.value) { return; }
      var text = fold(option.textContent + " " + (option.getAttribute("data-search") || ""));
      option.hidden = !option.selected && !words.every(function (w) { return text.indexOf(w) >= 0; });
    });
    Array.prototype.forEach.call(select.querySelectorAll("optgroup"), function (group) {
      group.hidden = !group.querySelector("option:not([hidden])");
    });
    /* While searching, the matches are shown as an open list to pick from: one row for the empty
       choice, one for each group heading and one for each match, so that none is cut off. */
    var shown = select.querySelectorAll("option[value]:not([value='']):not([hidden])").length;
    var headings = select.querySelectorAll("optgroup:not([hidden])").length;
    var count = document.getElementById(select.id + "-count");
    if (words.length) {
      select.size = Math.min(10, Math.max(2, shown + headings + 1));
      if (count) { count.textContent = count.getAttribute(shown === 1 ? "data-one" : "data-many").replace("%n", shown); }
    } else {
      select.removeAttribute("size");
      if (count) { count.textContent = ""; }
    }
  }

  function saveAndGo(event) {
    /* A step of the progress list: save what was typed (without checking it), then go there. */
    event.preventDefault();
    var action = document.createElement("input");
    action.type = "hidden";
    action.name = "action";
    action.value = "goto:" + event.currentTarget.getAttribute("data-step");
    form.appendChild(action);
    form.submit();
  }

  if (form) {
    form.addEventListener("change", update);
    update();
    Array.prototype.forEach.call(form.querySelectorAll("input[data-filter]"), function (input) {
      input.addEventListener("input", function () { filter(input); });
      input.addEventListener("keydown", function (event) {
        if (event.key === "Enter") { event.preventDefault(); }
      });
    });
    Array.prototype.forEach.call(document.querySelectorAll(".wiz-progress a[data-step]"), function (link) {
      link.addEventListener("click", saveAndGo);
    });
  }

  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  } else if (location.hash.length > 1) {
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    var fields = "input:not([type=hidden]), select, textarea";
    var first = target && (target.matches(fields) ? target : target.querySelector(fields));
    if (first) { first.focus(); }
  }
})();
