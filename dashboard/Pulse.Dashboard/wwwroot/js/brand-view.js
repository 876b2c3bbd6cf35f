// Brand view: live rate per channel, sentiment and engagement over time, per-channel table,
// the latest mentions. Seeded from REST, then advanced by "channelSnapshots".
import { el, clear, appLink } from './dom.js';
import { compact, signed, change, percent } from './format.js';
import { channelColor, SENTIMENT_COLORS } from './colors.js';
import { createTimeChart } from './charts.js';
import { createTimeline } from './brand-timeline.js';
import { createChannelTable } from './channel-table.js';
import { createMentionFeed } from './mentions.js';
import { store, on, touch, previousMinute } from './store.js';
import { serverNow } from './server-clock.js';
import { api } from './api.js';

const POINTS = 120;

function statCard(label, testid) {
  const value = el('span', { className: 'stat-value', dataset: { testid } , text: '–' });
  const sub = el('span', { className: 'stat-sub' });
  return { root: el('div', { className: 'stat' }, el('span', { className: 'label', text: label }), value, sub), value, sub };
}

function chartPanel(title, note, className) {
  const body = el('div', { className: 'chart' });
  const root = el('section', { className: `panel chart-panel ${className}` },
    el('div', { className: 'section-head' }, el('h2', { text: title }), el('span', { className: 'muted', text: note })),
    body);
  return { root, body };
}

export function mountBrandView(container, brandId) {
  const brand = store.brands.get(brandId);
  const name = brand?.name ?? brandId;
  const keywords = [...(brand?.keywords ?? []), ...(brand?.hashtags ?? []), ...(brand?.handles ?? [])].slice(0, 8);

  const cards = {
    rate: statCard('rate /min (10 s)', 'brand-view-rate'),
    minute: statCard('mentions, last 60 s', 'brand-view-count'),
    net: statCard('net sentiment', 'brand-view-net'),
    engagement: statCard('engagement, last 60 s', 'brand-view-engagement'),
  };
  const status = el('p', { className: 'view-status', role: 'status' });
  const ratePanel = chartPanel('Mention rate by channel', 'per minute over 10 s · last 2 min', 'rate-panel');
  const sentimentPanel = chartPanel('Sentiment', 'last 60 s, rolling', 'sentiment-panel');
  const engagementPanel = chartPanel('Engagement', 'likes + shares + comments, last 60 s', 'engagement-panel');
  const table = createChannelTable();
  const feed = createMentionFeed();

  container.append(el('div', { className: 'brand-view' },
    el('div', { className: 'brand-head' },
      el('h1', { className: 'view-title', dataset: { testid: 'brand-name' }, text: String(name) }),
      el('div', { className: 'keywords' }, keywords.map((k) => el('span', { className: 'chip muted', text: String(k) }))),
      appLink(`/report.html?brand=${encodeURIComponent(brandId)}&compare=previous`, { className: 'btn', 'data-testid': 'brand-report-link', title: 'Printable report of the last 30 days against the 30 before, from the archive' }, 'Report')),
    el('div', { className: 'stats-row' }, Object.values(cards).map((c) => c.root)),
    status,
    el('div', { className: 'charts' }, ratePanel.root, el('div', { className: 'charts-pair' }, sentimentPanel.root, engagementPanel.root)),
    el('div', { className: 'brand-bottom' },
      el('section', { className: 'panel table-panel' }, el('div', { className: 'section-head' }, el('h2', { text: 'Channels' }), el('span', { className: 'muted', text: 'live' })), table.root),
      el('section', { className: 'panel feed-panel' }, el('div', { className: 'section-head' }, el('h2', { text: 'Latest mentions' }), el('span', { className: 'muted', text: 'newest first' })), feed.root))));

  let timeline = createTimeline(store.channels, POINTS);
  let rateChart = null;
  const sentimentChart = createTimeChart(sentimentPanel.body, [
    { label: 'net sentiment', color: SENTIMENT_COLORS.positive },
    { label: 'negative share', color: SENTIMENT_COLORS.negative, dash: [6, 4], format: (v) => percent(v) },
  ], { height: 160, yRange: [-1, 1], format: (v) => signed(v, 1) });
  const engagementChart = createTimeChart(engagementPanel.body, [
    { label: 'engagement', color: '#38bdf8', fill: 'rgba(56, 189, 248, 0.12)' },
  ], { height: 160, format: compact });

  function buildRateChart() {
    rateChart?.destroy();
    clear(ratePanel.body);
    rateChart = createTimeChart(ratePanel.body,
      timeline.channels.map((c, i) => ({ label: c, color: channelColor(c, i) })), { height: 240, format: compact });
    table.setChannels(timeline.channels);
  }

  function draw() {
    rateChart.setData(timeline.rateData());
    sentimentChart.setData(timeline.sentimentData());
    engagementChart.setData(timeline.engagementData());
  }

  function updateCards() {
    const s = store.summaries.get(brandId);
    if (!s) return;
    cards.rate.value.textContent = compact(s.rate);
    cards.minute.value.textContent = compact(s.perMinute);
    const d = change(s.perMinute, previousMinute(brandId));
    cards.minute.sub.textContent = d.text === '–' ? '' : `${d.text} vs prev. min`;
    cards.minute.sub.className = `stat-sub ${d.direction > 0 ? 'up' : d.direction < 0 ? 'down' : ''}`;
    cards.net.value.textContent = signed(s.netSentiment);
    cards.net.value.className = `stat-value ${s.netSentiment > 0.05 ? 'pos' : s.netSentiment < -0.05 ? 'neg' : ''}`;
    cards.net.sub.textContent = `${compact(s.positive)} pos · ${compact(s.neutral)} neu · ${compact(s.negative)} neg`;
    cards.engagement.value.textContent = compact(s.engagement);
  }

  let loading = null;
  let alive = true;
  async function load() {
    clearTimeout(loading);
    status.textContent = 'Loading…';
    try {
      const [series, stats, mentions] = await Promise.all([
        api.series(brandId, '1s', POINTS),
        api.stats(brandId, '1m'),
        api.mentions(brandId, 50),
      ]);
      if (!alive) return;
      timeline = createTimeline(store.channels, POINTS);
      timeline.seed(series);
      buildRateChart();
      for (const c of timeline.channels) {
        const channelStats = stats.channels?.find((s) => s.channel === c);
        table.update(c, { ...(channelStats ?? {}), rate: timeline.last.get(c)?.rate ?? 0 });
      }
      feed.set(mentions);
      draw();
      status.textContent = '';
      touch();
    } catch (error) {
      if (!alive) return;
      console.warn(error);
      status.textContent = `Could not load ${name}'s data (${error.message}). Retrying…`;
      loading = setTimeout(load, 5000);
    }
  }

  function onSnapshots(snapshots) {
    const mine = snapshots.filter((s) => s.brandId === brandId);
    if (!mine.length) return;
    let added = false;
    const latest = [];
    for (const s of mine) {
      added = timeline.apply(s) || added;
      table.update(s.channel, s);
      if (s.latest?.length) latest.push(...s.latest);
    }
    if (added) buildRateChart();
    feed.add(latest);
    timeline.advance(serverNow() / 1000);
    draw();
  }

  buildRateChart();
  updateCards();
  load();
  const ticker = setInterval(() => {
    timeline.advance(serverNow() / 1000);
    draw();
    feed.tick();
  }, 1000);
  const offs = [
    on('snapshots', onSnapshots),
    on('summaries', updateCards),
    on('seeded', updateCards),
    on('resync', load),
  ];

  return {
    title: String(name),
    unmount() {
      alive = false;
      clearInterval(ticker);
      clearTimeout(loading);
      offs.forEach((off) => off());
      rateChart?.destroy();
      sentimentChart.destroy();
      engagementChart.destroy();
    },
  };
}
