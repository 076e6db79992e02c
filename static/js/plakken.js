// Paste from Word or a web page into a Markdown textarea keeps bold, italic, lists,
// links and headings: the pasted HTML goes to the server (data-plakken, beheer:plakken),
// which returns it as the portal's Markdown subset, and that is pasted instead.
// Without this script the browser pastes plain text, which the form tidies on save.
// Listens on the document, so textareas that htmx swaps in later work too.
(function () {
  "use strict";

  function csrfToken(textarea) {
    var scope = textarea.form || document;
    var input = scope.querySelector("input[name=csrfmiddlewaretoken]") ||
      document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function insert(textarea, text, start, end) {
    textarea.focus();
    textarea.setSelectionRange(start, end);
    // insertText keeps the browser's undo; setRangeText where that is not supported.
    if (!document.execCommand || !document.execCommand("insertText", false, text)) {
      textarea.setRangeText(text, start, end, "end");
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }

  document.addEventListener("paste", function (event) {
    var textarea = event.target;
    if (!(textarea instanceof HTMLTextAreaElement) || !textarea.dataset.plakken) return;
    var data = event.clipboardData;
    var html = data && data.getData("text/html");
    if (!html) return; // plain text: the browser pastes it, the server tidies it on save
    event.preventDefault();
    var plain = data.getData("text/plain");
    var start = textarea.selectionStart;
    var end = textarea.selectionEnd;
    var body = new FormData();
    body.append("html", html);
    textarea.setAttribute("aria-busy", "true");
    fetch(textarea.dataset.plakken, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(textarea) },
    })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (result) {
        insert(textarea, result.markdown, start, end);
      })
      .catch(function () {
        insert(textarea, plain, start, end);
      })
      .finally(function () {
        textarea.removeAttribute("aria-busy");
      });
  });
})();
