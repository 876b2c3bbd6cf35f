// Entry point: loads reference data, routes between overview, brand view and archive search (#/, #/brand/{id}, #/search),
// wires the hub into the store, and keeps the alert feed, status bar, source polling and war-room mode running.
import { el, appLink, clear } from './js/dom.js';
import { api } from './js/api.js';
import { createHub } from './js/hub.js';
import { store, emit, touch, setBrands, seedBrand, applySummaries, applyAlerts, applyDataGaps, setConnection, on } from './js/store.js';
import { brandMeasures } from './js/series.js';
import { noteServerTime } from './js/server-clock.js';
import { mountOverview } from './js/overview.js';
import { mountBrandView } from './js/brand-view.js';
import { mountSearch, isSearchRoute } from './js/search.js';
import { renderAlerts, markFresh } from './js/alerts.js';
import { renderDataGaps } from './js/data-gaps.js';
import { installAudioUnlock, enableAlertCues, beep, notify, notificationsState, audioReady } from './js/notify.js';
import { installStatusBar } from './js/status-bar.js';
import { createWarRoom } from './js/warroom.js';
import { startSourcePolling } from './js/sources.js';
import { loadSession, signOut } from './js/session.js';
import { showSignIn } from './js/sign-in.js';

const SPARK_POINTS = 180;
const OFFLINE_POLL_MS = 15000;

const viewEl = document.getElementById('view');
const crumbs = document.getElementById('crumbs');
const alertList = document.getElementById('alert-list');
const alertCount = document.getElementById('alert-count');
const alertsButton = document.getElementById('alerts-enable');
const dataGapsEl = document.getElementById('data-gaps');
const searchLink = document.getElementById('nav-search');

let current = null;
let currentBrandId = null;

function routeBrandId() {
  const match = /^#\/brand\/(.+)$/.exec(location.hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

function renderCrumbs(title) {
  clear(crumbs);
  crumbs.append(appLink('#/', { className: title ? undefined : 'active' }, 'Overview'));
  if (title) crumbs.append(el('span', { className: 'sep', 'aria-hidden': 'true', text: '›' }), el('span', { className: 'active', text: title }));
}

function render() {
  current?.unmount();
  clear(viewEl);
  const searching = isSearchRoute(location.hash);
  const brandId = searching ? null : routeBrandId();
  currentBrandId = brandId !== null && store.brands.has(brandId) ? brandId : null;
  if (brandId !== null && currentBrandId === null && store.brands.size) location.hash = '#/';
  if (searching) current = mountSearch(viewEl);
  else if (currentBrandId !== null) current = mountBrandView(viewEl, currentBrandId);
  else current = mountOverview(viewEl);
  if (searching) searchLink.setAttribute('aria-current', 'page');
  else searchLink.removeAttribute('aria-current');
  renderCrumbs(current.title);
  hub.setBrand(currentBrandId);
  renderAlertFeed();
  window.scrollTo(0, 0);
}

function renderAlertFeed() {
  renderAlerts(alertList, alertCount, [...store.alerts.values()], currentBrandId);
}

function renderGaps() {
  renderDataGaps(dataGapsEl, [...store.dataGaps.values()]);
}

async function loadDataGaps() {
  try {
    applyDataGaps(await api.dataGaps());
  } catch (error) {
    console.warn('data gaps unavailable', error);
  }
}

async function seedBrands() {
  await Promise.all([...store.brands.keys()].map(async (id) => {
    try {
      seedBrand(id, brandMeasures(await api.series(id, '1s', SPARK_POINTS)));
    } catch (error) {
      console.warn(`series of ${id} unavailable`, error);
    }
  }));
  touch();
  emit('seeded');
}

async function loadAlerts({ initial }) {
  try {
    const fresh = applyAlerts(await api.alerts(), { initial });
    if (fresh.length) announce(fresh);
  } catch (error) {
    console.warn('alerts unavailable', error);
  }
}

function announce(fresh) {
  markFresh(fresh);
  renderAlertFeed();
  const worst = fresh.reduce((a, b) => ((b.severity ?? 0) > (a.severity ?? 0) ? b : a));
  beep(worst.severity);
  fresh.forEach(notify);
  warRoom.focusBrand(worst.brandId);
}

async function resync() {
  await Promise.all([seedBrands(), loadAlerts({ initial: false }), loadDataGaps()]);
  emit('resync');
}

const hub = createHub({
  onSummaries(summaries) {
    const latest = summaries.reduce((max, s) => (s.at > max ? s.at : max), '');
    if (latest) noteServerTime(latest);
    applySummaries(summaries);
  },
  onSnapshots(snapshots) {
    touch();
    emit('snapshots', snapshots);
  },
  onAlerts(alerts) {
    touch();
    const fresh = applyAlerts(alerts);
    if (fresh.length) announce(fresh);
  },
  onDataGaps(gaps) {
    touch();
    applyDataGaps(gaps);
  },
  onState: setConnection,
  onResync: resync,
});

function renderAlertsButton() {
  const notifications = notificationsState();
  const sound = audioReady() ? 'sound on' : 'sound off';
  const note = notifications === 'granted' ? 'notifications on' : notifications === 'denied' ? 'notifications blocked' : null;
  alertsButton.textContent = audioReady() || notifications === 'granted'
    ? `Alerts: ${[sound, note].filter(Boolean).join(' · ')}`
    : 'Enable alert sound & notifications';
  alertsButton.classList.toggle('on', audioReady());
}

const warRoom = createWarRoom({ button: document.getElementById('warroom-toggle'), onChange: () => { if (current) render(); } });

// The signed-in name and role, with a sign-out button; hidden without a session.
async function refreshSession() {
  let me = null;
  try {
    me = await loadSession();
  } catch (error) {
    console.warn('session unavailable', error);
  }
  document.getElementById('session').hidden = !me;
  document.getElementById('session-name').textContent = me ? `${me.name} · ${me.role}` : '';
}

async function loadReferenceData() {
  for (let attempt = 0; ; attempt++) {
    try {
      const [channels, brands] = await Promise.all([api.channels(), api.brands()]);
      store.channels = channels;
      setBrands(brands);
      return;
    } catch (error) {
      if (error.status === 401) {
        // The API wants a session: sign in, then load again (the new session's anti-forgery token comes with /auth/me).
        await showSignIn(viewEl);
        await refreshSession();
        attempt = -1;
        continue;
      }
      console.warn(error);
      clear(viewEl).append(el('p', { className: 'view-status', role: 'status', text: `Cannot reach the Pulse API (${error.message}). Retrying…` }));
      await new Promise((resolve) => setTimeout(resolve, Math.min(30000, 2000 * (attempt + 1))));
    }
  }
}

async function main() {
  installStatusBar(document.getElementById('freshness'), document.getElementById('connection-state'));
  installAudioUnlock();
  alertsButton.addEventListener('click', async () => {
    await enableAlertCues();
    renderAlertsButton();
  });
  window.addEventListener('pointerdown', () => setTimeout(renderAlertsButton, 50), { once: true });
  renderAlertsButton();
  document.getElementById('sign-out').addEventListener('click', async () => {
    await signOut();
    location.reload();
  });

  on('alerts', renderAlertFeed);
  on('dataGaps', renderGaps);
  setInterval(() => { renderAlertFeed(); renderGaps(); }, 15000); // relative times and expiring highlights

  await refreshSession();
  await loadReferenceData();
  // No hub event for sources yet: polled in every view, so the rates (computed between polls) stay continuous.
  startSourcePolling();
  render();
  window.addEventListener('hashchange', render);
  await Promise.all([loadAlerts({ initial: true }), loadDataGaps(), seedBrands()]);

  await hub.subscribeOverview();
  hub.start();
  // Without the hub the wall still moves: poll the REST API until live updates are back.
  setInterval(() => {
    if (store.connection !== 'connected') resync();
  }, OFFLINE_POLL_MS);
}

main();
