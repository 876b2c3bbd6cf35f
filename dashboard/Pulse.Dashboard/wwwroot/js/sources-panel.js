// The overview's freshness line ("bluesky live, 2 s behind · news polled 40 s ago") and the Sources panel (one row per
// source: state badge, rate, lag, last event, problem). Rows are updated in place. Server strings (ids, urls, errors)
// are text or attribute values only: built with el()/textContent, never markup.
import { el, clear } from './dom.js';
import { ago, compact } from './format.js';
import { serverNow } from './server-clock.js';
import {
  sources, describe, acceptedPerMinute, rateWindowSeconds, isPolled, stateClass, stateLabel, lagText, SOURCES_POLL_MS,
} from './sources.js';

const COLUMNS = [['Source'], ['Kind'], ['Channel'], ['State'], ['Rate /min', 'num'], ['Lag', 'num'], ['Last event'], ['Last poll']];
const STALE_MS = 3 * SOURCES_POLL_MS;
export const NO_SOURCES = 'no sources: the dashboard shows demo or POSTed data only';

function agoCell(iso, now) {
  const at = Date.parse(iso);
  return Number.isFinite(at) ? { text: ago(at, now), title: new Date(at).toLocaleString() } : { text: '–', title: '' };
}

/** The freshness line: one segment per source, or a sentence when there are none (or the list is unavailable). */
export function createSourcesLine() {
  const root = el('p', { className: 'source-line', dataset: { testid: 'source-freshness' }, 'aria-live': 'off', text: 'checking sources…' });

  function segment(text, level, attrs = {}) {
    return el('span', { className: `source-seg ${level}`, ...attrs, text });
  }

  function render() {
    const now = serverNow();
    clear(root);
    if (!sources.loaded) {
      root.append(sources.unsupported
        ? segment('this server does not report its sources', 'idle')
        : sources.error ? segment(`sources unknown (${sources.error})`, 'warn') : segment('checking sources…', 'idle'));
      return;
    }
    if (!sources.list.length) root.append(segment(NO_SOURCES, 'idle', { dataset: { testid: 'source-freshness-empty' } }));
    sources.list.forEach((source, i) => {
      const { text, level } = describe(source, now);
      if (i > 0) root.append(el('span', { className: 'source-sep', 'aria-hidden': 'true', text: ' · ' }));
      root.append(segment(text, level, {
        dataset: { testid: 'source-freshness-item', sourceId: String(source.id), state: String(source.state), silent: String(source.silent === true) },
        title: source.state !== 'live' && source.lastError ? `${stateLabel(source.state)}: ${source.lastError}` : undefined,
      }));
    });
    if (sources.error && Date.now() - sources.fetchedAt > STALE_MS) {
      root.append(
        el('span', { className: 'source-sep', 'aria-hidden': 'true', text: ' · ' }),
        segment(`not refreshed for ${ago(sources.fetchedAt).replace(/ ago$/, '')}`, 'warn'));
    }
  }

  render();
  return { root, render };
}

function createRow(id) {
  const cells = {
    id: el('span', { className: 'source-id', text: id }),
    url: el('span', { className: 'source-url' }),
    kind: el('td'),
    channel: el('td'),
    badge: el('span', { className: 'source-badge', dataset: { testid: 'source-state' } }),
    silent: el('span', { className: 'source-badge silent', dataset: { testid: 'source-silent' }, text: 'silent', hidden: true }),
    rate: el('td', { className: 'num strong', dataset: { testid: 'source-rate' } }),
    lag: el('td', { className: 'num', dataset: { testid: 'source-lag' } }),
    lastEvent: el('td', { dataset: { testid: 'source-last-event' } }),
    lastPoll: el('td', { dataset: { testid: 'source-last-poll' } }),
    error: el('span', { className: 'source-error', dataset: { testid: 'source-error' } }),
  };
  // One tbody per source: its figures, and below them (full width, so it never runs off a narrow screen) its problem.
  const problem = el('tr', { className: 'source-problem', hidden: true },
    el('td', { colspan: COLUMNS.length }, el('span', { className: 'label', text: 'Problem' }), cells.error));
  const tr = el('tbody', { dataset: { testid: 'source-row', sourceId: id } },
    el('tr', {},
      el('th', { scope: 'row' }, cells.id, cells.url),
      cells.kind, cells.channel,
      el('td', { className: 'source-state-cell' }, cells.badge, cells.silent),
      cells.rate, cells.lag, cells.lastEvent, cells.lastPoll),
    problem);
  return { tr, cells, problem };
}

function updateRow({ tr, cells, problem: problemRow }, source, now) {
  const state = String(source.state ?? 'unknown');
  tr.dataset.state = state;
  tr.dataset.silent = String(source.silent === true);
  tr.className = `state-${stateClass(state)}${source.silent ? ' is-silent' : ''}`;
  cells.url.textContent = String(source.url ?? '');
  cells.url.title = String(source.url ?? '');
  cells.kind.textContent = String(source.kind ?? '');
  cells.channel.textContent = String(source.channel ?? '');
  cells.badge.textContent = stateLabel(state);
  cells.badge.dataset.state = state;
  cells.badge.className = `source-badge ${stateClass(state)}`;
  cells.silent.hidden = source.silent !== true;

  const rate = acceptedPerMinute(source.id);
  cells.rate.textContent = rate === null ? '–' : compact(rate);
  cells.rate.title = `${rate === null ? 'measured once two polls have arrived' : `mentions accepted per minute, over the last ${rateWindowSeconds(source.id)} s`}`
    + ` · received ${compact(Number(source.received) || 0)}, accepted ${compact(Number(source.accepted) || 0)}, skipped ${compact(Number(source.skipped) || 0)}`;

  const lag = lagText(source.lag);
  cells.lag.textContent = lag ? `${lag} behind` : '–';
  cells.lag.title = isPolled(source) ? 'age of the feed\'s newest item' : 'now minus the newest event\'s own time';

  const lastEvent = agoCell(source.lastEventAt, now);
  cells.lastEvent.textContent = lastEvent.text;
  cells.lastEvent.title = lastEvent.title;
  const lastPoll = agoCell(source.lastPollAt, now);
  cells.lastPoll.textContent = lastPoll.text;
  cells.lastPoll.title = isPolled(source) ? lastPoll.title : `last delivery ${lastPoll.title}`.trim();

  const problem = state !== 'live' && source.lastError ? String(source.lastError) : '';
  cells.error.textContent = problem;
  problemRow.hidden = problem === '';
  const errorAt = Date.parse(source.lastErrorAt);
  cells.error.title = problem && Number.isFinite(errorAt) ? `${problem} (${ago(errorAt, now)})` : problem;
}

/** The Sources panel of the overview. */
export function createSourcesPanel() {
  const table = el('table', { className: 'source-table' },
    el('thead', {}, el('tr', {}, COLUMNS.map(([text, className]) => el('th', { scope: 'col', className, text })))));
  const status = el('span', { className: 'muted', dataset: { testid: 'sources-status' } });
  const note = el('p', { className: 'empty-note' });
  const scroll = el('div', { className: 'table-scroll' }, table);
  const root = el('section', { className: 'panel sources-panel', dataset: { testid: 'sources-panel' }, 'aria-label': 'Sources' },
    el('div', { className: 'section-head' }, el('h2', { text: 'Sources' }), status),
    scroll, note);
  const rows = new Map();

  function render() {
    const now = serverNow();
    if (sources.unsupported && !sources.loaded) {
      root.hidden = true;
      return;
    }
    root.hidden = false;
    if (sources.error) {
      status.textContent = sources.loaded ? `could not refresh (${sources.error}); showing data from ${ago(sources.fetchedAt)}` : `unavailable (${sources.error})`;
      status.classList.add('stale');
    } else {
      status.textContent = sources.loaded ? `${sources.list.length} source${sources.list.length === 1 ? '' : 's'} · every ${SOURCES_POLL_MS / 1000} s` : 'loading…';
      status.classList.remove('stale');
    }

    const seen = new Set();
    for (const source of sources.list) {
      const id = String(source.id);
      seen.add(id);
      let row = rows.get(id);
      if (!row) {
        row = createRow(id);
        rows.set(id, row);
      }
      updateRow(row, source, now);
      table.append(row.tr); // (re)appended in the list's order
    }
    for (const [id, row] of rows) {
      if (!seen.has(id)) {
        row.tr.remove();
        rows.delete(id);
      }
    }
    scroll.hidden = rows.size === 0;
    note.textContent = sources.loaded && !sources.list.length
      ? 'No sources configured: the dashboard shows demo or POSTed data only. Add one with PUT /api/sources/{id} or in the configuration file.'
      : '';
  }

  render();
  return { root, render };
}
