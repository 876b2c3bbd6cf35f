// Shared live state: brands, their latest summaries and rate history, alerts, freshness.
// Views subscribe to named events instead of talking to the hub directly.
import { netSentiment } from './format.js';

const listeners = new Map();
const HISTORY_S = 300;

export const store = {
  channels: [],
  brands: new Map(),            // id -> Brand
  summaries: new Map(),         // id -> { rate, perMinute, positive, neutral, negative, netSentiment, engagement, at }
  history: new Map(),           // id -> [{ t (unix s), rate, perMinute }] oldest first
  alerts: new Map(),            // id -> Alert
  dataGaps: new Map(),          // id -> DataGap (ingestion outages)
  lastUpdate: 0,                // ms, local clock, of the last data received
  connection: 'connecting',
};

export function on(event, handler) {
  if (!listeners.has(event)) listeners.set(event, new Set());
  listeners.get(event).add(handler);
  return () => listeners.get(event).delete(handler);
}

export function emit(event, payload) {
  for (const handler of listeners.get(event) ?? []) {
    try {
      handler(payload);
    } catch (error) {
      console.error(`handler for ${event} failed`, error);
    }
  }
}

export function touch() {
  store.lastUpdate = Date.now();
  emit('fresh');
}

export function setBrands(brands) {
  store.brands = new Map(brands.map((b) => [b.brandId ?? b.id, b]));
  emit('brands');
}

/** Brands sorted by display name; stable order matters on a wall screen. */
export function sortedBrands() {
  return [...store.brands.values()].sort((a, b) => String(a.name).localeCompare(String(b.name)));
}

/** Replaces a brand's history and summary with values computed from its /series response. */
export function seedBrand(brandId, measures) {
  const points = [];
  for (let i = measures.fullMinuteFrom; i < measures.times.length; i++) {
    points.push({ t: measures.times[i], rate: measures.rate[i], perMinute: measures.perMinute[i] });
  }
  store.history.set(brandId, points);
  const last = measures.times.length - 1;
  if (last >= 0) {
    store.summaries.set(brandId, {
      rate: measures.rate[last],
      perMinute: measures.perMinute[last],
      positive: measures.positive[last],
      neutral: measures.neutral[last],
      negative: measures.negative[last],
      netSentiment: netSentiment(measures.positive[last], measures.negative[last]),
      engagement: measures.engagement[last],
      at: new Date(measures.times[last] * 1000).toISOString(),
    });
  }
}

export function applySummaries(summaries) {
  for (const s of summaries) {
    store.summaries.set(s.brandId, s);
    const t = Date.parse(s.at) / 1000;
    const points = store.history.get(s.brandId) ?? [];
    if (points.length && points[points.length - 1].t >= t) points[points.length - 1] = { t: points[points.length - 1].t, rate: s.rate, perMinute: s.perMinute };
    else points.push({ t, rate: s.rate, perMinute: s.perMinute });
    while (points.length && points[0].t < t - HISTORY_S) points.shift();
    store.history.set(s.brandId, points);
    if (!store.brands.has(s.brandId)) store.brands.set(s.brandId, { id: s.brandId, name: s.name });
  }
  touch();
  emit('summaries', summaries);
}

/** Count of the previous minute: the 60 s count as it was one minute before the latest point. */
export function previousMinute(brandId) {
  const points = store.history.get(brandId) ?? [];
  if (!points.length) return undefined;
  const target = points[points.length - 1].t - 60;
  if (points[0].t > target + 2) return undefined;
  let best = points[0];
  for (const p of points) if (p.t <= target) best = p;
  return best.perMinute;
}

const facetCount = (alert) => (Array.isArray(alert.facets) ? alert.facets.length : 1);

/** An update that escalates the incident: its severity rose or a new facet joined (as the server escalates). */
function escalates(before, after) {
  return (after.severity ?? 0) > (before.severity ?? 0) || facetCount(after) > facetCount(before);
}

/** Upserts alerts; returns the news: alerts never seen before, and those that escalated since. */
export function applyAlerts(alerts, { initial = false } = {}) {
  const fresh = [];
  for (const alert of alerts) {
    const before = store.alerts.get(alert.id);
    if (!initial && (before === undefined || escalates(before, alert))) fresh.push(alert);
    store.alerts.set(alert.id, alert);
  }
  emit('alerts', { fresh });
  return fresh;
}

/** Upserts data gaps (a gap changes as channels stop, come back, and it ends). */
export function applyDataGaps(gaps) {
  for (const gap of gaps) store.dataGaps.set(gap.id, gap);
  emit('dataGaps');
}

export function setConnection(state) {
  store.connection = state;
  emit('connection', state);
}
