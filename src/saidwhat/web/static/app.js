// saidwhat article page: tooltips, statement hover groups, jump-to-statement links, upload size check.
// Text is only ever set with textContent: nothing from an article becomes markup.
"use strict";
(function () {
  var tooltip = null;

  function firstPiece(el) {
    var mark = el && el.closest ? el.closest("mark.st") : null;
    if (!mark) return null;
    return mark.hasAttribute("tabindex") ? mark
      : document.querySelector('mark.st[tabindex][data-st="' + mark.getAttribute("data-st") + '"]');
  }

  function pieces(first) {
    return document.querySelectorAll('mark.st[data-st="' + first.getAttribute("data-st") + '"]');
  }

  function show(el) {
    var first = firstPiece(el);
    if (!first) return;
    hide();
    var tip = document.getElementById(first.getAttribute("aria-describedby"));
    if (!tip) return;
    if (!tooltip) {
      tooltip = document.createElement("div");
      tooltip.id = "tooltip";
      tooltip.setAttribute("aria-hidden", "true");  // screen readers get it via aria-describedby
      document.body.appendChild(tooltip);
    }
    tooltip.textContent = tip.textContent;
    tooltip.hidden = false;
    pieces(first).forEach(function (p) { p.classList.add("active"); });
    var box = (el.closest("mark.st") || first).getBoundingClientRect();
    var top = box.bottom + 6;
    if (top + tooltip.offsetHeight > window.innerHeight) top = Math.max(0, box.top - tooltip.offsetHeight - 6);
    var left = Math.min(box.left, window.innerWidth - tooltip.offsetWidth - 8);
    tooltip.style.top = top + "px";
    tooltip.style.left = Math.max(4, left) + "px";
  }

  function hide() {
    if (tooltip) tooltip.hidden = true;
    document.querySelectorAll("mark.st.active").forEach(function (p) { p.classList.remove("active"); });
  }

  function jumpTo(id) {
    var target = document.getElementById(id);
    if (!target || !target.matches("mark.st")) return false;
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
    target.classList.remove("flash");
    void target.offsetWidth;  // restart the animation
    target.classList.add("flash");
    return true;
  }

  document.addEventListener("mouseover", function (e) { if (e.target.closest && e.target.closest("mark.st")) show(e.target); });
  document.addEventListener("mouseout", function (e) {
    if (e.target.closest && e.target.closest("mark.st") && !(document.activeElement && document.activeElement.matches("mark.st"))) hide();
  });
  document.addEventListener("focusin", function (e) { if (e.target.matches && e.target.matches("mark.st")) show(e.target); else hide(); });
  document.addEventListener("focusout", function (e) { if (e.target.matches && e.target.matches("mark.st")) hide(); });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
  window.addEventListener("scroll", hide, { passive: true });

  document.addEventListener("click", function (e) {
    var link = e.target.closest ? e.target.closest("a.jump") : null;
    if (!link) return;
    var id = decodeURIComponent(link.getAttribute("href").slice(1));
    if (jumpTo(id)) {
      e.preventDefault();
      history.replaceState(null, "", "#" + id);
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    if (location.hash) jumpTo(decodeURIComponent(location.hash.slice(1)));
    var form = document.getElementById("upload-form");
    if (!form) return;
    var input = form.querySelector("input[type=file]");
    var status = document.getElementById("upload-status");
    var limit = parseInt(form.getAttribute("data-limit"), 10);
    function check() {
      var f = input.files && input.files[0];
      if (f && f.size > limit) {
        status.textContent = "The file is too large (" + (f.size / 1048576).toFixed(1) + " MB); the limit is " +
          form.getAttribute("data-limit-mb") + " MB.";
        return false;
      }
      status.textContent = "";
      return true;
    }
    input.addEventListener("change", check);
    form.addEventListener("submit", function (e) { if (!check()) { e.preventDefault(); input.focus(); } });
  });
})();
