// Per-channel stats table of the brand view; rows are updated in place.
import { el } from './dom.js';
import { compact, signed } from './format.js';
import { channelColor } from './colors.js';
import { createSentimentBar } from './sentiment-bar.js';

const COLUMNS = ['Channel', 'Rate /min', 'Last 60 s', 'Net', 'Mean', 'Split', 'Engagement', 'Reach'];

export function createChannelTable() {
  const body = el('tbody');
  const root = el('table', { className: 'channel-table', dataset: { testid: 'channel-table' } },
    el('thead', {}, el('tr', {}, COLUMNS.map((c) => el('th', { scope: 'col', text: c })))),
    body);
  const rows = new Map();

  function row(channel) {
    if (rows.has(channel)) return rows.get(channel);
    const cells = {
      rate: el('td', { className: 'num strong', dataset: { testid: 'channel-rate', channel }, text: '0' }),
      perMinute: el('td', { className: 'num', text: '0' }),
      net: el('td', { className: 'num', text: '–' }),
      mean: el('td', { className: 'num', text: '–' }),
      bar: createSentimentBar(),
      engagement: el('td', { className: 'num', text: '0' }),
      reach: el('td', { className: 'num', text: '0' }),
    };
    cells.bar.update(0, 0, 0);
    const tr = el('tr', { dataset: { channel } },
      el('th', { scope: 'row' },
        el('span', { className: 'swatch', style: { backgroundColor: channelColor(channel, rows.size) } }), channel),
      cells.rate, cells.perMinute, cells.net, cells.mean, el('td', { className: 'split-cell' }, cells.bar.root),
      cells.engagement, cells.reach);
    body.append(tr);
    rows.set(channel, cells);
    return cells;
  }

  return {
    root,
    /** Adds rows for channels not shown yet; existing rows keep their values. */
    setChannels(channels) {
      for (const c of channels) row(c);
    },
    /** stats: Stats (+ optional rate) of one channel, from /stats or a hub snapshot. */
    update(channel, stats) {
      const cells = row(channel);
      if (Number.isFinite(stats.rate)) cells.rate.textContent = compact(stats.rate);
      const count = stats.perMinute ?? stats.count;
      if (Number.isFinite(count)) cells.perMinute.textContent = compact(count);
      const polar = (stats.positive ?? 0) + (stats.negative ?? 0);
      const net = Number.isFinite(stats.netSentiment) ? stats.netSentiment : polar > 0 ? (stats.positive - stats.negative) / polar : 0;
      cells.net.textContent = polar > 0 ? signed(net) : '–';
      cells.net.className = `num ${polar > 0 && net > 0.05 ? 'pos' : polar > 0 && net < -0.05 ? 'neg' : ''}`;
      cells.mean.textContent = count > 0 ? signed(stats.sentimentMean ?? 0) : '–';
      cells.bar.update(stats.positive ?? 0, stats.neutral ?? 0, stats.negative ?? 0);
      cells.engagement.textContent = compact((stats.likes ?? 0) + (stats.shares ?? 0) + (stats.comments ?? 0));
      cells.reach.textContent = compact(stats.reach ?? 0);
    },
  };
}
