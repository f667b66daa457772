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
})();
