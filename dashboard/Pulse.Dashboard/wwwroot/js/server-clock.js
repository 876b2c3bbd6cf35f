// The server's "now", so locally advanced timelines line up with server timestamps
// even when the screen's clock is off.
let offsetMs = 0;

/** Learns the offset from a server timestamp that was just produced (ISO string). */
export function noteServerTime(iso) {
  const at = Date.parse(iso);
  if (Number.isFinite(at)) offsetMs = at - Date.now();
}

export function serverNow() {
  return Date.now() + offsetMs;
}
