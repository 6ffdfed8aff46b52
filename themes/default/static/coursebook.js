/* coursebook: small progressive enhancements. Pages work without this file. */
(function () {
  "use strict";
})();
