/* coursebook: small progressive enhancements. Pages work without this file.

   The live "now and next" marks on the timetable and sidebar are in now.js, which a
   programme's pages load with its schedule.js (the programme's clock, running late). */
(function () {
  "use strict";
})();
