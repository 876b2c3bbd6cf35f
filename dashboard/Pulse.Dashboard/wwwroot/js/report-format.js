// Formatting for the printable report: times in UTC (the report's buckets are UTC hours and days, and a printed page
// travels between time zones), response times as durations, changes as signed percentages. Pure functions of numbers
// and ISO strings; the results are only ever set as text.

const DAY_MS = 86_400_000;

const dateFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
const shortDateFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Milliseconds since the epoch of an ISO string, or NaN. */
export function ms(iso) {
  return typeof iso === 'string' ? Date.parse(iso) : Number.NaN;
}

const isMidnight = (t) => t % DAY_MS === 0;

/** "5 Mar 2026". */
export function utcDate(t) {
  return Number.isFinite(t) ? dateFormat.format(t) : '–';
}

/** "5 Mar 2026, 14:00 UTC". */
export function utcDateTime(t) {
  return Number.isFinite(t) ? `${dateFormat.format(t)}, ${timeFormat.format(t)} UTC` : '–';
}

/** A chart's axis label: "5 Mar" for days, "5 Mar 14:00" for hours. */
export function axisLabel(t, hourly) {
  return hourly ? `${shortDateFormat.format(t)} ${timeFormat.format(t)}` : shortDateFormat.format(t);
}

/**
 * A range [from, to) as people read it: whole UTC days as "1 Mar 2026 – 30 Mar 2026" (the last day included), anything
 * else with times.
 */
export function utcRange(range) {
  const from = ms(range?.from);
  const to = ms(range?.to);
  if (!Number.isFinite(from) || !Number.isFinite(to)) return '–';
  if (isMidnight(from) && isMidnight(to)) {
    const last = to - DAY_MS;
    return last <= from ? `${utcDate(from)} (UTC)` : `${utcDate(from)} – ${utcDate(last)} (UTC)`;
  }
  return `${utcDateTime(from)} – ${utcDateTime(to)}`;
}

/** yyyy-mm-dd of a time in UTC, for a date input. */
export function isoDay(t) {
  return Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : '';
}

/** The day after a yyyy-mm-dd, as yyyy-mm-dd: a date input's "to" is included, the API's is not. */
export function nextDay(day) {
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(t) ? isoDay(t + DAY_MS) : '';
}

/** The last day a [from, to) range covers, as yyyy-mm-dd. */
export function lastDay(range) {
  const to = ms(range?.to);
  return Number.isFinite(to) ? isoDay(to - 1) : '';
}

/** Counts: "987", "12,345", "1.2M". */
export function count(value) {
  if (!Number.isFinite(value)) return '–';
  if (Math.abs(value) >= 1e6) return `${(value / 1e6).toFixed(1).replace(/\.0$/, '')}M`;
  return Math.round(value).toLocaleString('en-GB');
}

/** A fraction as "42%" or "4.2%" (one decimal under 10 %). */
export function share(fraction) {
  if (!Number.isFinite(fraction)) return '–';
  const percent = fraction * 100;
  return `${percent !== 0 && Math.abs(percent) < 10 ? percent.toFixed(1) : percent.toFixed(0)}%`;
}

/** Sentiment (-1..1) as "+0.42" / "−0.10" / "0.00". */
export function sentiment(value, digits = 2) {
  if (!Number.isFinite(value)) return '–';
  const rounded = Number(value.toFixed(digits));
  if (rounded === 0) return (0).toFixed(digits);
  return rounded > 0 ? `+${rounded.toFixed(digits)}` : `−${Math.abs(rounded).toFixed(digits)}`;
}

/**
 * A change as a fraction (0.25 = +25 %), the server's: null when the before side was zero, which has no ratio.
 * Returns { text, direction }.
 */
export function lift(fraction, { before, after } = {}) {
  if (!Number.isFinite(fraction)) {
    if (before === 0 && after > 0) return { text: 'new', direction: 1 };
    if (before === 0 && after === 0) return { text: '±0%', direction: 0 };
    return { text: '–', direction: 0 };
  }
  const percent = Math.round(fraction * 100);
  if (percent === 0) return { text: '±0%', direction: 0 };
  return { text: `${percent > 0 ? '+' : '−'}${Math.abs(percent).toLocaleString('en-GB')}%`, direction: Math.sign(percent) };
}

/** A difference of sentiments (means or net), as "+0.12" / "−0.30". */
export function difference(value) {
  if (!Number.isFinite(value)) return { text: '–', direction: 0 };
  const text = sentiment(value);
  return { text: text === '0.00' ? '±0.00' : text, direction: text === '0.00' ? 0 : Math.sign(value) };
}

/** A relative change between two numbers, as {@link lift} shows it. */
export function relative(after, before) {
  if (!Number.isFinite(after) || !Number.isFinite(before)) return { text: '–', direction: 0 };
  return lift(before === 0 ? null : (after - before) / before, { before, after });
}

/**
 * A response time in seconds as people say it: "45 s", "7 min 30 s", "15 min", "9 h 12 min", "3 d 4 h"; "–" when the
 * server had none (not measured, or not happened yet).
 */
export function span(seconds) {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '–';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 600) {
    const rest = s % 60;
    return rest ? `${Math.floor(s / 60)} min ${rest} s` : `${s / 60} min`;
  }
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) {
    const rest = minutes % 60;
    return rest ? `${Math.floor(minutes / 60)} h ${rest} min` : `${minutes / 60} h`;
  }
  const hours = Math.round(minutes / 60);
  const rest = hours % 24;
  return rest ? `${Math.floor(hours / 24)} d ${rest} h` : `${hours / 24} d`;
}
