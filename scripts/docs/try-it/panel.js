// The "Try it" panel of the reference (plain browser script, inlined into
// reference.html by scripts/docs/try-it.ts with its data). Under each
// operation Redoc renders, it sends a real request to the sandbox that serves
// the page (same origin, so no CORS and nothing leaves the machine) and
// shows the status, the contract's headers, the body and, for an error, the
// catalog entry of its code. Off, with a note, when no sandbox serves the page.
(() => {
  const data = JSON.parse(document.getElementById('try-it-data').textContent);
  const HEADERS = ['x-request-id', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'retry-after'];
  const served = location.protocol === 'http:' || location.protocol === 'https:';
  // The sandbox answers GET /health; a static file server or file:// does not.
  const live = served
    ? fetch('/health').then((r) => r.ok && (r.headers.get('content-type') || '').startsWith('application/json'), () => false)
    : Promise.resolve(false);

  const el = (tag, props = {}, ...children) => {
    const node = Object.assign(document.createElement(tag), props);
    for (const child of children) node.append(child);
    return node;
  };

  function panel(op) {
    const fields = [];
    const key = op.authenticated ? el('input', { name: 'apiKey', value: data.apiKey, spellcheck: false }) : null;
    if (key) fields.push(el('label', {}, 'API key', key));
    const params = op.query.map(({ name, value }) => {
      const input = el('input', { name, value: Array.isArray(value) ? value.join(',') : value, spellcheck: false });
      fields.push(el('label', {}, name, input));
      return input;
    });
    const body = op.body === undefined ? null : el('textarea', { name: 'body', rows: 6, spellcheck: false, value: JSON.stringify(op.body, null, 2) });
    if (body) fields.push(el('label', {}, 'Body (JSON)', body));
    const send = el('button', { type: 'button', className: 'try-it-send', textContent: `Send ${op.method}` });
    const faults = op.faults.map((status) => el('button', { type: 'button', className: 'try-it-fault', textContent: `Ask for ${status}`, title: `Prefer: code=${status}` }));
    const note = el('p', { className: 'try-it-note' });
    const output = el('div', { className: 'try-it-output', hidden: true });
    const section = el('section', { className: 'try-it' }, el('h3', { textContent: 'Try it against this sandbox' }), ...fields, el('div', { className: 'try-it-buttons' }, send, ...faults), note, output);
    section.dataset.operation = op.operationId;

    async function run(fault) {
      const url = new URL(op.path, location.origin);
      op.query.forEach(({ name }, i) => url.searchParams.set(name, params[i].value));
      const headers = {};
      if (key) headers.authorization = `Bearer ${key.value}`;
      if (body) headers['content-type'] = 'application/json';
      if (fault) headers.prefer = `code=${fault}`;
      output.hidden = false;
      output.replaceChildren(el('p', { textContent: 'Sending…' }));
      let response;
      try {
        response = await fetch(url, { method: op.method, headers, ...(body && { body: body.value }) });
      } catch (error) {
        output.replaceChildren(el('p', { className: 'try-it-error', textContent: `No answer: ${error}` }));
        return;
      }
      const text = await response.text();
      let json;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      const status = el('p', { className: 'try-it-status', textContent: `${response.status} ${response.statusText}` });
      status.dataset.status = String(response.status);
      const list = el('dl', { className: 'try-it-headers' });
      for (const name of HEADERS) {
        const value = response.headers.get(name);
        if (value !== null) list.append(el('dt', { textContent: name }), el('dd', { textContent: value }));
      }
      const parts = [status, list, el('pre', { className: 'try-it-body', textContent: json === undefined ? text : JSON.stringify(json, null, 2) })];
      const entry = json && typeof json.code === 'string' ? data.catalog[json.code] : undefined;
      if (entry && response.status >= 400) {
        const card = el(
          'div',
          { className: 'try-it-catalog' },
          el('p', {}, el('strong', { textContent: json.code }), ` (HTTP ${entry.status}, ${entry.category}): ${entry.summary}`),
          el('p', { textContent: `How to fix: ${entry.fixes[0] || ''}` }),
          el('a', { href: `errors#${json.code}`, textContent: `The catalog entry of ${json.code}` }),
        );
        card.dataset.code = json.code;
        parts.splice(1, 0, card);
      }
      output.replaceChildren(...parts);
    }
    send.addEventListener('click', () => run());
    faults.forEach((button, i) => button.addEventListener('click', () => run(op.faults[i])));
    for (const button of [send, ...faults]) button.disabled = true;
    live.then((on) => {
      for (const button of [send, ...faults]) button.disabled = !on;
      note.textContent = on
        ? 'Sends a real request to the sandbox serving this page, and spends its quota. Change any value before sending.'
        : 'Off: this page is not served by the sandbox. Start it with npx snippets-sandbox and open http://127.0.0.1:4010/docs/reference to send requests from here.';
    });
    return section;
  }

  // One panel per operation, made once: when Redoc renders an operation again
  // (its lazy first render is replaced by the full one), the same panel moves
  // into the new element, with what the reader typed and the answer shown.
  const panels = new Map();
  function attach() {
    for (const [route, op] of Object.entries(data.operations)) {
      const target = document.getElementById(route);
      if (!target) continue;
      let section = panels.get(route);
      if (!section) panels.set(route, (section = panel(op)));
      if (section.parentElement !== target) target.append(section);
    }
  }
  new MutationObserver(attach).observe(document.body, { childList: true, subtree: true });
  attach();
})();
