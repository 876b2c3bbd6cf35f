// Audible cue and desktop notification for new alerts. Browsers allow sound only after a user
// gesture, so audio is unlocked on the first click/key press; notifications need explicit permission.

let audio = null;

function unlockAudio() {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') audio.resume();
  } catch {
    audio = null; // no WebAudio: alerts stay visual
  }
}

export function installAudioUnlock() {
  const unlock = () => {
    unlockAudio();
    window.removeEventListener('pointerdown', unlock);
    window.removeEventListener('keydown', unlock);
  };
  window.addEventListener('pointerdown', unlock);
  window.addEventListener('keydown', unlock);
}

/** Two short tones; higher pitch for severe alerts. Silent until audio was unlocked. */
export function beep(severity = 5) {
  if (!audio || audio.state !== 'running') return;
  const base = severity >= 7 ? 880 : 660;
  const now = audio.currentTime;
  [0, 0.18].forEach((offset, i) => {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = 'sine';
    osc.frequency.value = base * (i === 0 ? 1 : 1.25);
    gain.gain.setValueAtTime(0.0001, now + offset);
    gain.gain.exponentialRampToValueAtTime(0.25, now + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, now + offset + 0.15);
    osc.connect(gain).connect(audio.destination);
    osc.start(now + offset);
    osc.stop(now + offset + 0.16);
  });
}

export function notificationsState() {
  if (!('Notification' in window)) return 'unsupported';
  return Notification.permission; // 'default' | 'granted' | 'denied'
}

export function audioReady() {
  return audio !== null && audio.state === 'running';
}

/** Called from the "enable" button's click: unlocks audio and asks for notification permission. */
export async function enableAlertCues() {
  unlockAudio();
  if (notificationsState() === 'default') {
    try {
      await Notification.requestPermission();
    } catch {
      // older browsers use a callback form; visual + audio cues still work
    }
  }
  beep(1);
}

/** Desktop notification (text only: titles and bodies are not rendered as markup). */
export function notify(alert) {
  if (notificationsState() !== 'granted') return;
  try {
    const kinds = Array.isArray(alert.facets) && alert.facets.length ? alert.facets.map((f) => f.kind).join(' + ') : alert.kind;
    const n = new Notification(`${kinds ?? 'alert'} · ${alert.brandName ?? alert.brandId} · severity ${alert.severity}`, {
      body: alert.message ?? '',
      tag: `pulse-alert-${alert.id}`,
    });
    n.onclick = () => {
      window.focus();
      location.hash = `#/brand/${encodeURIComponent(alert.brandId)}`;
    };
  } catch {
    // some platforms only allow notifications from a service worker
  }
}
