// sergur's own script (loaded as a file: the Content Security Policy allows no inline script).

// After htmx swaps a new result in, move keyboard and screen-reader focus to its heading, so
// the reader lands on the result, as they would after a normal page load.
document.addEventListener("htmx:afterSettle", function (event) {
  var target = event.target;
  if (!target || target.id !== "result") {
    return;
  }
  var heading = target.querySelector("[data-result-heading]");
  if (heading) {
    heading.focus();
  }
});

// htmx swaps nothing when a request fails; say so in the result area instead of staying
// silent. The texts come translated from the page (data-error-* on the target).
function sergurShowRequestError(event, kind) {
  var target = event.detail && event.detail.target;
  if (!target || !target.dataset) {
    return;
  }
  var text = target.dataset[kind];
  if (!text) {
    return;
  }
  var note = document.createElement("p");
  note.className = "request-error";
  note.setAttribute("role", "alert");
  note.textContent = text;
  target.replaceChildren(note);
}
document.addEventListener("htmx:responseError", function (event) {
  sergurShowRequestError(event, "errorResponse");
});
document.addEventListener("htmx:sendError", function (event) {
  sergurShowRequestError(event, "errorNetwork");
});

// The main menu folds behind a "Menu" button on a phone (sergur.css); without this script
// it stays open, so the pages work without JavaScript too.
document.documentElement.classList.add("js");
document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest(".menu-toggle");
  if (!button) {
    return;
  }
  var nav = button.closest("nav");
  var open = nav.classList.toggle("open");
  button.setAttribute("aria-expanded", open ? "true" : "false");
});
