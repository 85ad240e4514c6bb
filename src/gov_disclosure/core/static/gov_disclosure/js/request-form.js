/* Request form: show only the applicant fieldset that matches the chosen applicant type.
   Progressive: without this script both fieldsets show, each saying when to fill it in. */
(function () {
  "use strict";
  var form = document.querySelector(".request-form");
  if (!form) return;
  var groups = {
    person: document.getElementById("person-fields"),
    organisation: document.getElementById("organisation-fields"),
  };
  var radios = form.querySelectorAll('input[name="applicant_kind"]');

  function update() {
    var chosen = form.querySelector('input[name="applicant_kind"]:checked');
    Object.keys(groups).forEach(function (kind) {
      // Before a choice, both stay visible; after it, only the matching one.
      groups[kind].hidden = Boolean(chosen) && chosen.value !== kind;
    });
  }

  radios.forEach(function (radio) { radio.addEventListener("change", update); });
  update();
})();
