// Number and time formatting. Rates below 10000 are plain integers ("123") so tests and humans can
// read them; larger values use one decimal and a k/M suffix ("12.3k", "1.2M").

export function compact(value) {
  if (!Number.isFinite(value)) return '0';
  const abs = Math.abs(value);
  if (abs < 10000) return String(Math.round(value));
  if (abs < 1e6) return `${trim(value / 1e3)}k`;
  if (abs < 1e9) return `${trim(value / 1e6)}M`;
  return `${trim(value / 1e9)}G`;
}

function trim(value) {
  return value.toFixed(1).replace(/\.0$/, '');
}

/** Signed sentiment (-1..1) as "+0.42" / "-0.10". */
export function signed(value, digits = 2) {
  if (!Number.isFinite(value)) return '–';
  const rounded = Number(value.toFixed(digits));
  if (rounded === 0) return (0).toFixed(digits);
  return rounded > 0 ? `+${rounded.toFixed(digits)}` : rounded.toFixed(digits);
}

export function percent(fraction, digits = 0) {
  if (!Number.isFinite(fraction)) return '–';
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** Change between two period counts as "+35%", "-12%", "new" (from zero) or "±0%". */
export function change(current, previous) {
  if (!Number.isFinite(current) || !Number.isFinite(previous)) return { text: '–', direction: 0 };
  if (previous === 0) return current === 0 ? { text: '±0%', direction: 0 } : { text: 'new', direction: 1 };
  const ratio = (current - previous) / previous;
  const rounded = Math.round(ratio * 100);
  if (rounded === 0) return { text: '±0%', direction: 0 };
  return { text: `${rounded > 0 ? '+' : ''}${compact(rounded)}%`, direction: Math.sign(rounded) };
}

/** A span of time in seconds as "3 s", "4 min", "2 h", "3 d" (negative counts as 0). */
export function duration(secondsValue) {
  const seconds = Math.max(0, Math.round(secondsValue));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} d`;
}

/** "3 s ago", "4 min ago", "2 h ago" relative to now (ms). */
export function ago(timestampMs, nowMs = Date.now()) {
  return `${duration((nowMs - timestampMs) / 1000)} ago`;
}

export function clock(timestampMs) {
  return new Date(timestampMs).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

/** Date and time to the minute, as the browser's locale writes them ("07/12/2026, 10:52"). */
export function dateTime(timestampMs) {
  return new Date(timestampMs).toLocaleString([], { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
}

/** Net sentiment as defined by the product: (pos - neg) / (pos + neg); 0 when there is neither. */
export function netSentiment(positive, negative) {
  const polar = positive + negative;
  return polar > 0 ? (positive - negative) / polar : 0;
}
