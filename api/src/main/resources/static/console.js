// Progressive enhancement only: every console page works without this script.
document.addEventListener("DOMContentLoaded", function () {
  var all = document.getElementById("select-all");
  if (all) {
    all.addEventListener("change", function () {
      document.querySelectorAll("input.pick").forEach(function (box) { box.checked = all.checked; });
    });
  }
  var dimension = document.getElementById("bulk-dimension");
  var value = document.getElementById("bulk-value");
  if (dimension && value) {
    var sync = function () {
      var first = null;
      value.querySelectorAll("option").forEach(function (option) {
        var match = option.getAttribute("data-dimension") === dimension.value;
        option.hidden = !match;
        if (match && first === null) { first = option; }
      });
      if (first && value.selectedOptions.length && value.selectedOptions[0].hidden) { first.selected = true; }
    };
    dimension.addEventListener("change", sync);
    sync();
  }
});
