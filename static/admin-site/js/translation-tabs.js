// The small part of jQuery UI's tabs widget that modeltranslation's tabbed fields use, served locally
// so the admin works offline. Tabs follow the WAI-ARIA tabs pattern (arrow keys move between languages).
(function ($) {
  "use strict";
  if (!$ || $.fn.tabs) return;

  function parts($container) {
    var $list = $container.children("ul").first();
    return { $list: $list, $items: $list.children("li"), $panels: $container.children("div") };
  }

  function activate($container, index, focus) {
    var p = parts($container);
    if (index < 0 || index >= p.$items.length) index = 0;
    var oldIndex = $container.data("mtTabsActive");
    p.$items.each(function (i) {
      var selected = i === index;
      $(this).toggleClass("ui-tabs-active ui-state-active", selected);
      $(this).children("a").attr({ "aria-selected": selected ? "true" : "false", tabindex: selected ? "0" : "-1" });
    });
    p.$panels.each(function (i) {
      $(this).toggleClass("ui-tabs-hide", i !== index).prop("hidden", i !== index);
    });
    $container.data("mtTabsActive", index);
    if (focus) p.$items.eq(index).children("a").trigger("focus");
    if (oldIndex !== undefined && oldIndex !== index) {
      $container.trigger("tabsactivate", [{
        newTab: p.$items.eq(index), oldTab: p.$items.eq(oldIndex),
        newPanel: p.$panels.eq(index), oldPanel: p.$panels.eq(oldIndex)
      }]);
    }
  }

  function setup($container, options) {
    var p = parts($container);
    $container.addClass("ui-tabs");
    p.$list.addClass("ui-tabs-nav").attr("role", "tablist");
    p.$items.attr("role", "presentation").each(function (i) {
      var $link = $(this).children("a");
      var $panel = p.$panels.eq(i);
      var panelId = $panel.attr("id");
      $link.attr({ role: "tab", id: panelId + "-tab", "aria-controls": panelId });
      $panel.addClass("ui-tabs-panel").attr({ role: "tabpanel", "aria-labelledby": panelId + "-tab" });
    });
    p.$list.on("click", "a", function (event) {
      event.preventDefault();
      activate($container, $(this).parent().index(), true);
    });
    p.$list.on("keydown", "a", function (event) {
      var count = parts($container).$items.length;
      var index = $(this).parent().index();
      var keys = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: count - 1 };
      if (!(event.key in keys)) return;
      event.preventDefault();
      activate($container, (keys[event.key] + count) % count, true);
    });
    activate($container, (options && options.active) || 0, false);
  }

  $.fn.tabs = function (options, name, value) {
    if (options === "option") {
      if (value === undefined) return this.first().data("mtTabsActive");
      return this.each(function () {
        if (name === "active") activate($(this), value, false);
      });
    }
    return this.each(function () { setup($(this), options); });
  };
})(window.jQuery || (window.django && window.django.jQuery));
