// War-room (TV) mode: big type, high contrast, rotates overview -> each brand without interaction.
// Enabled by the button or ?tv=1; a new alert jumps to its brand.
import { sortedBrands } from './store.js';

const ROTATE_MS = 20000;
const ALERT_HOLD_MS = 40000;

export function createWarRoom({ button, onChange }) {
  let timer = null;
  let index = 0;
  const progress = document.createElement('div');
  progress.className = 'rotation-progress';
  document.body.append(progress);

  const active = () => document.body.classList.contains('tv');

  function routes() {
    return ['#/', ...sortedBrands().map((b) => `#/brand/${encodeURIComponent(b.id)}`)];
  }

  function restartProgress(ms) {
    progress.style.animation = 'none';
    void progress.offsetWidth; // restart the CSS animation
    progress.style.animation = `rotation ${ms}ms linear forwards`;
  }

  function schedule(ms = ROTATE_MS) {
    clearTimeout(timer);
    timer = setTimeout(next, ms);
    restartProgress(ms);
  }

  function next() {
    const all = routes();
    const current = all.indexOf(location.hash || '#/');
    index = ((current >= 0 ? current : index) + 1) % all.length;
    location.hash = all[index];
    schedule();
  }

  function setUrlFlag(on) {
    const url = new URL(location.href);
    if (on) url.searchParams.set('tv', '1');
    else url.searchParams.delete('tv');
    history.replaceState(null, '', url);
  }

  function enable({ fullscreen }) {
    document.body.classList.add('tv');
    button.textContent = 'Exit war room';
    button.setAttribute('aria-pressed', 'true');
    setUrlFlag(true);
    if (fullscreen && document.documentElement.requestFullscreen && !document.fullscreenElement) {
      document.documentElement.requestFullscreen().catch(() => {});
    }
    schedule();
    onChange();
  }

  function disable() {
    document.body.classList.remove('tv');
    button.textContent = 'War room';
    button.setAttribute('aria-pressed', 'false');
    setUrlFlag(false);
    clearTimeout(timer);
    progress.style.animation = 'none';
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    onChange();
  }

  button.addEventListener('click', () => (active() ? disable() : enable({ fullscreen: true })));
  window.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && active() && !document.fullscreenElement) disable();
  });

  if (new URLSearchParams(location.search).get('tv') === '1') enable({ fullscreen: false });

  return {
    active,
    /** Shows a brand now (new alert) and holds it longer before rotating on. */
    focusBrand(brandId) {
      if (!active()) return;
      location.hash = `#/brand/${encodeURIComponent(brandId)}`;
      schedule(ALERT_HOLD_MS);
    },
  };
}
