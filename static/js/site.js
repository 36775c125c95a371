// Progressive enhancement only: every control works without this file.
(function () {
  "use strict";
  var SIZES = ["small", "normal", "large", "xlarge"];
  var COOKIE = "textsize";

  function currentSize() {
    var root = document.documentElement;
    for (var i = 0; i < SIZES.length; i++) {
      if (root.classList.contains("text-" + SIZES[i])) return SIZES[i];
    }
    return "normal";
  }

  function applySize(size) {
    var root = document.documentElement;
    SIZES.forEach(function (s) { root.classList.remove("text-" + s); });
    root.classList.add("text-" + size);
    var secure = location.protocol === "https:" ? "; Secure" : "";
    document.cookie = COOKIE + "=" + size + "; Max-Age=31536000; Path=/; SameSite=Lax" + secure;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-text-size]");
    if (!link) return;
    event.preventDefault();
    var action = link.getAttribute("data-text-size");
    var index = SIZES.indexOf(currentSize());
    if (action === "larger") index = Math.min(index + 1, SIZES.length - 1);
    else if (action === "smaller") index = Math.max(index - 1, 0);
    else index = SIZES.indexOf("normal");
    applySize(SIZES[index]);
  });

  // Skip links: move keyboard focus to the target, not just the scroll position.
  document.addEventListener("click", function (event) {
    var link = event.target.closest(".skip-links a");
    if (!link) return;
    var target = document.getElementById(link.getAttribute("href").slice(1));
    if (target) { target.focus(); }
  });

  // A form shown again with errors: take the reader to the list of what to correct.
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) { summary.focus(); }
  });
})();
