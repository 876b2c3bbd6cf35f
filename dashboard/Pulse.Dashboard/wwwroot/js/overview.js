// Overview: every brand at a glance (live rate, change, sentiment, engagement, sparkline)
// and share of voice. Tiles are updated in place so the wall does not flicker.
import { el, appLink, clear } from './dom.js';
import { compact, change, signed, percent } from './format.js';
import { brandColor } from './colors.js';
import { createSparkline } from './charts.js';
import { createSentimentBar } from './sentiment-bar.js';
import { store, on, sortedBrands, previousMinute } from './store.js';
import { api } from './api.js';
import { createSourcesLine, createSourcesPanel } from './sources-panel.js';

const SPARK_S = 180;
const SOV_REFRESH_MS = 15000;
const SOURCES_TICK_MS = 1000; // relative times ("polled 4 s ago") between polls

function createTile(brand, index) {
  const rate = el('span', { className: 'tile-rate', dataset: { testid: 'brand-rate' }, text: '0' });
  const delta = el('span', { className: 'delta', title: 'mentions in the last minute vs the minute before' });
  const spark = el('div', { className: 'tile-spark' });
  const bar = createSentimentBar();
  const net = el('span', { className: 'tile-net' });
  const engagement = el('span', { className: 'tile-engagement' });
  const perMinute = el('span', { className: 'tile-count' });
  const alertBadge = el('span', { className: 'tile-alert', hidden: true });
  const root = appLink(`#/brand/${encodeURIComponent(brand.id)}`, {
    className: 'tile',
    dataset: { testid: 'brand-tile', brandId: brand.id },
    style: { '--brand': brandColor(index) },
  },
  el('div', { className: 'tile-head' }, el('span', { className: 'tile-name', text: String(brand.name ?? brand.id) }), alertBadge),
  el('div', { className: 'tile-main' },
    el('div', { className: 'tile-rate-box' }, rate, el('span', { className: 'unit', text: '/min' })),
    delta),
  spark,
  el('div', { className: 'tile-stats' },
    el('div', { title: 'mentions in the last 60 s' }, el('span', { className: 'label', text: 'last min' }), perMinute),
    el('div', { title: 'net sentiment (pos − neg) / (pos + neg), last 60 s' }, el('span', { className: 'label', text: 'sentiment' }), net),
    el('div', {}, el('span', { className: 'label', text: 'engagement' }), engagement)),
  bar.root);
  return { root, rate, delta, spark, bar, net, engagement, perMinute, alertBadge, sparkline: null, color: brandColor(index) };
}

function updateTile(tile, brandId) {
  const s = store.summaries.get(brandId);
  if (s) {
    tile.rate.textContent = compact(s.rate);
    tile.perMinute.textContent = compact(s.perMinute);
    tile.net.textContent = signed(s.netSentiment);
    tile.net.className = `tile-net ${s.netSentiment > 0.05 ? 'pos' : s.netSentiment < -0.05 ? 'neg' : ''}`;
    tile.engagement.textContent = compact(s.engagement);
    tile.bar.update(s.positive, s.neutral, s.negative);
    const d = change(s.perMinute, previousMinute(brandId));
    tile.delta.textContent = d.text === '–' ? '' : `${d.text} vs prev. min`;
    tile.delta.className = `delta ${d.direction > 0 ? 'up' : d.direction < 0 ? 'down' : ''}`;
  }
  const points = (store.history.get(brandId) ?? []).filter((p, i, all) => p.t >= all[all.length - 1].t - SPARK_S);
  tile.sparkline?.setData(points.map((p) => p.t), points.map((p) => p.rate));
  const open = [...store.alerts.values()].filter((a) => a.brandId === brandId && a.state === 'open').length;
  tile.alertBadge.hidden = open === 0;
  tile.alertBadge.textContent = open ? `${open} alert${open > 1 ? 's' : ''}` : '';
  tile.root.classList.toggle('alerting', open > 0);
}

function renderShareOfVoice(container, overview) {
  clear(container);
  const brands = [...(overview?.brands ?? [])].sort((a, b) => b.shareOfVoice - a.shareOfVoice);
  const indexOf = new Map(sortedBrands().map((b, i) => [b.id, i]));
  const total = brands.reduce((sum, b) => sum + b.count, 0);
  const bar = el('div', { className: 'sov-bar' }, brands.filter((b) => b.shareOfVoice > 0).map((b) =>
    el('span', {
      className: 'sov-part',
      title: `${b.name}: ${percent(b.shareOfVoice, 1)}`,
      style: { width: `${b.shareOfVoice * 100}%`, backgroundColor: brandColor(indexOf.get(b.brandId) ?? 0) },
    })));
  const legend = el('ul', { className: 'sov-legend' }, brands.map((b) =>
    el('li', { dataset: { brandId: b.brandId } },
      el('span', { className: 'swatch', style: { backgroundColor: brandColor(indexOf.get(b.brandId) ?? 0) } }),
      el('span', { className: 'sov-name', text: String(b.name) }),
      el('span', { className: 'sov-value', text: percent(b.shareOfVoice, 1) }),
      el('span', { className: 'sov-count', text: `${compact(b.count)}` }))));
  container.append(
    el('div', { className: 'section-head' },
      el('h2', { text: 'Share of voice' }),
      el('span', { className: 'muted', text: `last ${overview?.window ?? '5m'} · ${compact(total)} mentions` })),
    total > 0 ? bar : el('div', { className: 'sov-bar empty' }),
    legend);
}

export function mountOverview(container) {
  const tiles = new Map();
  const sov = el('section', { className: 'panel sov', dataset: { testid: 'share-of-voice' } });
  const grid = el('section', { className: 'tiles', dataset: { testid: 'brand-tiles' } });
  const note = el('p', { className: 'empty-note' });
  const sourcesLine = createSourcesLine();
  const sourcesPanel = createSourcesPanel();
  container.append(el('h1', { className: 'view-title', text: 'All brands' }), sourcesLine.root, sov, grid, note, sourcesPanel.root);
  const renderSources = () => {
    sourcesLine.render();
    sourcesPanel.render();
  };

  function build() {
    for (const tile of tiles.values()) tile.sparkline?.destroy();
    tiles.clear();
    clear(grid);
    const brands = sortedBrands();
    note.textContent = brands.length ? '' : 'No brands configured yet.';
    brands.forEach((brand, i) => {
      const tile = createTile(brand, i);
      grid.append(tile.root);
      tile.sparkline = createSparkline(tile.spark, tile.color);
      tiles.set(brand.id, tile);
      updateTile(tile, brand.id);
    });
  }

  async function refreshShareOfVoice() {
    try {
      renderShareOfVoice(sov, await api.overview('5m'));
    } catch (error) {
      console.warn(error);
      if (!sov.childElementCount) sov.append(el('p', { className: 'muted', text: 'Share of voice unavailable.' }));
    }
  }

  build();
  refreshShareOfVoice();
  const timer = setInterval(refreshShareOfVoice, SOV_REFRESH_MS);
  const sourcesTimer = setInterval(renderSources, SOURCES_TICK_MS);
  const offs = [
    on('brands', build),
    on('summaries', (summaries) => {
      for (const s of summaries) {
        const tile = tiles.get(s.brandId);
        if (tile) updateTile(tile, s.brandId);
        else build();
      }
    }),
    on('seeded', () => { for (const [id, tile] of tiles) updateTile(tile, id); }),
    on('alerts', () => { for (const [id, tile] of tiles) updateTile(tile, id); }),
    on('sources', renderSources),
  ];

  return {
    title: null,
    unmount() {
      clearInterval(timer);
      clearInterval(sourcesTimer);
      offs.forEach((off) => off());
      for (const tile of tiles.values()) tile.sparkline?.destroy();
    },
  };
}
