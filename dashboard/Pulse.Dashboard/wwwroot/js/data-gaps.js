// Data gaps: a channel's whole feed stopped (an ingestion outage). Shown above the alert feed, in every view and on the
// war-room wall, so nobody reads the silence as a brand's quiet. Text only: messages are built by the server, still text.
import { el, clear } from './dom.js';
import { ago } from './format.js';

function channelNote(c, now) {
  const since = Date.parse(c.silentSince);
  return el('span', {
    className: `chip data-gap-channel${c.resumedAt ? ' resumed' : ''}`,
    dataset: { channel: String(c.channel) },
    title: c.resumedAt ? `back since ${c.resumedAt}` : `silent since ${c.silentSince}, about ${Math.round(c.expectedPerMinute)}/min expected`,
    text: c.resumedAt ? `${c.channel} back` : `${c.channel} silent ${ago(since, now).replace(/ ago$/, '')}`,
  });
}

/** Renders the open data gaps (ended ones are history, listed by /api/data-gaps). */
export function renderDataGaps(container, gaps) {
  const now = Date.now();
  const open = gaps.filter((g) => !g.endedAt);
  clear(container);
  container.hidden = open.length === 0;
  for (const gap of open) {
    const silent = (gap.channels ?? []).filter((c) => !c.resumedAt).map((c) => c.channel);
    container.append(el('div', {
      className: 'data-gap',
      role: 'alert',
      dataset: { testid: 'data-gap', gapId: String(gap.id), channels: silent.join(' ') },
    },
    el('div', { className: 'data-gap-head' },
      el('span', { className: 'data-gap-title', text: 'Data gap' }),
      el('time', { className: 'alert-time', datetime: gap.startedAt, title: `since ${gap.startedAt}`, text: ago(Date.parse(gap.startedAt), now) })),
    el('div', { className: 'alert-channels' }, (gap.channels ?? []).map((c) => channelNote(c, now))),
    el('p', { className: 'alert-message', text: String(gap.message ?? '') })));
  }
}
