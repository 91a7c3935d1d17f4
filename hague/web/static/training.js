// Training pages, progressive enhancement only: every form works without this file.
(function () {
  "use strict";
  // Choosing an Article for a State ticks that State ("may act"); unticking a State clears its Article.
  document.querySelectorAll("select[data-seat]").forEach(function (select) {
    var box = document.getElementById(select.getAttribute("data-seat"));
    if (!box) { return; }
    select.addEventListener("change", function () { if (select.value) { box.checked = true; } });
    box.addEventListener("change", function () { if (!box.checked) { select.value = ""; } });
  });
  // "No State may act" / "nothing is to be sent" and the other boxes of the same group exclude each other.
  document.querySelectorAll("input[data-none]").forEach(function (none) {
    var others = document.querySelectorAll("input[name='" + none.getAttribute("data-none") + "']:not([data-none])");
    none.addEventListener("change", function () {
      if (!none.checked) { return; }
      others.forEach(function (box) {
        box.checked = false;
        var article = box.getAttribute("data-article") && document.getElementById(box.getAttribute("data-article"));
        if (article) { article.value = ""; }
      });
    });
    others.forEach(function (box) { box.addEventListener("change", function () { if (box.checked) { none.checked = false; } }); });
  });
  // A chosen Article also clears "no State may act".
  document.querySelectorAll("select[data-seat]").forEach(function (select) {
    select.addEventListener("change", function () {
      var none = document.getElementById("seat-none");
      if (select.value && none) { none.checked = false; }
    });
  });
  // What if: choosing a fact puts its current value in the value field, ready to edit.
  var fact = document.getElementById("fact");
  var value = document.getElementById("value");
  if (fact && value) {
    fact.addEventListener("change", function () {
      var option = fact.options[fact.selectedIndex];
      if (option && option.hasAttribute("data-current")) { value.value = option.getAttribute("data-current"); }
    });
  }
}());
