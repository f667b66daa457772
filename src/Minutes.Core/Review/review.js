(function () {
  'use strict';
  var audio = document.getElementById('recording');
  var stopAt = null;

  function segment(id) { return document.getElementById('seg-' + id); }

  function clearActive() {
    document.querySelectorAll('.active').forEach(function (e) { e.classList.remove('active'); });
  }

  // Seeks only once the metadata is there: before that a seek may be ignored.
  function playSpan(start, end) {
    if (!audio) { return; }
    stopAt = end;
    var go = function () {
      audio.currentTime = start;
      var playing = audio.play();
      if (playing && playing.catch) { playing.catch(function () { }); }
    };
    if (audio.readyState >= 1) { go(); } else { audio.addEventListener('loadedmetadata', go, { once: true }); audio.load(); }
  }

  function showCitation(link) {
    clearActive();
    var statement = link.closest('.statement');
    if (statement) { statement.classList.add('active'); }
    var segments = (link.getAttribute('data-cites') || '').split(' ').filter(Boolean).map(segment).filter(Boolean);
    segments.forEach(function (s) { s.classList.add('active'); });
    if (segments.length === 0) { return; }
    segments[0].scrollIntoView({ block: 'center' });
    var start = Math.min.apply(null, segments.map(function (s) { return Number(s.dataset.start); }));
    var end = Math.max.apply(null, segments.map(function (s) { return Number(s.dataset.end); }));
    playSpan(start, end);
  }

  if (audio) {
    audio.addEventListener('timeupdate', function () {
      if (stopAt !== null && audio.currentTime >= stopAt) { audio.pause(); stopAt = null; }
    });
  }

  document.addEventListener('click', function (e) {
    var link = e.target.closest('a.cite');
    if (link) { e.preventDefault(); showCitation(link); return; }
    var play = e.target.closest('button.play');
    if (play) {
      var seg = play.closest('.seg');
      clearActive();
      seg.classList.add('active');
      playSpan(Number(seg.dataset.start), Number(seg.dataset.end));
    }
  });
  // The workbench: only on a page served by 'minutes review --serve' (it carries the panel and
  // was opened with the token). The static file has no panel and stays read-only.
  var panel = document.getElementById('workbench');
  var token = new URLSearchParams(location.search).get('token');
  if (!panel || !token || location.protocol !== 'http:') { return; }
  var labels = JSON.parse(panel.getAttribute('data-labels'));
  var message = document.getElementById('wb-message');
  var reviewer = document.getElementById('wb-reviewer');
  var corrections = 0;
  var speakers = [];
  reviewer.value = sessionStorage.getItem('minutes-reviewer') || '';
  reviewer.addEventListener('change', function () { sessionStorage.setItem('minutes-reviewer', reviewer.value); });

  // The recording and the trace links are files of the run: they need the token too.
  function withToken(url) { return url + (url.indexOf('?') < 0 ? '?' : '&') + 'token=' + encodeURIComponent(token); }
  if (audio) { audio.src = withToken(audio.getAttribute('src')); }
  document.querySelectorAll('#traces a').forEach(function (a) { a.href = withToken(a.getAttribute('href')); });

  function say(text, error) { message.textContent = text; message.className = error ? 'error' : ''; }

  function call(method, path, body) {
    var init = { method: method, headers: { 'X-Minutes-Token': token } };
    if (body) { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
    return fetch(path, init).then(function (r) {
      return r.json().then(function (data) { return { status: r.status, data: data }; });
    });
  }

  function post(path, body) {
    body.reviewer = reviewer.value;
    return call('POST', path, body).then(function (r) {
      if (r.status !== 200) { say(r.data.error, true); return r; }
      say(r.data.message, false);
      apply(r.data);
      if (r.data.reload) { location.reload(); }
      return r;
    });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function showSegment(s) {
    var li = segment(s.id);
    if (!li) { return; }
    li.dataset.digest = s.digest;
    li.dataset.speaker = s.speaker || '';
    li.querySelector('.text').textContent = s.text;
    li.querySelector('.speaker').textContent = s.speakerName || s.speaker || '?';
  }

  function showStatement(s) {
    var item = document.getElementById('item-' + s.id);
    if (!item) { return; }
    var unsupported = s.status === 'unsupported';
    item.classList.toggle('unsupported', unsupported);
    item.classList.toggle('checked', !!s.checkedBy);
    item.dataset.text = s.text;
    var flag = item.querySelector('.wb-flag');
    if (unsupported && !flag) {
      flag = el('span', 'badge flag wb-flag', labels.ReviewUnsupported);
      item.insertBefore(flag, item.firstChild);
    }
    if (flag) { if (unsupported) { flag.title = s.reasons.join('\n'); } else { flag.remove(); } }
    var check = item.querySelector('.wb-check');
    if (!check) {
      check = el('button', 'wb-tool wb-check');
      check.type = 'button';
      check.addEventListener('click', function () { post('/api/checks', { statement: s.id }); });
      item.appendChild(check);
    }
    check.textContent = s.checkedBy ? '✓ ' + labels.WorkbenchChecked + ' (' + s.checkedBy + ')' : labels.WorkbenchMarkChecked;
    if (!item.querySelector('.wb-edit-statement')) {
      var pen = el('button', 'wb-tool wb-edit-statement', labels.WorkbenchEdit);
      pen.type = 'button';
      pen.addEventListener('click', function () { openStatementEditor(item); });
      item.appendChild(pen);
    }
  }

  function apply(update) {
    if (typeof update.corrections === 'number') { corrections = update.corrections; }
    (update.segments || []).forEach(showSegment);
    (update.statements || []).forEach(showStatement);
  }

  function fillSelect(select) {
    select.textContent = '';
    speakers.forEach(function (s) { var o = el('option', null, s.id + ' ' + s.name); o.value = s.id; select.appendChild(o); });
  }

  function openEditor(li) {
    if (li.querySelector('.wb-edit')) { return; }
    var box = el('div', 'wb-edit');
    var text = el('textarea');
    text.value = li.querySelector('.text').textContent;
    var who = el('select');
    fillSelect(who);
    who.value = li.dataset.speaker;
    var error = el('span', 'wb-error');
    var save = el('button', 'wb-save', labels.WorkbenchSave);
    var cancel = el('button', 'wb-cancel', labels.WorkbenchCancel);
    save.type = cancel.type = 'button';
    cancel.addEventListener('click', function () { box.remove(); });
    save.addEventListener('click', function () {
      var id = li.id.substring(4);
      var steps = [];
      if (text.value !== li.querySelector('.text').textContent) { steps.push(function () { return { operation: 'text', target: id, value: text.value }; }); }
      if (who.value && who.value !== li.dataset.speaker) { steps.push(function () { return { operation: 'speaker', target: id, value: who.value }; }); }
      var next = function () {
        var step = steps.shift();
        if (!step) { box.remove(); return; }
        var body = step();
        body.expected = li.dataset.digest;
        post('/api/corrections', body).then(function (r) {
          if (r.status === 200) { next(); return; }
          // Nothing is lost: the reviewer's text stays in the box, marked, with the reason.
          box.classList.toggle('conflict', r.status === 409);
          error.textContent = (r.status === 409 ? labels.WorkbenchConflict + ' — ' : '') + r.data.error;
        });
      };
      next();
    });
    box.append(text, who, save, cancel, error);
    li.appendChild(box);
    text.focus();
  }

  document.querySelectorAll('.seg').forEach(function (li) {
    var edit = el('button', 'wb-tool wb-edit-button', labels.WorkbenchEdit);
    edit.type = 'button';
    edit.addEventListener('click', function () { openEditor(li); });
    li.appendChild(edit);
  });

  document.querySelectorAll('#personal tr[data-finding]').forEach(function (row) {
    var cell = el('td');
    ['keep', 'redact'].forEach(function (decision) {
      var b = el('button', 'wb-tool wb-' + decision, decision === 'keep' ? labels.WorkbenchKeep : labels.WorkbenchRedact);
      b.type = 'button';
      b.addEventListener('click', function () { post('/api/privacy', { finding: row.dataset.finding, decision: decision }); });
      cell.appendChild(b);
    });
    row.appendChild(cell);
  });

  function value(id) { return document.getElementById(id).value; }
  function on(id, handler) { document.getElementById(id).addEventListener('click', handler); }
  on('wb-rename', function () { post('/api/corrections', { operation: 'rename', target: value('wb-rename-speaker'), value: value('wb-rename-name'), expected: String(corrections) }).then(load); });
  on('wb-merge', function () { post('/api/corrections', { operation: 'merge', target: value('wb-merge-into'), value: value('wb-merge-from'), expected: String(corrections) }).then(load); });
  on('wb-count', function () {
    call('GET', '/api/replace-count?term=' + encodeURIComponent(value('wb-replace-from'))).then(function (r) {
      var out = document.getElementById('wb-count-result');
      out.textContent = r.status === 200 ? r.data.segments + labels.WorkbenchSegments + ' / ' + r.data.occurrences + labels.WorkbenchPlaces : r.data.error;
    });
  });
  on('wb-replace', function () { post('/api/corrections', { operation: 'replace', target: value('wb-replace-from'), value: value('wb-replace-to'), expected: String(corrections) }); });
  on('wb-redraft', function () { post('/api/redraft', {}); });
  on('wb-approve', function () {
    var body = { comment: value('wb-comment'), acceptFlags: value('wb-accept') };
    var file = document.getElementById('wb-key').files[0];
    if (!file) { post('/api/approve', body); return; }
    // The key is read here and sent once to the loopback server, which signs with it and keeps nothing.
    file.text().then(function (pem) { body.key = pem; post('/api/approve', body); });
  });

  function openStatementEditor(item) {
    if (item.querySelector('.wb-editor')) { return; }
    var box = el('div', 'wb-editor');
    var text = el('textarea');
    text.value = item.dataset.text || '';
    var save = el('button', null, labels.WorkbenchSave);
    var remove = el('button', null, labels.WorkbenchDelete);
    var restore = el('button', null, labels.WorkbenchRestore);
    var cancel = el('button', null, labels.WorkbenchCancel);
    [save, remove, restore, cancel].forEach(function (b) { b.type = 'button'; });
    var id = item.id.replace('item-', '');
    var edit = function (operation, extra) {
      var body = { operation: operation, target: id, expected: item.dataset.text };
      Object.keys(extra || {}).forEach(function (k) { body[k] = extra[k]; });
      post('/api/edits', body).then(function (r) { if (r.status === 200) { location.reload(); } });
    };
    save.addEventListener('click', function () { edit('text', { value: text.value }); });
    remove.addEventListener('click', function () { edit('delete'); });
    restore.addEventListener('click', function () { edit('restore'); });
    cancel.addEventListener('click', function () { box.remove(); });
    [text, save, remove, restore, cancel].forEach(function (e) { box.appendChild(e); });
    item.appendChild(box);
  }

  document.querySelectorAll('#uncited li.uncited').forEach(function (li) {
    var add = el('button', 'wb-tool wb-add', labels.WorkbenchAddStatement);
    add.type = 'button';
    add.addEventListener('click', function () {
      var text = window.prompt(labels.WorkbenchAddStatement, li.querySelector('.text').textContent);
      if (!text) { return; }
      post('/api/edits', { operation: 'insert', target: li.dataset.anchor, value: text, cites: li.dataset.segment })
        .then(function (r) { if (r.status === 200) { location.reload(); } });
    });
    li.appendChild(add);
  });

  function load() {
    return call('GET', '/api/state').then(function (r) {
      if (r.status !== 200) { say(r.data.error, true); return; }
      speakers = r.data.speakers;
      ['wb-rename-speaker', 'wb-merge-from', 'wb-merge-into'].forEach(function (id) { fillSelect(document.getElementById(id)); });
      apply(r.data);
      document.body.dataset.workbench = 'ready';
    });
  }
  load();
})();
