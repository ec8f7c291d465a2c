// The preview page's script inside the VS Code webview: clicks reveal the JSON, the host's
// messages highlight a section or replace the body, and the state keeps the record's URI (for
// restoring the panel after a reload) and the scroll position.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const uri = document.body.getAttribute('data-uri') || '';
  const previous = vscode.getState() || {};
  let highlighted = '';

  function saveState(extra) {
    vscode.setState(Object.assign({}, vscode.getState() || {}, { uri: uri }, extra));
  }

  saveState({});
  if (previous.uri === uri && typeof previous.scrollY === 'number') {
    window.scrollTo(0, previous.scrollY);
  }

  let scrollTimer = 0;
  window.addEventListener('scroll', function () {
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(function () {
      saveState({ scrollY: window.scrollY });
    }, 100);
  });

  document.addEventListener('click', function (event) {
    const target = event.target instanceof Element ? event.target : null;
    if (!target || target.closest('a[href], summary')) return;
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return; // the reader is selecting text, not asking to jump
    const element = target.closest('[data-pointer]');
    if (!element) return;
    vscode.postMessage({ type: 'reveal', pointer: element.getAttribute('data-pointer') || '' });
  });

  /** Whether `pointer` is `ancestor` or inside it, segment by segment. */
  function isWithin(pointer, ancestor) {
    return pointer === ancestor || pointer.indexOf(ancestor + '/') === 0;
  }

  /** The deepest elements of the record (not the problems strip) whose pointer contains `pointer`. */
  function elementsFor(pointer) {
    let best = [];
    let bestPointer = null;
    const candidates = document.querySelectorAll('main [data-pointer]');
    for (let i = 0; i < candidates.length; i++) {
      const candidatePointer = candidates[i].getAttribute('data-pointer') || '';
      if (!isWithin(pointer, candidatePointer)) continue;
      if (bestPointer === null || candidatePointer.length > bestPointer.length) {
        best = [candidates[i]];
        bestPointer = candidatePointer;
      } else if (candidatePointer === bestPointer) {
        best.push(candidates[i]);
      }
    }
    return best;
  }

  function highlight(pointer, scroll) {
    highlighted = pointer;
    document.querySelectorAll('.highlight, .highlight-item').forEach(function (element) {
      element.classList.remove('highlight', 'highlight-item');
    });
    const elements = elementsFor(pointer);
    if (elements.length === 0) return;
    elements.forEach(function (element) {
      const container = element.closest('section, header') || element;
      container.classList.add('highlight');
      if (element !== container) element.classList.add('highlight-item');
      const details = element.closest('details');
      if (details && !details.open) details.open = true;
    });
    if (!scroll) return;
    const first = elements.find(function (element) {
      return element.getClientRects().length > 0;
    });
    if (!first) return;
    const box = first.getBoundingClientRect();
    if (box.bottom < 0 || box.top > window.innerHeight) {
      first.scrollIntoView({ block: 'center' });
    }
  }

  window.addEventListener('message', function (event) {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'update' && typeof message.html === 'string') {
      const scrollY = window.scrollY;
      document.body.innerHTML = message.html;
      window.scrollTo(0, scrollY);
      if (highlighted) highlight(highlighted, false);
    } else if (message.type === 'highlight' && typeof message.pointer === 'string') {
      highlight(message.pointer, true);
    }
  });
})();
