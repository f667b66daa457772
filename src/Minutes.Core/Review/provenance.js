(function () {
  'use strict';
  // The provenance panel: a click on a statement or a transcript segment shows its chain (the
  // model 'minutes explain' prints), from the JSON the page carries. Text is set with
  // textContent only: nothing from a transcript or a model is read as HTML.
  var panel = document.getElementById('provenance');
  var source = document.getElementById('provenance-data');
  if (!panel || !source) { return; }
  var data = JSON.parse(source.textContent);
  var labels = JSON.parse(panel.getAttribute('data-labels'));
  var body = document.getElementById('provenance-body');

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function s(n) { return n === undefined || n === null ? '—' : Number(n).toFixed(3) + ' s'; }
  function v(x) { return x === undefined || x === null ? '—' : String(x); }
  function table(cls, head, rows) {
    var t = el('table', null, cls);
    var tr = el('tr');
    head.forEach(function (h) { tr.appendChild(el('th', h)); });
    t.appendChild(tr);
    rows.forEach(function (r) {
      var row = el('tr');
      r.forEach(function (c) { row.appendChild(el('td', v(c))); });
      t.appendChild(row);
    });
    return t;
  }

  function call(path) {
    var c = data.calls[path];
    var box = el('details', null, 'llm-call');
    box.appendChild(el('summary', labels.ProvenanceCall + ' ' + path));
    if (!c) { return box; }
    box.appendChild(table('call-facts', ['model', 'host', 'session', 'part', 'seconds', 'attempts', 'tokens', 'finish', 'format'],
      [[c.model, c.endpointHost, c.session, c.part, c.latencySeconds, c.attempts, v(c.promptTokens) + '/' + v(c.completionTokens), c.finishReason, c.responseFormat]]));
    box.appendChild(el('h4', labels.ProvenanceMessages));
    (c.messages || []).forEach(function (m) {
      box.appendChild(el('div', m.role, 'role'));
      box.appendChild(el('pre', m.content, 'message'));
    });
    box.appendChild(el('h4', labels.ProvenanceResponse));
    box.appendChild(el('pre', c.response, 'response'));
    if (c.tries && c.tries.length) {
      box.appendChild(el('h4', labels.ProvenanceTries));
      box.appendChild(table('tries', ['#', 'outcome', 'seconds', 'wait'], c.tries.map(function (t) { return [t.number, t.outcome, t.seconds, t.waitSeconds]; })));
    }
    return box;
  }

  function made(m) {
    var box = el('div', null, 'made');
    box.appendChild(el('h3', labels.ProvenanceMade));
    if (!m) { box.appendChild(el('p', labels.ProvenanceNotRecorded)); return box; }
    if (!m.call) {
      box.appendChild(el('p', labels.ProvenanceRule + ': ' + v(m.rule) + ' · ' + labels.ProvenanceCue + ': 「' + v(m.cue) + '」', 'rule'));
      return box;
    }
    box.appendChild(el('p', m.call + ' ' + v(m.pointer) + ' (' + v(m.model) + ', ' + v(m.part) + ')', 'call-ref'));
    box.appendChild(el('pre', m.fragment, 'fragment'));
    box.appendChild(call(m.call));
    (m.parts || []).forEach(function (p) {
      box.appendChild(el('p', labels.ProvenanceMergedFrom + ': ' + p.call + ' ' + v(p.pointer), 'call-ref'));
      box.appendChild(el('pre', p.fragment, 'fragment'));
      box.appendChild(call(p.call));
    });
    return box;
  }

  function show(id) {
    var chain = data.chains[id];
    if (!chain) { return; }
    body.textContent = '';
    var st = chain.statement;
    body.appendChild(el('h3', st ? st.id + ' ' + st.kind + ' ' + v(st.speaker) : chain.id, 'target'));
    if (st) {
      body.appendChild(el('p', st.text, 'statement-text'));
      body.appendChild(made(chain.made));
      if (chain.verification) {
        body.appendChild(el('h3', labels.ProvenanceVerification));
        body.appendChild(el('p', chain.verification.status + (chain.verification.reasons.length ? ' — ' + chain.verification.reasons.join('; ') : ''), 'verification'));
      }
    }
    body.appendChild(el('h3', labels.ProvenanceSegments));
    body.appendChild(table('segments', ['id', 'start', 'end', 'speaker', 'text', 'confidence', 'chunk', 'region'], chain.segments.map(function (g) {
      return [g.id, s(g.start), s(g.end), v(g.speakerName) + ' (' + v(g.speaker) + ')', g.text, g.confidence,
        g.chunk === undefined ? null : g.chunk + ' (' + s(g.chunkStart) + '–' + s(g.chunkEnd) + ')',
        g.regionId === undefined ? null : g.regionId + ' (' + s(g.regionStart) + '–' + s(g.regionEnd) + ')'];
    })));
    if (chain.citedBy.length) { body.appendChild(el('p', labels.ProvenanceCitedBy + ': ' + chain.citedBy.join(', '), 'cited-by')); }
    body.appendChild(el('h3', labels.ProvenanceSpeakers));
    body.appendChild(table('speakers', ['id', 'name', 'source', 'score', 'cluster', 'margin'], chain.speakers.map(function (p) {
      return [p.id, p.name, p.source, p.score, p.cluster, p.margin];
    })));
    body.appendChild(el('h3', labels.ProvenanceSessions));
    body.appendChild(table('sessions', ['id', 'title', 'start', 'end', 'boundary', 'segment', 'evidence', 'pattern', 'pause'], chain.sessions.map(function (x) {
      return [x.id, x.title, s(x.start), s(x.end), x.reason, x.segmentId, x.evidence, x.pattern, x.pauseSeconds === undefined ? null : s(x.pauseSeconds)];
    })));
    panel.hidden = false;
    panel.setAttribute('data-for', id);
  }

  document.getElementById('provenance-close').addEventListener('click', function () { panel.hidden = true; });
  document.addEventListener('click', function (e) {
    if (e.target.closest('#provenance') || e.target.closest('button') || e.target.closest('#workbench')) { return; }
    var statement = e.target.closest('.statement');
    if (statement && statement.id.indexOf('item-') === 0) { show(statement.id.substring(5)); return; }
    var seg = e.target.closest('.seg');
    if (seg && seg.id.indexOf('seg-') === 0) { show(seg.id.substring(4)); }
  });
}());
