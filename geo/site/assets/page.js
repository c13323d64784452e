// Bring the passage named by the URL (#m-<offset> or #q-<offset>) into view, marked.
(function () {
  "use strict";
  function show() {
    var id = decodeURIComponent(location.hash.slice(1));
    var previous = document.querySelector(".targeted");
    if (previous) { previous.classList.remove("targeted"); }
    var target = id && document.getElementById(id);
    if (target) {
      target.classList.add("targeted");
      target.scrollIntoView({block: "center"});
    }
  }
  window.addEventListener("hashchange", show);
  document.addEventListener("DOMContentLoaded", show);
})();
