// The latest-mentions feed: newest first, capped, deduplicated by id. All mention fields are untrusted.
import { el, link, isWebUrl, clear } from './dom.js';
import { ago, clock, compact, signed } from './format.js';
import { channelColor, SENTIMENT_COLORS } from './colors.js';

const MAX_MENTIONS = 50;

function mentionItem(m, fresh) {
  const label = ['positive', 'neutral', 'negative'].includes(m.label) ? m.label : 'neutral';
  const at = Date.parse(m.timestamp);
  return el('li', { className: `mention${fresh ? ' fresh' : ''}`, dataset: { testid: 'mention-item', mentionId: String(m.id), channel: String(m.channel) } },
    el('div', { className: 'mention-head' },
      el('span', { className: 'chip', style: { borderColor: channelColor(m.channel) }, text: String(m.channel) }),
      el('span', { className: 'mention-author', text: String(m.author ?? 'unknown') }),
      el('span', { className: 'sentiment-pill', style: { color: SENTIMENT_COLORS[label], borderColor: SENTIMENT_COLORS[label] }, title: `sentiment ${signed(m.sentiment)}`, text: label }),
      m.lang ? el('span', { className: 'mention-lang', text: String(m.lang) }) : null,
      el('time', { className: 'mention-time', datetime: String(m.timestamp), title: Number.isFinite(at) ? clock(at) : '', text: Number.isFinite(at) ? ago(at) : '' })),
    el('p', { className: 'mention-text', text: String(m.text ?? '') }),
    el('div', { className: 'mention-foot' },
      el('span', { text: `${compact(m.likes ?? 0)} likes · ${compact(m.shares ?? 0)} shares · ${compact(m.comments ?? 0)} comments · reach ${compact(m.reach ?? 0)}` }),
      isWebUrl(m.url) ? link(m.url, 'open ↗', { className: 'mention-link', title: String(m.url) }) : null));
}

export function createMentionFeed() {
  const list = el('ol', { className: 'mention-list', dataset: { testid: 'mention-feed' } });
  let mentions = [];
  const freshIds = new Set();

  function render() {
    clear(list);
    if (!mentions.length) list.append(el('li', { className: 'empty-note', text: 'No mentions yet.' }));
    for (const m of mentions) list.append(mentionItem(m, freshIds.has(m.id)));
    freshIds.clear();
  }

  return {
    root: list,
    set(initial) {
      mentions = (initial ?? []).slice(0, MAX_MENTIONS);
      render();
    },
    /** Adds mentions (any order) keeping newest first. */
    add(latest) {
      if (!latest?.length) return;
      const known = new Set(mentions.map((m) => m.id));
      const added = latest.filter((m) => !known.has(m.id));
      if (!added.length) return;
      for (const m of added) freshIds.add(m.id);
      mentions = [...added, ...mentions]
        .sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp))
        .slice(0, MAX_MENTIONS);
      render();
    },
    /** Refreshes the relative times. */
    tick() {
      for (const time of list.querySelectorAll('time.mention-time')) {
        const at = Date.parse(time.getAttribute('datetime'));
        if (Number.isFinite(at)) time.textContent = ago(at);
      }
    },
  };
}
