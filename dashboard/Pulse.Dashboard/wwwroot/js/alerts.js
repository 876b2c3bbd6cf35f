// The alert feed (always visible): what happened, how bad, where, and why.
import { el, appLink, clear } from './dom.js';
import { ago, compact, percent } from './format.js';
import { channelColor } from './colors.js';

const MAX_ALERTS = 50;
const HIGHLIGHT_MS = 20000;
const STATE_RANK = { open: 0, acknowledged: 1, resolved: 2 };
const KIND_LABEL = { spike: 'Spike', drop: 'Drop', 'negative-shift': 'Negative shift', viral: 'Viral' };
const SHARE_KINDS = new Set(['negative-shift']); // value and expected are shares 0..1

const highlightUntil = new Map(); // alert id -> ms

function number(value) {
  if (!Number.isFinite(value)) return '–';
  return Math.abs(value) < 10 && !Number.isInteger(value) ? value.toFixed(2) : compact(value);
}

/** The incident's facets, leading one first; an alert from an older silo (no facets) is its own single facet. */
export function facetsOf(alert) {
  if (Array.isArray(alert.facets) && alert.facets.length) return alert.facets;
  return [{
    kind: alert.kind, channels: alert.channels ?? [], severity: alert.severity, value: alert.value, expected: alert.expected,
    firstSeen: alert.startedAt, lastSeen: alert.updatedAt,
  }];
}

function kindLabel(kind) {
  return KIND_LABEL[kind] ?? String(kind);
}

function severityClass(severity) {
  if (severity >= 8) return 'sev-critical';
  if (severity >= 5) return 'sev-high';
  return 'sev-low';
}

/** Open alerts first, then most recently changed. */
export function sortAlerts(alerts) {
  return [...alerts].sort((a, b) =>
    (STATE_RANK[a.state] ?? 3) - (STATE_RANK[b.state] ?? 3)
    || Date.parse(b.updatedAt ?? b.startedAt) - Date.parse(a.updatedAt ?? a.startedAt));
}

export function markFresh(alerts) {
  const until = Date.now() + HIGHLIGHT_MS;
  for (const alert of alerts) highlightUntil.set(alert.id, until);
}

function whyTerms(alert) {
  const terms = (alert.why?.terms ?? []).slice(0, 6);
  if (!terms.length) return null;
  return el('div', { className: 'alert-why' },
    el('span', { className: 'why-label', text: 'why' }),
    terms.map((t) => el('span', {
      className: 'term',
      title: `${t.count} mentions, lift ×${number(t.lift)}`,
    }, String(t.term), el('span', { className: 'term-lift', text: ` ×${number(t.lift)}` }))));
}

// Delivery outcomes worth a look: a failure (or a retry under way), a full outbox, or quiet hours holding a webhook back.
const DELIVERY_NOTE = { failed: 'webhook failed', retrying: 'webhook retrying', dropped: 'webhook dropped', held: 'webhook held' };

function deliveryNotes(alert) {
  const notes = (alert.deliveries ?? []).filter((d) => DELIVERY_NOTE[d.status]);
  if (!notes.length) return null;
  return el('div', { className: 'alert-deliveries' }, notes.map((d) => el('div', {
    className: `alert-delivery delivery-${d.status}`,
    dataset: { testid: 'alert-delivery', status: d.status, event: d.event },
    title: `${d.event} → ${d.target} (${d.format}), ${d.attempts} attempt(s), ${d.at}`,
    style: { color: d.status === 'held' ? 'var(--muted)' : d.status === 'retrying' ? 'var(--warn)' : 'var(--neg)', fontSize: '0.85em' },
    text: `${DELIVERY_NOTE[d.status]}: ${d.target} ${d.event}${d.error ? ` – ${d.error}` : ''}${d.attempts > 1 ? ` (${d.attempts} attempts)` : ''}`,
  })));
}

// The team's latest word on the alert (who acknowledged or resolved it, and the note): untrusted text, set as text.
const TEAM_ACTIONS = { acknowledge: 'acknowledged', resolve: 'resolved' };

function latestAction(alert) {
  const last = (alert.history ?? []).filter((a) => TEAM_ACTIONS[a.action]).at(-1);
  if (!last) return null;
  return el('p', {
    className: 'alert-note',
    dataset: { testid: 'alert-note', action: String(last.action) },
    title: String(last.at ?? ''),
    text: `${TEAM_ACTIONS[last.action]} by ${last.by}${last.note ? `: ${last.note}` : ''}`,
  });
}

function facetFigures(facet) {
  if (SHARE_KINDS.has(facet.kind)) return `${percent(facet.value)} vs ${percent(facet.expected)}`;
  const ratio = facet.expected > 0 ? ` (×${number(facet.value / facet.expected)})` : '';
  return `${number(facet.value)} vs ${number(facet.expected)}${ratio}`;
}

// One row per facet: how the incident shows (spike, negative shift, ...), how badly, where, and the figures.
function facetList(facets) {
  return el('ul', { className: 'alert-facets' }, facets.map((f) => el('li', {
    className: `alert-facet ${severityClass(f.severity)}`,
    dataset: { testid: 'alert-facet', kind: String(f.kind), firstSeen: String(f.firstSeen ?? '') },
    title: `first seen ${f.firstSeen}, last ${f.lastSeen}`,
  },
  el('span', { className: 'facet-kind', text: kindLabel(f.kind) }),
  el('span', { className: 'facet-severity', text: `sev ${f.severity}` }),
  el('span', { className: 'facet-figures', text: facetFigures(f) }),
  el('span', { className: 'facet-channels', text: (f.channels ?? []).join(', ') }))));
}

function alertItem(alert, currentBrandId, now) {
  const facets = facetsOf(alert);
  const fresh = (highlightUntil.get(alert.id) ?? 0) > now;
  const item = el('li', {
    className: ['alert', severityClass(alert.severity), `state-${alert.state}`, fresh ? 'fresh' : '',
      alert.brandId === currentBrandId ? 'current' : ''].filter(Boolean).join(' '),
    // data-kind is the leading facet (the alert's kind); data-kinds lists every facet, for [data-kinds~=spike].
    dataset: {
      testid: 'alert-item', alertId: alert.id, brandId: alert.brandId, kind: alert.kind, kinds: facets.map((f) => f.kind).join(' '), state: alert.state,
    },
  },
  el('div', { className: 'alert-head' },
    el('span', { className: 'alert-kind', text: facets.map((f) => kindLabel(f.kind)).join(' + ') }),
    el('span', { className: 'alert-severity', title: 'severity 1–10: the worst facet', text: `sev ${alert.severity}` }),
    el('span', { className: 'alert-state', text: alert.state }),
    el('time', { className: 'alert-time', datetime: alert.startedAt, title: `started ${alert.startedAt}`, text: ago(Date.parse(alert.startedAt), now) })),
  el('div', { className: 'alert-brand' },
    appLink(`#/brand/${encodeURIComponent(alert.brandId)}`, {}, String(alert.brandName ?? alert.brandId)),
    el('span', { className: 'alert-channels' }, (alert.channels ?? []).map((c, i) =>
      el('span', { className: 'chip', style: { borderColor: channelColor(c, i) }, text: c })))),
  facetList(facets),
  alert.message ? el('p', { className: 'alert-message', text: alert.message }) : null,
  whyTerms(alert),
  latestAction(alert),
  deliveryNotes(alert));
  return item;
}

/** Re-renders the feed; cheap because the list is capped. */
export function renderAlerts(list, countEl, alerts, currentBrandId) {
  const now = Date.now();
  const sorted = sortAlerts(alerts).slice(0, MAX_ALERTS);
  clear(list);
  if (!sorted.length) {
    list.append(el('li', { className: 'empty-note', text: 'No alerts. Spikes, drops, negative shifts and viral posts appear here.' }));
  }
  for (const alert of sorted) list.append(alertItem(alert, currentBrandId, now));
  const open = alerts.filter((a) => a.state === 'open').length;
  countEl.textContent = open ? `${open} open` : '';
  countEl.classList.toggle('hot', open > 0);
}
