// Freshness ("updated 3 s ago") and the connection state, always visible in the top bar.
import { store, on } from './store.js';

const STALE_MS = 15000;
const LABELS = { connecting: 'connecting', connected: 'connected', reconnecting: 'reconnecting', offline: 'offline' };

export function installStatusBar(freshnessEl, connectionEl) {
  function renderFreshness() {
    if (!store.lastUpdate) {
      freshnessEl.textContent = 'waiting for data';
      freshnessEl.classList.add('stale');
      return;
    }
    const age = Date.now() - store.lastUpdate;
    const seconds = Math.max(0, Math.floor(age / 1000));
    freshnessEl.textContent = seconds < 120 ? `updated ${seconds} s ago` : `updated ${Math.floor(seconds / 60)} min ago`;
    freshnessEl.classList.toggle('stale', age > STALE_MS);
    freshnessEl.title = new Date(store.lastUpdate).toLocaleString();
  }

  function renderConnection(state) {
    connectionEl.dataset.state = state;
    connectionEl.textContent = LABELS[state] ?? state;
    connectionEl.title = state === 'offline' ? 'Live updates unavailable; retrying automatically.' : `Live updates: ${state}`;
  }

  renderConnection(store.connection);
  renderFreshness();
  on('connection', renderConnection);
  on('fresh', renderFreshness);
  setInterval(renderFreshness, 1000);
}
