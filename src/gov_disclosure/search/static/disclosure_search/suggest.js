// 关键词推荐: fills the search box's <datalist> as people type. Without scripts the
// box is a plain search box; a failed request leaves the list as it was.
(function () {
  "use strict";
  var input = document.querySelector("input[data-suggest-url]");
  if (!input || !window.fetch) return;
  var list = document.getElementById(input.getAttribute("list"));
  var timer = null;
  var latest = "";

  function show(suggestions) {
    while (list.firstChild) list.removeChild(list.firstChild);
    suggestions.forEach(function (suggestion) {
      var option = document.createElement("option");
      option.value = suggestion.text;
      list.appendChild(option);
    });
  }

  input.addEventListener("input", function () {
    var text = input.value.trim();
    clearTimeout(timer);
    if (!text) return show([]);
    timer = setTimeout(function () {
      latest = text;
      var url = input.getAttribute("data-suggest-url") + "?q=" + encodeURIComponent(text);
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (data && text === latest) show(data.suggestions);
        })
        .catch(function () {});
    }, 150);
  });
})();
