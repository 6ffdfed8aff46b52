// SCORM 1.2: loaded only by the session pages of a `build --lms scorm12` package (each one a
// SCO), never by the site's own pages. It finds the platform's API object as the SCORM 1.2
// run-time environment describes (window.API in this window's parents, then in the opener's),
// starts the session, records it as completed (opening a session page is what a participant
// does with it), commits, and finishes when the page goes away. Without an API (the page
// opened on its own) it does nothing, and the page works unchanged.
(function () {
  "use strict";
  // The RTE's own bound: no frame tree is deeper than this.
  var MAX_HOPS = 500;

  function apiIn(win) {
    var hops = 0;
    try {
      while (win && !win.API && win.parent && win.parent !== win && hops < MAX_HOPS) {
        hops++;
        win = win.parent;
      }
      return win && win.API ? win.API : null;
    } catch (e) {
      // A frame of another origin: no API we may use there.
      return null;
    }
  }

  function findApi() {
    var api = apiIn(window);
    if (!api) {
      try {
        if (window.opener) {
          api = apiIn(window.opener);
        }
      } catch (e) {
        api = null;
      }
    }
    return api;
  }

  var api = findApi();
  if (!api) {
    return;
  }
  var started = false;
  var finished = false;
  // api[name](...the rest), as a string; "false" when the platform has no such call or throws.
  function call(name) {
    var args = Array.prototype.slice.call(arguments, 1);
    try {
      return typeof api[name] === "function" ? String(api[name].apply(api, args)) : "false";
    } catch (e) {
      return "false";
    }
  }
  started = call("LMSInitialize", "") === "true";
  if (!started) {
    return;
  }
  // A status the platform already holds as passed stays so; anything else becomes completed.
  var status = call("LMSGetValue", "cmi.core.lesson_status");
  if (status !== "passed" && status !== "completed") {
    call("LMSSetValue", "cmi.core.lesson_status", "completed");
  }
  call("LMSCommit", "");
  function finish() {
    if (started && !finished) {
      finished = true;
      call("LMSFinish", "");
    }
  }
  // pagehide where the browser has it (unload is being retired); unload in older ones.
  window.addEventListener("onpagehide" in window ? "pagehide" : "unload", finish);
})();
