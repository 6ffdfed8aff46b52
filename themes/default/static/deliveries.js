/* Lists of deliveries (`ul[data-deliveries]`): the build lists every one with its last
   date (`data-last`) and zone (`data-timezone`); this script compares that date with today
   in that zone. `mark` lists (a programme's overview) mark a past delivery; `hide` lists
   (the home page's upcoming) hide it, and say so when none is left; a `hide` list with
   `data-show="N"` (a session page's runs) also hides the upcoming ones after the first N.
   Without script every delivery is listed plainly. `?now=YYYY-MM-DDTHH:MM` rehearses another day, as now.js does. */
(function () {
  "use strict";
  // The interface strings (theme/i18n-<lang>.js, loaded first); the message id without it.
  var T = (typeof window !== "undefined" && window.coursebookT) || (function () {
    var f = function (id) { return id; };
    f.parts = function (id) { return [id]; };
    return f;
  })();
  var override = /[?&]now=(\d{4}-\d{2}-\d{2})T/.exec(window.location.search);
  function today(zone) {
    if (override) return override[1];
    var f;
    try {
      f = new Intl.DateTimeFormat("en-GB", { timeZone: zone || "UTC", year: "numeric", month: "2-digit", day: "2-digit" });
    } catch (e) {
      f = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", year: "numeric", month: "2-digit", day: "2-digit" });
    }
    var o = {};
    f.formatToParts(new Date()).forEach(function (p) {
      o[p.type] = p.value;
    });
    return o.year + "-" + o.month + "-" + o.day;
  }
  function run() {
    var lists = document.querySelectorAll("ul[data-deliveries]");
    Array.prototype.forEach.call(lists, function (ul) {
      var hide = ul.getAttribute("data-deliveries") === "hide";
      var limit = parseInt(ul.getAttribute("data-show") || "", 10);
      var shown = 0;
      Array.prototype.forEach.call(ul.querySelectorAll("li[data-last]"), function (li) {
        var past = li.getAttribute("data-last") < today(li.getAttribute("data-timezone"));
        if (!past) {
          shown += 1;
          if (hide && limit > 0 && shown > limit) li.hidden = true;
          return;
        }
        if (hide) {
          li.hidden = true;
        } else {
          li.classList.add("past");
          var tag = document.createElement("span");
          tag.className = "badge past-badge";
          tag.textContent = T("past");
          li.appendChild(document.createTextNode(" "));
          li.appendChild(tag);
        }
      });
      if (hide && shown === 0) {
        var none = document.createElement("li");
        none.className = "none";
        none.textContent = T("no_upcoming");
        ul.appendChild(none);
      }
    });
  }
  if (typeof module !== "undefined") {
    module.exports = { today: today };
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
