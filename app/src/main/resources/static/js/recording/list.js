// Recordings list on the videoconference tool page (loaded and refreshed by htmx, so listeners are delegated).
// "Copy playback link" puts Aula's playback URL on the clipboard; deleting asks for confirmation first.
document.addEventListener('click', function (event) {
  var button = event.target.closest('.rec-copy');
  if (!button) { return; }
  var url = button.dataset.copyUrl;
  var done = function () {
    var label = button.textContent;
    button.textContent = button.dataset.copiedLabel || label;
    setTimeout(function () { button.textContent = label; }, 2000);
  };
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(url).then(done, function () { window.prompt('', url); });
  } else {
    window.prompt('', url);
  }
});

document.addEventListener('submit', function (event) {
  var form = event.target.closest('.rec-delete-form');
  if (form && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
    event.stopPropagation(); // the page stays: other submit listeners must not think it is being left
  }
}, true);
