// BigBlueButton development server client page. No audio/video: it only keeps the user "connected"
// (heartbeat every second), shows the participant list and offers Leave / End meeting.
(function () {
  'use strict';
  var token = new URLSearchParams(window.location.search).get('sessionToken') || '';
  var q = '?sessionToken=' + encodeURIComponent(token);
  var statusEl = document.getElementById('dev-status');
  var listEl = document.getElementById('dev-participants');
  var countEl = document.getElementById('dev-participant-count');
  var chatEl = document.getElementById('dev-chat');
  var gone = false;
  var timer = null;

  function setStatus(s) {
    statusEl.textContent = s;
    statusEl.setAttribute('data-status', s);
  }

  function leaveTo(url) {
    gone = true;
    if (timer) { clearInterval(timer); }
    window.location.assign(url || '/');
  }

  function render(state) {
    setStatus(state.status);
    countEl.textContent = String(state.participantCount);
    while (listEl.firstChild) { listEl.removeChild(listEl.firstChild); }
    state.participants.forEach(function (p) {
      var li = document.createElement('li');
      li.textContent = p.name + ' (' + p.role + ')' + (p.you ? ' — you' : '');
      li.setAttribute('data-role', p.role);
      li.setAttribute('data-name', p.name);
      listEl.appendChild(li);
    });
    while (chatEl.firstChild) { chatEl.removeChild(chatEl.firstChild); }
    (state.chat || []).forEach(function (c) {
      var li = document.createElement('li');
      li.textContent = c.from + ': ' + c.message;
      chatEl.appendChild(li);
    });
  }

  function beat() {
    if (gone) { return; }
    fetch('api/heartbeat' + q, { method: 'POST', cache: 'no-store' })
      .then(function (r) { return r.json(); })
      .then(function (state) {
        if (state.status === 'connected') { render(state); }
        else if (state.status === 'ended' || state.status === 'left') { setStatus(state.status); leaveTo(state.logoutURL); }
        else { setStatus(state.status); gone = true; clearInterval(timer); }
      })
      .catch(function () { setStatus('reconnecting'); });
  }

  document.getElementById('dev-leave').addEventListener('click', function () {
    fetch('api/leave' + q, { method: 'POST' })
      .then(function (r) { return r.json(); })
      .then(function (s) { leaveTo(s.logoutURL); })
      .catch(function () { leaveTo('/'); });
  });
  var endBtn = document.getElementById('dev-end');
  if (endBtn) {
    endBtn.addEventListener('click', function () {
      fetch('api/end' + q, { method: 'POST' })
        .then(function (r) { return r.json(); })
        .then(function (s) { leaveTo(s.logoutURL); });
    });
  }
  window.addEventListener('pagehide', function () {
    if (!gone && navigator.sendBeacon) { navigator.sendBeacon('api/leave' + q + '&beacon=1'); }
  });
  beat();
  timer = setInterval(beat, 1000);
}());
