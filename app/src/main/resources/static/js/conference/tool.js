// Videoconference tool page: listens to the room's events (Server-Sent Events from Aula, never BBB).
// "Wait and join automatically" submits the join form (POST with CSRF token) as soon as the room opens;
// otherwise a change of open/closed reloads the page so the buttons match the room.
document.addEventListener('DOMContentLoaded', function () {
  var page = document.getElementById('vc-page');
  if (!page || !window.EventSource) { return; }
  var wasOpen = page.dataset.open === 'true';
  var autoJoin = document.getElementById('vc-auto-join');
  var joinForm = document.getElementById('vc-join-form');
  var status = document.getElementById('vc-wait-status');
  var storageKey = 'aula.vc.autoJoin.' + page.dataset.course;
  var leaving = false;

  if (autoJoin) {
    autoJoin.checked = sessionStorage.getItem(storageKey) === 'true';
    autoJoin.addEventListener('change', function () {
      sessionStorage.setItem(storageKey, autoJoin.checked ? 'true' : 'false');
      if (status) { status.hidden = !autoJoin.checked; }
      if (autoJoin.checked && wasOpen) { join(); }
    });
    if (status) { status.hidden = !autoJoin.checked; }
  }

  function join() {
    if (leaving || !joinForm) { return; }
    leaving = true;
    sessionStorage.removeItem(storageKey);
    joinForm.submit(); // form.submit() fires no submit event
  }

  // EventSource reconnects by itself after a dropped connection (the server sends retry: 2000);
  // on every (re)connect the server first sends the current state, so nothing is missed.
  var source = new EventSource(page.dataset.events);
  // Once the user starts, joins or ends, the page is being left: no reload must interrupt that navigation.
  document.addEventListener('submit', function () { leaving = true; source.close(); });
  source.addEventListener('room-open', function () {
    if (leaving) { return; }
    if (autoJoin && autoJoin.checked) { source.close(); join(); return; }
    if (!wasOpen) { source.close(); window.location.reload(); }
  });
  source.addEventListener('room-closed', function () {
    if (wasOpen && !leaving) { source.close(); window.location.reload(); }
  });
  window.addEventListener('pagehide', function () { source.close(); });
});
