// clinscribe review console: the one script. Selecting a draft sentence
// highlights the source segments it cites and, where there is a
// recording, plays it from the first of them. Nothing is stored in the
// browser (no localStorage, no sessionStorage, no cookies from here).
(function () {
  "use strict";

  function clear() {
    document.querySelectorAll(".evidence-hit").forEach(function (el) { el.classList.remove("evidence-hit"); });
    document.querySelectorAll("button.sentence[aria-pressed='true']").forEach(function (el) { el.setAttribute("aria-pressed", "false"); });
  }

  function seek(seg) {
    var audio = document.getElementById("recording");
    if (!audio || !seg || !seg.dataset.start) { return; }
    audio.currentTime = parseFloat(seg.dataset.start);
    var p = audio.play();
    if (p && p.catch) { p.catch(function () {}); }
  }

  function select(button) {
    clear();
    button.setAttribute("aria-pressed", "true");
    var ids = (button.dataset.evidence || "").split(" ").filter(Boolean);
    var first = null, found = 0;
    ids.forEach(function (id) {
      var seg = document.getElementById("src-" + id);
      if (seg) {
        seg.classList.add("evidence-hit");
        found++;
        if (!first) { first = seg; }
      }
    });
    var status = document.getElementById("evidence-status");
    if (status) {
      status.textContent = found === 0 ? "This sentence cites no source segment shown here."
        : "Highlighted " + found + " source segment" + (found === 1 ? "" : "s") + " this sentence cites.";
    }
    if (first) {
      first.scrollIntoView({ block: "nearest" });
      seek(first);
    }
  }

  document.addEventListener("click", function (e) {
    var b = e.target.closest("button.sentence");
    if (b) { select(b); return; }
    var seg = e.target.closest(".segment[data-start]");
    if (seg) { seek(seg); }
  });
})();
