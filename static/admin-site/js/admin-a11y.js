// Names for controls that Django's and modeltranslation's admin scripts add without one: the language
// switch above translated fields (axe "select-name") and the search icons of the two-box selectors
// ("aria-prohibited-attr" on a span). The label text comes from the page, in the admin's language.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="portal-language-switch-label"]');

  function name(root) {
    var select = root.querySelector ? root.querySelector("#modeltranslation-main-switch") : null;
    if (select && meta && !select.hasAttribute("aria-label")) {
      select.setAttribute("aria-label", meta.getAttribute("content"));
    }
    var icons = document.querySelectorAll(".search-label-icon[aria-label]:not([role])");
    for (var i = 0; i < icons.length; i++) icons[i].setAttribute("role", "img");
  }

  new MutationObserver(function () { name(document); })
    .observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", function () { name(document); });
})();
