/* Letter pages: fill the letter in as the trainer types, and print it (saving it is
   letter-save.js). Without this file the page shows the letter with its blanks, and the
   downloads work. */
(function () {
  "use strict";
  var letter = document.getElementById("letter");
  if (!letter) return;

  var print = document.querySelector(".print-letter");
  if (print) {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }

  var form = document.getElementById("letter-form");
  if (!form) return;
  form.hidden = false;
  var list = document.querySelector(".letter-blanks-list");
  if (list) list.hidden = true;

  // Each blank keeps its "[Label]" so clearing a box shows the blank again.
  var blanks = letter.querySelectorAll(".blank[data-field]");
  Array.prototype.forEach.call(blanks, function (b) { b.setAttribute("data-blank", b.textContent); });

  function fill(input) {
    var value = input.value.trim();
    Array.prototype.forEach.call(blanks, function (b) {
      if (b.getAttribute("data-field") !== input.name) return;
      // textContent: what the trainer types is text, never markup.
      b.textContent = value || b.getAttribute("data-blank");
      b.classList.toggle("is-filled", value !== "");
    });
  }

  var inputs = form.querySelectorAll("input[name], textarea[name]");
  form.addEventListener("input", function (e) {
    if (e.target && e.target.name) fill(e.target);
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  // Values the browser kept (back and forward) fill in straight away.
  Array.prototype.forEach.call(inputs, fill);
})();
