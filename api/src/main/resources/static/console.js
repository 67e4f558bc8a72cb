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
  // Copy buttons: the text is in data-copy, or in the element data-copy-from names. Without
  // script the link sits in a read-only field next to the button, ready to select.
  document.querySelectorAll("button.copy").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var from = button.getAttribute("data-copy-from");
      var text = from ? document.getElementById(from).value : button.getAttribute("data-copy");
      var done = function () {
        var label = button.textContent;
        button.textContent = button.getAttribute("data-copied") || "\u2713";
        button.classList.add("copied");
        setTimeout(function () { button.textContent = label; button.classList.remove("copied"); }, 1500);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
      } else {
        fallback(text);
        done();
      }
    });
  });
  // Plain-http pages have no clipboard API: copy through a selected, hidden text area.
  function fallback(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    document.execCommand("copy");
    document.body.removeChild(area);
  }
});
