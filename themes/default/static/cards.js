// Prompt cards: the page lists every prompt as a card; with script it becomes a deck, one
// card filling the screen. Arrow keys, Page Up/Down, Space (Shift+Space back), Home/End and
// a swipe move between cards; Escape or "All cards" shows the list again. The card shown
// is kept in the address (#card-3) so a reload stays on it. No data is fetched: the cards
// are the page, so it works from file://. Printing prints every card, one per page.
(function () {
  "use strict";
  // The interface strings (theme/i18n-<lang>.js, loaded first); the message id without it.
  var T = (typeof window !== "undefined" && window.coursebookT) || (function () {
    var f = function (id) { return id; };
    f.parts = function (id) { return [id]; };
    return f;
  })();
  function start() {
    var list = document.querySelector(".prompt-cards");
    if (!list) return;
    var cards = list.querySelectorAll(".prompt-card");
    var bar = document.querySelector(".deck-bar");
    var counter = bar && bar.querySelector(".deck-counter");
    var show = document.querySelector("[data-cards-show]");
    var body = document.body;
    var current = 0;
    if (!cards.length || !bar || !counter) return;

    // While the deck is shown, what lies under it cannot take focus or be read out.
    var under = document.querySelectorAll(".skip-link, .site-header, .sidebar, .site-footer, .edition-banner, main > :not(.prompt-cards):not(.deck-bar)");
    function cover(on) {
      for (var k = 0; k < under.length; k++) under[k].inert = on;
    }
    function go(i) {
      current = Math.max(0, Math.min(cards.length - 1, i));
      var deck = body.classList.contains("deck");
      for (var k = 0; k < cards.length; k++) {
        cards[k].classList.toggle("is-current", k === current);
        cards[k].inert = deck && k !== current;
      }
      counter.textContent = cards[current].getAttribute("data-counter");
      try {
        history.replaceState(null, "", "#" + cards[current].id);
      } catch (e) {
        /* some file:// setups refuse; the deck works without it */
      }
    }
    function open(i) {
      body.classList.add("deck");
      bar.hidden = false;
      cover(true);
      go(i);
    }
    function close() {
      body.classList.remove("deck");
      bar.hidden = true;
      cover(false);
      for (var k = 0; k < cards.length; k++) cards[k].inert = false;
      cards[current].scrollIntoView({ block: "center" });
    }
    function fromHash() {
      var m = /^#card-(\d+)$/.exec(location.hash);
      return m ? parseInt(m[1], 10) - 1 : 0;
    }

    document.addEventListener("keydown", function (e) {
      if (!body.classList.contains("deck") || e.altKey || e.ctrlKey || e.metaKey) return;
      var t = e.target;
      if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA")) return;
      var step = 0;
      switch (e.key) {
        case "ArrowRight": case "ArrowDown": case "PageDown": step = 1; break;
        case "ArrowLeft": case "ArrowUp": case "PageUp": step = -1; break;
        case " ": case "Spacebar": step = e.shiftKey ? -1 : 1; break;
        case "Home": go(0); e.preventDefault(); return;
        case "End": go(cards.length - 1); e.preventDefault(); return;
        case "Escape": close(); return;
        default: return;
      }
      e.preventDefault();
      go(current + step);
    });

    var x0 = null, y0 = null;
    document.addEventListener("touchstart", function (e) {
      if (e.touches.length !== 1) return;
      x0 = e.touches[0].clientX; y0 = e.touches[0].clientY;
    }, { passive: true });
    document.addEventListener("touchend", function (e) {
      if (x0 === null || !body.classList.contains("deck")) return;
      var dx = e.changedTouches[0].clientX - x0, dy = e.changedTouches[0].clientY - y0;
      x0 = null;
      if (Math.abs(dx) > 40 && Math.abs(dx) > Math.abs(dy)) go(current + (dx < 0 ? 1 : -1));
    }, { passive: true });

    bar.addEventListener("click", function (e) {
      var b = e.target.closest("button");
      if (!b) return;
      if (b.hasAttribute("data-cards-close")) close();
      else go(current + parseInt(b.getAttribute("data-card-step"), 10));
    });
    if (show) {
      show.hidden = false;
      show.addEventListener("click", function () { open(current); });
    }
    list.addEventListener("click", function (e) {
      if (body.classList.contains("deck") || e.target.closest("a")) return;
      var card = e.target.closest(".prompt-card");
      if (card) open(Array.prototype.indexOf.call(cards, card));
    });
    open(fromHash());
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
