// Conference page of the BBB-compatible development server. The heartbeat (every second) keeps the user connected
// and brings the meeting state: participants, chat, and for moderators the guests waiting in the lobby. A guest whose
// join answered WAIT polls the same heartbeat from the waiting room and enters the meeting once let in.
(function () {
  'use strict';
  var token = new URLSearchParams(window.location.search).get('sessionToken') || '';
  var q = '?sessionToken=' + encodeURIComponent(token);
  var T = JSON.parse(document.getElementById('dev-texts').textContent);
  var $ = function (id) { return document.getElementById(id); };
  var statusEl = $('dev-status');
  var listEl = $('dev-participants');
  var countEl = $('dev-participant-count');
  var chatEl = $('dev-chat');
  var gone = false;
  var timer = null;
  var knownGuests = {};

  function tr(key, name) { return (T[key] || key).replace('{0}', name || ''); }

  function setStatus(s) {
    statusEl.textContent = tr(s);
    statusEl.setAttribute('data-status', s);
  }

  function leaveTo(url) {
    gone = true;
    if (timer) { clearInterval(timer); }
    window.location.assign(url || '/');
  }

  function clear(el) { while (el.firstChild) { el.removeChild(el.firstChild); } }

  function showMeeting(on) {
    $('dev-lobby').hidden = on;
    ['dev-me', 'dev-people', 'dev-chat-section'].forEach(function (id) { $(id).hidden = !on; });
  }

  function renderGuests(guests) {
    var section = $('dev-guests');
    if (!section || !guests) { return; }
    section.hidden = guests.length === 0;
    $('dev-guest-count').textContent = String(guests.length);
    var list = $('dev-guest-list');
    clear(list);
    var seen = {};
    guests.forEach(function (g) {
      seen[g.id] = true;
      if (!knownGuests[g.id]) { $('dev-guest-announce').textContent = tr('guestArrived', g.name); }
      var li = document.createElement('li');
      li.setAttribute('data-name', g.name);
      li.appendChild(document.createTextNode(g.name + ' '));
      [['approve', 'approveName'], ['deny', 'denyName']].forEach(function (a) {
        var b = document.createElement('button');
        b.type = 'button';
        b.textContent = tr(a[0]);
        b.setAttribute('aria-label', tr(a[1], g.name));
        b.setAttribute('data-action', a[0]);
        b.addEventListener('click', function () { decide(a[0], g.id); });
        li.appendChild(b);
        li.appendChild(document.createTextNode(' '));
      });
      list.appendChild(li);
    });
    knownGuests = seen;
  }

  function decide(action, id) {
    fetch('api/guests' + q + '&action=' + action + '&id=' + encodeURIComponent(id), { method: 'POST' })
      .then(function (r) { return r.json(); })
      .then(function (s) { if (s.guestsWaiting) { renderGuests(s.guestsWaiting); } });
  }

  function render(state) {
    showMeeting(true);
    setStatus(state.status);
    countEl.textContent = String(state.participantCount);
    clear(listEl);
    state.participants.forEach(function (p) {
      var li = document.createElement('li');
      li.textContent = p.name + ' (' + tr(p.role) + (p.guest ? ', ' + tr('guest') : '') + ')' + (p.you ? ' — ' + tr('you') : '');
      li.setAttribute('data-role', p.role);
      li.setAttribute('data-name', p.name);
      if (p.guest) { li.setAttribute('data-guest', 'true'); }
      listEl.appendChild(li);
    });
    clear(chatEl);
    (state.chat || []).forEach(function (c) {
      var li = document.createElement('li');
      li.textContent = c.from + ': ' + c.message;
      chatEl.appendChild(li);
    });
    renderGuests(state.guestsWaiting);
  }

  function lobby(state) {
    showMeeting(false);
    statusEl.setAttribute('data-status', state.status);
    document.body.setAttribute('data-guest-status', state.status === 'denied' ? 'DENY' : 'WAIT');
    if (state.status === 'denied') {
      gone = true;
      clearInterval(timer);
      $('dev-lobby-text').textContent = tr('lobbyDenied');
      var back = $('dev-lobby-back');
      back.href = state.logoutURL || '/';
      back.hidden = false;
    }
  }

  function beat() {
    if (gone) { return; }
    fetch('api/heartbeat' + q, { method: 'POST', cache: 'no-store' })
      .then(function (r) { return r.json(); })
      .then(function (state) {
        if (state.status === 'connected') {
          document.body.setAttribute('data-guest-status', 'ALLOW');
          render(state);
        } else if (state.status === 'waiting' || state.status === 'denied') { lobby(state); }
        else if (state.status === 'ended' || state.status === 'left') { setStatus(state.status); leaveTo(state.logoutURL); }
        else { setStatus(state.status); gone = true; clearInterval(timer); }
      })
      .catch(function () { setStatus('reconnecting'); });
  }

  function endMeeting() {
    fetch('api/end' + q, { method: 'POST' })
      .then(function (r) { return r.json(); })
      .then(function (s) { leaveTo(s.logoutURL); });
  }

  $('dev-leave').addEventListener('click', function () {
    fetch('api/leave' + q, { method: 'POST' })
      .then(function (r) { return r.json(); })
      .then(function (s) { leaveTo(s.logoutURL); })
      .catch(function () { leaveTo('/'); });
  });
  var endBtn = $('dev-end');
  if (endBtn) {
    var dialog = $('dev-end-dialog');
    endBtn.addEventListener('click', function () {
      if (dialog.showModal) { dialog.showModal(); $('dev-end-cancel').focus(); }
      else if (window.confirm(tr('endConfirm'))) { endMeeting(); }
    });
    $('dev-end-cancel').addEventListener('click', function () { dialog.close(); endBtn.focus(); });
    $('dev-end-confirm').addEventListener('click', function () { dialog.close(); endMeeting(); });
    $('dev-guests-approve-all').addEventListener('click', function () { decide('approve', 'all'); });
    $('dev-guests-deny-all').addEventListener('click', function () { decide('deny', 'all'); });
  }
  window.addEventListener('pagehide', function () {
    if (!gone && navigator.sendBeacon) { navigator.sendBeacon('api/leave' + q + '&beacon=1'); }
  });
  beat();
  timer = setInterval(beat, 1000);
}());
