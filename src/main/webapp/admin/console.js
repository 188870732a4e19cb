// The operations console: reads /api/admin/* every few seconds and acts through the same API.
// Every action carries the CSRF token from /api/admin/session; every text is set as text, never as HTML.
'use strict';

const REFRESH_MS = 5000;
const api = '../api/';
let csrf = { header: 'X-CSRF-Token', token: '' };
let breachQuery = '';
const charts = {};

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k === 'on') Object.entries(v).forEach(([ev, fn]) => e.addEventListener(ev, fn));
    else if (k.startsWith('data-')) e.setAttribute(k, v);
    else e[k] = v;
  }
  children.flat().forEach(c => e.append(c instanceof Node ? c : document.createTextNode(c ?? '')));
  return e;
}

function rows(tableId, list, render, empty) {
  const body = document.querySelector(`#${tableId} tbody`);
  body.replaceChildren(...(list.length ? list.map(render)
    : [el('tr', {}, el('td', { colSpan: 12, class: 'muted' }, empty || 'none'))]));
}

const time = v => v ? new Date(v).toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' }) : '—';
// One French 24-hour reading of every date on the page: a day alone ("2026-12-04") as 04/12/2026,
// a chart's time axis as 14:05 (uPlot's own default is 2:05pm).
const day = v => v ? v.split('-').reverse().join('/') : '—';
const clock = seconds => new Date(seconds * 1000).toLocaleTimeString('fr-FR',
  { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hour12: false });
const ago = v => v ? `${Math.round((Date.now() - new Date(v)) / 1000)} s ago` : 'never';
const pct = v => v < 0 ? '—' : `${v.toFixed(0)} %`;
const ms = v => `${v.toFixed(0)} ms`;

async function call(path, options = {}) {
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  if (options.method && options.method !== 'GET') headers[csrf.header] = csrf.token;
  if (options.body) headers['Content-Type'] = 'application/json';
  const response = await fetch(api + path, { credentials: 'same-origin', ...options, headers });
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const problem = body && (body.detail || body.title) || response.statusText;
    throw Object.assign(new Error(`${response.status}: ${problem}`), { status: response.status, body });
  }
  return body;
}

function showError(e) {
  const banner = document.getElementById('error');
  banner.hidden = !e;
  banner.textContent = e ? e.message : '';
}

async function act(label, path, options = {}) {
  try {
    const result = await call(path, { method: 'POST', ...options });
    showError(null);
    await refresh();
    return result;
  } catch (e) {
    showError(new Error(`${label}: ${e.message}`));
    await refresh();
    throw e;
  }
}

function renderOwner(owner) {
  const q = owner.quota;
  document.getElementById('quota').textContent = `quota ${q.perSecond}/s · ${q.available} left this second · ${q.waiting} waiting`;
  const degraded = document.getElementById('degraded');
  degraded.hidden = !owner.degradedReason;
  degraded.textContent = owner.degradedReason ? `Answers are degraded: ${owner.degradedReason}` : '';
  rows('operations', owner.operations, r => {
    const h = r.health;
    const failing = h.lastFailure && (!h.lastSuccess || h.lastFailure > h.lastSuccess);
    return el('tr', { 'data-op': h.operation },
      el('td', {}, h.operation),
      el('td', { class: 'breaker', 'data-state': h.breakerState },
        el('span', { class: `state state-${h.breakerState}` }, h.breakerState),
        failing ? el('span', { class: 'state state-failing' }, 'failing') : ''),
      el('td', {}, pct(r.failureRate)), el('td', {}, pct(r.slowCallRate)),
      el('td', {}, `${ms(r.p50Millis)} / ${ms(r.p99Millis)}`), el('td', {}, String(h.calls)),
      el('td', {}, ago(h.lastSuccess)),
      el('td', { class: 'error' }, h.lastError ? `${ago(h.lastFailure)}: ${h.lastError}` : ''),
      el('td', {},
        el('button', { class: 'small danger force-open', on: { click: () => act('Force open', `admin/breakers/${h.operation}/open`) } }, 'open'),
        ' ',
        el('button', { class: 'small force-closed', on: { click: () => act('Force closed', `admin/breakers/${h.operation}/closed`) } }, 'close')));
  });
}

function renderPolling(p) {
  const pause = document.getElementById('pause');
  pause.textContent = p.paused ? 'Resume polling' : 'Pause polling';
  pause.dataset.paused = p.paused;
  rows('feeds', p.feeds, f => el('tr', {}, el('td', {}, f.feed), el('td', {}, String(f.cursor)),
    el('td', {}, String(f.ownerLast)), el('td', {}, String(f.lag)), el('td', {}, time(f.readAt))));
  document.getElementById('polling-facts').replaceChildren(
    el('dt', {}, 'State'), el('dd', {}, p.paused ? 'paused by an operator' : 'running'),
    el('dt', {}, 'Events per minute'), el('dd', {}, p.eventsPerMinute.toFixed(0)),
    el('dt', {}, 'Lines tracked'), el('dd', {}, String(p.lines)),
    el('dt', {}, 'Checks overdue'), el('dd', {}, String(p.overdueChecks)),
    el('dt', {}, 'Oldest unconfirmed'), el('dd', {}, `${p.oldestUnconfirmedSeconds.toFixed(0)} s`));
  document.getElementById('states').replaceChildren(...Object.entries(p.linesByState)
    .map(([state, n]) => el('span', { class: 'pill' }, `${state} ${n}`)));
}

// Every instance of the cluster, the leader first; one silent for longer than its lease has died
// (its row goes after a day). The page, and its charts, come from the instance named on the card.
function renderCluster(c) {
  document.getElementById('cluster-self').textContent = `this page: ${c.instance}${c.leading ? ' (leader)' : ''}`;
  document.getElementById('charts-by').textContent = `drawn by ${c.instance}`;
  rows('members', c.members, m => el('tr', { class: m.silentSeconds > 10 ? 'waiting' : '', 'data-instance': m.instance },
    el('td', {}, m.instance + (m.instance === c.instance ? ' (this page)' : '')),
    el('td', {}, m.leader ? 'leader' : 'follower'),
    el('td', {}, el('span', { class: `pill ${m.health === 'UP' ? 'ok' : m.health ? 'bad' : ''}` }, m.health || 'not yet known')),
    el('td', {}, m.silentSeconds > 10 ? `silent for ${m.silentSeconds.toFixed(0)} s` : `${m.silentSeconds.toFixed(1)} s ago`),
    el('td', {}, time(m.startedAt))), 'no instance heard of');
}

// Each scheduled loop's last completed run: a stale one (died or hangs) is what liveness reports.
function renderLoops(loops) {
  document.getElementById('loops').replaceChildren(...loops.map(l => el('span',
    { class: `pill ${l.stale ? 'bad' : l.lastFailure ? 'warn' : 'ok'}`, title: l.lastFailure || '' },
    `${l.loop} ${l.stale ? 'stale: no run for' : 'ran'} ${l.ageSeconds.toFixed(0)} s${l.stale ? '' : ' ago'}`)));
}

// Owner events that could not be applied, set aside so that the feed went on: replay once fixed.
function renderQuarantine(list) {
  rows('quarantine', list, q => el('tr', { 'data-id': String(q.id) },
    el('td', {}, `${q.feed} #${q.sequence}`), el('td', {}, q.orderReference || '—'),
    el('td', { class: 'why' }, q.replayedAt ? `replayed ${time(q.replayedAt)}` : (q.replayError || q.error)),
    el('td', {}, time(q.quarantinedAt)),
    el('td', {}, q.replayedAt ? '' : el('button', { class: 'small replay-quarantined',
      on: { click: () => act('Replay', `admin/quarantine/${q.id}/replay`) } }, 'replay'))),
    'no event set aside');
}

function renderNotifications(n) {
  document.getElementById('notification-facts').replaceChildren(
    el('dt', {}, 'Outbox depth'), el('dd', { id: 'outbox-depth' }, String(n.outboxDepth)),
    el('dt', {}, 'Deliveries pending'), el('dd', {}, String(n.pendingDeliveries)));
  rows('subscribers', n.subscribers, s => el('tr', {}, el('td', {}, s.client), el('td', {}, s.callbackHost),
    el('td', {}, s.state), el('td', {}, String(s.delivered)), el('td', {}, String(s.pending)), el('td', {}, String(s.dead))),
    'no subscriber');
  rows('dead-letters', n.deadLetters, d => el('tr', {}, el('td', {}, `${d.eventType} ${d.eventId.slice(0, 8)}`),
    el('td', {}, d.subscriptionId.slice(0, 8)), el('td', {}, String(d.attempts)), el('td', {}, String(d.lastStatus ?? d.lastError ?? '')),
    el('td', {}, el('button', { class: 'small replay', on: { click: () => act('Replay', `admin/dead-letters/${d.id}/replay`) } }, 'replay'))),
    'no dead letter');
}

function renderBreaches(list) {
  rows('breaches', list, b => el('tr', { class: b.waiting ? 'waiting' : '', 'data-order': b.orderReference, 'data-ndi': b.ndi || '' },
    el('td', {}, b.orderReference), el('td', {}, b.phoneNumber || b.ndi || '—'), el('td', {}, b.state || '—'),
    el('td', {}, b.cutAt ? time(b.cutAt) : `planned ${time(b.cutPlannedAt)}`), el('td', {}, day(b.deliveryDate)),
    el('td', {}, time(b.deliveredAt)), el('td', {}, `${b.gapCalendarDays ?? '—'} / ${b.gapWorkingDays ?? '—'}`),
    el('td', { class: `prevention ${b.prevention || ''}` }, b.prevention || '—'),
    el('td', {}, el('button', { class: 'small refresh-line', on: { click: () => act('Refresh', `admin/lines/${encodeURIComponent(b.orderReference)}/refresh`) } }, 'refresh now'))),
    breachQuery ? 'that line is not in breach' : 'no line in breach');
}

function renderPrevention(p) {
  document.getElementById('prevention-counts').textContent =
    Object.entries(p.counts).map(([state, n]) => `${n} ${state}`).join(', ') || 'no request yet';
  const select = document.getElementById('prevention-mode-select');
  if (document.activeElement !== select) select.value = p.mode;
  rows('prevention-awaiting', p.awaitingApproval, r => el('tr', { 'data-order': r.orderReference },
    el('td', {}, r.orderReference), el('td', {}, r.ndi || '—'), el('td', {}, time(r.previousCut)), el('td', {}, time(r.requestedCut)),
    el('td', {}, day(r.forDelivery)), el('td', {}, String(r.requests)),
    el('td', {},
      el('button', { class: 'small approve', on: { click: () => act('Approve', `admin/prevention/${encodeURIComponent(r.orderReference)}/approve`) } }, 'approve'),
      el('button', { class: 'small secondary dismiss', on: { click: () => act('Dismiss', `admin/prevention/${encodeURIComponent(r.orderReference)}/dismiss`) } }, 'dismiss'))),
    p.mode === 'propose' ? 'no proposal awaiting approval' : `none (mode ${p.mode})`);
  rows('prevention-in-flight', p.inFlight, r => el('tr', { 'data-order': r.orderReference },
    el('td', {}, r.orderReference), el('td', {}, r.state), el('td', {}, time(r.requestedCut)), el('td', {}, r.ownerReference || '—'),
    el('td', {}, String(r.attempts)), el('td', {}, time(r.updatedAt))), 'no request with the owner');
  rows('prevention-outcomes', p.outcomes, r => el('tr', { 'data-order': r.orderReference, class: r.state },
    el('td', {}, r.orderReference), el('td', {}, r.state), el('td', {}, time(r.requestedCut)),
    el('td', {}, r.reason ? `${r.reason.code}: ${r.reason.plainEn}` : (r.ownerReference || '—')), el('td', {}, time(r.updatedAt))),
    'no outcome yet');
}

function renderAudit(entries) {
  rows('audit', entries, a => el('tr', {}, el('td', {}, time(a.at)), el('td', {}, a.actor), el('td', {}, a.action),
    el('td', {}, a.target || ''), el('td', {}, String(a.outcome))), 'no action yet');
}

function renderSummary(v) {
  const open = v.owner.operations.filter(r => r.health.breakerState !== 'CLOSED').length;
  const lag = v.polling.feeds.reduce((s, f) => s + f.lag, 0);
  document.getElementById('summary').replaceChildren(
    el('span', { class: `pill ${open ? 'bad' : 'ok'}` }, open ? `${open} breaker(s) not closed` : 'owner OK'),
    el('span', { class: `pill ${v.polling.paused ? 'warn' : 'ok'}` }, v.polling.paused ? 'polling paused' : `lag ${lag}`),
    el('span', { class: `pill ${v.notifications.deadLetters.length ? 'bad' : 'ok'}` }, `outbox ${v.notifications.outboxDepth}`),
    el('span', { class: `pill ${v.breaches ? 'bad' : 'ok'}` }, `${v.breaches} breach(es)`),
    ...v.loops.filter(l => l.stale).map(l => el('span', { class: 'pill bad' }, `${l.loop} loop stale`)));
  document.getElementById('breach-count').textContent = `${v.breaches} line(s) with a gap over one working day`;
}

function chart(id, title, series, color) {
  const box = document.getElementById(id);
  box.before(el('h3', {}, title));
  const opts = { width: Math.max(260, box.clientWidth), height: 70, legend: { show: false },
    // Always the last hour, however few samples there are yet.
    scales: { x: { time: true, range: () => { const now = Date.now() / 1000; return [now - 3600, now]; } } },
    axes: [{ size: 24, values: (u, splits) => splits.map(clock) }, { size: 40 }],
    series: [{}, { label: series, stroke: color, width: 1.5, fill: color + '22' }] };
  charts[id] = new uPlot(opts, [[], []], box);
}

function renderHistory(samples) {
  const x = samples.map(s => Date.parse(s.at) / 1000);
  charts['chart-latency'].setData([x, samples.map(s => s.ownerP99Millis)]);
  charts['chart-lag'].setData([x, samples.map(s => s.feedLag)]);
  charts['chart-delivery'].setData([x, samples.map(s => s.deliveredPerMinute)]);
}

async function renderSimulator() {
  try {
    const s = await call('simulator');
    document.getElementById('simulator-card').hidden = false;
    document.getElementById('sim-now').textContent = time(s.simulatedNow);
    const outage = document.getElementById('outage');
    outage.dataset.outage = s.knobs.outage;
    outage.textContent = s.knobs.outage ? 'End the outage' : 'Start an outage';
  } catch (e) {
    document.getElementById('simulator-card').hidden = true;  // production: no simulator
  }
}

async function refresh() {
  try {
    const [view, history, breaches, prevention] = await Promise.all([call('admin/console'), call('admin/console/history'),
      call('admin/breaches' + (breachQuery ? `?q=${encodeURIComponent(breachQuery)}` : '?limit=50')), call('admin/prevention')]);
    renderSummary(view); renderOwner(view.owner); renderPolling(view.polling); renderLoops(view.loops);
    renderCluster(view.cluster);
    renderQuarantine(view.quarantined);
    renderNotifications(view.notifications); renderAudit(view.audit); renderHistory(history); renderBreaches(breaches);
    renderPrevention(prevention);
    await renderSimulator();
    document.getElementById('updated').textContent = `updated ${new Date(view.at).toLocaleTimeString('fr-FR', { timeZone: 'Europe/Paris', hour12: false })}`;
    document.getElementById('updated').dataset.at = view.at;
  } catch (e) {
    showError(e);
  }
}

async function start() {
  const session = await call('admin/session');
  csrf = { header: session.csrfHeader, token: session.csrfToken };
  document.getElementById('user').textContent = `signed in as ${session.user}`;
  chart('chart-latency', "Owner's slowest p99 (ms)", 'p99', '#cf222e');
  chart('chart-lag', 'Feed lag (events)', 'lag', '#9a6700');
  chart('chart-delivery', 'Webhooks delivered per minute', 'delivered', '#1a7f37');
  document.getElementById('pause').addEventListener('click', e =>
    act('Polling', e.target.dataset.paused === 'true' ? 'admin/polling/resume' : 'admin/polling/pause'));
  document.getElementById('outage').addEventListener('click', e => act('Outage', 'simulator/knobs',
    { method: 'PUT', body: JSON.stringify({ outage: e.target.dataset.outage !== 'true' }) }).catch(() => {}));
  document.getElementById('breach-search').addEventListener('submit', e => {
    e.preventDefault();
    breachQuery = document.getElementById('breaches-q').value.trim();
    refresh();
  });
  document.getElementById('prevention-mode').addEventListener('submit', e => {
    e.preventDefault();
    act('Mode', 'admin/prevention/mode', { method: 'PUT', body: JSON.stringify({ mode: document.getElementById('prevention-mode-select').value }) })
      .catch(() => {});
  });
  document.getElementById('breaches-all').addEventListener('click', () => {
    breachQuery = ''; document.getElementById('breaches-q').value = ''; refresh();
  });
  document.getElementById('register').addEventListener('submit', async e => {
    e.preventDefault();
    const f = e.target.elements;
    const body = { orderReference: f.orderReference.value.trim() };
    if (f.phoneNumber.value.trim()) body.phoneNumber = f.phoneNumber.value.trim();
    if (f.mobile.value.trim()) body.contact = { mobile: f.mobile.value.trim() };
    const out = document.getElementById('register-result');
    try {
      const line = await act('Register', 'admin/lines', { body: JSON.stringify(body) });
      out.textContent = `${line.orderReference}: ${line.state}`;
    } catch (err) {
      out.textContent = err.message;
    }
  });
  await refresh();
  setInterval(refresh, REFRESH_MS);
}

start().catch(showError);
