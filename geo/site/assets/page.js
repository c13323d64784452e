// Bring the passage named by the URL (#m-<start>-<end> or #q-<start>-<end>) into view,
// marked: a quote cut into pieces around another is marked in all its pieces.
(function () {
  "use strict";
  function show() {
    var id = decodeURIComponent(location.hash.slice(1));
    document.querySelectorAll(".targeted").forEach(function (old) { old.classList.remove("targeted"); });
    var target = id && document.getElementById(id);
    if (target) {
      document.querySelectorAll("[data-part]").forEach(function (piece) {
        if (piece.getAttribute("data-part") === id) { piece.classList.add("targeted"); }
      });
      target.classList.add("targeted");
      target.scrollIntoView({block: "center"});
    }
  }
  window.addEventListener("hashchange", show);
  document.addEventListener("DOMContentLoaded", show);
})();
