// Sources: what Pulse listens to (GET /api/sources, see CONTRACT.md), polled every few seconds — there is no hub event
// for sources. Keeps a short history of each source's `accepted` counter so the browser can show mentions per minute,
// and says in words how fresh each source is (the overview's freshness line). Every string here comes from the
// server and is only ever used as text.
import { api } from './api.js';
import { emit } from './store.js';
import { serverNow } from './server-clock.js';
import { ago, duration } from './format.js';

export const SOURCES_POLL_MS = 5000;
const RATE_WINDOW_MS = 60000;

export const STATES = new Set(['connecting', 'live', 'backing-off', 'failed', 'paused']);

export const sources = {
  list: [],             // SourceView[], sorted by id
  loaded: false,        // a list has arrived at least once
  error: null,          // message of the last failed poll; null after a good one
  unsupported: false,   // the server has no /api/sources (HTTP 404)
  fetchedAt: 0,         // ms, local clock, of the last good poll
};

const samples = new Map(); // id -> [{ t (ms, local clock), accepted }] oldest first

function noteSample(source, t) {
  const accepted = Number(source.accepted);
  if (!Number.isFinite(accepted)) return;
  let list = samples.get(source.id);
  // A smaller count is a restarted source (counters live with the running source): start over.
  if (!list || (list.length && accepted < list[list.length - 1].accepted)) list = [];
  list.push({ t, accepted });
  // Keep one sample at least RATE_WINDOW_MS old as the anchor, drop older ones.
  while (list.length > 2 && list[1].t <= t - RATE_WINDOW_MS) list.shift();
  samples.set(source.id, list);
}

/** Mentions accepted per minute over the last minute of polls; null until two polls at least a second apart. */
export function acceptedPerMinute(id) {
  const list = samples.get(id);
  if (!list || list.length < 2) return null;
  const first = list[0];
  const last = list[list.length - 1];
  const ms = last.t - first.t;
  return ms >= 1000 ? ((last.accepted - first.accepted) * 60000) / ms : null;
}

/** Seconds the rate is measured over (for the tooltip). */
export function rateWindowSeconds(id) {
  const list = samples.get(id);
  return list && list.length >= 2 ? Math.round((list[list.length - 1].t - list[0].t) / 1000) : 0;
}

export async function pollSources() {
  try {
    const list = await api.sources();
    const now = Date.now();
    const valid = Array.isArray(list) ? list.filter((s) => s && typeof s.id === 'string') : [];
    valid.sort((a, b) => a.id.localeCompare(b.id));
    const ids = new Set(valid.map((s) => s.id));
    for (const id of samples.keys()) if (!ids.has(id)) samples.delete(id);
    for (const s of valid) noteSample(s, now);
    Object.assign(sources, { list: valid, loaded: true, error: null, unsupported: false, fetchedAt: now });
  } catch (error) {
    sources.error = error.message ?? String(error);
    sources.unsupported = error.status === 404;
    console.warn('sources unavailable', error);
  }
  emit('sources');
}

export function startSourcePolling() {
  pollSources();
  return setInterval(pollSources, SOURCES_POLL_MS);
}

/** True for sources that poll (a feed); jetstream and mastodon are streams. */
export const isPolled = (source) => source.kind === 'rss';

/** A state for CSS classes: one of STATES, otherwise "unknown" (the server's string never becomes a class as is). */
export const stateClass = (state) => (STATES.has(state) ? state : 'unknown');

export const stateLabel = (state) => (state === 'backing-off' ? 'backing off' : String(state ?? 'unknown'));

const agoOf = (iso, now) => {
  const at = Date.parse(iso);
  return Number.isFinite(at) ? ago(at, now) : null;
};

/** Lag (seconds behind, a number or null) as "2 s", "under 1 s", "4 min"; null when unknown. */
export function lagText(lag) {
  if (typeof lag !== 'number' || !Number.isFinite(lag)) return null;
  return lag < 1 ? 'under 1 s' : duration(lag);
}

/**
 * One source in words for the freshness line: { text, level } with level "ok" | "warn" | "bad" | "silent" | "idle".
 * Streams say their state and lag, feeds when they were last polled; a failed or silent source says so.
 */
export function describe(source, now = serverNow()) {
  const id = String(source.id);
  const polled = isPolled(source);
  const lastPoll = agoOf(source.lastPollAt, now);
  const lastEvent = agoOf(source.lastEventAt, now);
  const lag = lagText(source.lag);
  const lastData = polled ? (lastPoll ? `last poll ${lastPoll}` : 'never polled') : (lastEvent ? `last event ${lastEvent}` : 'no events yet');
  switch (source.state) {
    case 'live':
      if (source.silent) {
        return {
          level: 'silent',
          text: polled
            ? `${id} silent, newest item ${lastEvent ?? 'unknown'}${lastPoll ? `, polled ${lastPoll}` : ''}`
            : `${id} silent, ${lastData}`,
        };
      }
      if (polled) return { level: 'ok', text: lastPoll ? `${id} polled ${lastPoll}` : `${id} live, not polled yet` };
      return { level: 'ok', text: lag ? `${id} live, ${lag} behind` : `${id} live, no events yet` };
    case 'connecting':
      return { level: 'warn', text: `${id} connecting` };
    case 'backing-off':
      return { level: 'warn', text: `${id} backing off, ${lastData}` };
    case 'failed':
      return { level: 'bad', text: `${id} failed, ${lastData}` };
    case 'paused':
      return { level: 'idle', text: `${id} paused` };
    default:
      return { level: 'warn', text: `${id} ${String(source.state ?? 'unknown')}` };
  }
}
