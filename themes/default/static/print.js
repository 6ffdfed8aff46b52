// Print buttons. Each printable page holds <button data-print hidden>: hidden until this
// script shows it and wires it (the pages' policy allows no inline handler), so a page read
// without script has no button that does nothing. Print CSS hides the buttons on paper.
(function () {
  "use strict";
  function wire() {
    var buttons = document.querySelectorAll("button[data-print]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener("click", function () {
        window.print();
      });
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", wire);
  } else {
    wire();
  }
})();
