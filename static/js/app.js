// Progressive enhancement only: every page works without this file.
// - Drag and drop (or choose) a spec file: its text goes into the editor.
// - Compile forms submit in the background with a visible progress line; the
//   answer (errors or the next page) replaces the page without a full reload.
// - "line N" links in compile errors select that line in the editor.
// Listeners are delegated from `document`, so they survive the body swap.
(function () {
  "use strict";

  function specTextarea(from) {
    var form = from.closest("form");
    return (form && form.querySelector("textarea[name=openapi]")) || document.getElementById("spec-text");
  }

  function loadFileInto(file, textarea, fileInput) {
    if (!file || !textarea) return;
    file.text().then(function (text) {
      textarea.value = text;
      if (fileInput) fileInput.value = "";
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    });
  }

  document.addEventListener("change", function (event) {
    var input = event.target;
    if (input.matches && input.matches("[data-dropzone] input[type=file]") && input.files.length) {
      loadFileInto(input.files[0], specTextarea(input), input);
    }
  });

  ["dragenter", "dragover"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var zone = event.target.closest && event.target.closest("[data-dropzone], textarea[name=openapi]");
      if (!zone) return;
      event.preventDefault();
      var dropzone = zone.closest("form").querySelector("[data-dropzone]");
      if (dropzone) dropzone.classList.add("is-dragging");
    });
  });

  ["dragleave", "drop"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var zone = event.target.closest && event.target.closest("[data-dropzone], textarea[name=openapi]");
      if (!zone) return;
      var dropzone = zone.closest("form").querySelector("[data-dropzone]");
      if (dropzone) dropzone.classList.remove("is-dragging");
      if (type === "drop" && event.dataTransfer && event.dataTransfer.files.length) {
        event.preventDefault();
        loadFileInto(event.dataTransfer.files[0], specTextarea(zone), zone.closest("form").querySelector("input[type=file]"));
      }
    });
  });

  function swapPage(html, url) {
    var next = new DOMParser().parseFromString(html, "text/html");
    document.title = next.title;
    document.body.className = next.body.className;
    document.body.replaceChildren.apply(document.body, Array.prototype.slice.call(next.body.childNodes));
    if (url && url !== window.location.href) window.history.pushState({}, "", url);
    var problem = document.getElementById("compile-errors");
    (problem || document.body).scrollIntoView({ behavior: "smooth", block: "start" });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches("[data-compile-form]") || !window.fetch || !window.DOMParser) return;
    event.preventDefault();
    var progress = form.querySelector("[data-progress]");
    var buttons = form.querySelectorAll("button");
    var data = new FormData(form);
    if (event.submitter && event.submitter.name) data.append(event.submitter.name, event.submitter.value);
    if (progress) progress.hidden = false;
    buttons.forEach(function (button) { button.disabled = true; });
    var started = Date.now();
    var timer = window.setInterval(function () {
      var label = progress && progress.querySelector("[data-progress-text]");
      if (label) label.textContent = "Compiling… " + Math.round((Date.now() - started) / 1000) + "s";
    }, 1000);
    fetch(form.action, { method: "POST", body: data, credentials: "same-origin" })
      .then(function (response) {
        return response.text().then(function (html) { swapPage(html, response.url); });
      })
      .catch(function () { form.submit(); })
      .finally(function () {
        window.clearInterval(timer);
        if (progress) progress.hidden = true;
        buttons.forEach(function (button) { button.disabled = false; });
      });
  });

  window.addEventListener("popstate", function () { window.location.reload(); });

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.line-ref[data-line]");
    var textarea = document.getElementById("spec-text");
    if (!link || !textarea) return;
    event.preventDefault();
    var line = parseInt(link.getAttribute("data-line"), 10);
    var lines = textarea.value.split("\n");
    var start = lines.slice(0, line - 1).join("\n").length + (line > 1 ? 1 : 0);
    var end = start + (lines[line - 1] || "").length;
    textarea.focus();
    textarea.setSelectionRange(start, end);
    var lineHeight = parseFloat(window.getComputedStyle(textarea).lineHeight) || 18;
    textarea.scrollTop = Math.max(0, (line - 3) * lineHeight);
  });
})();
