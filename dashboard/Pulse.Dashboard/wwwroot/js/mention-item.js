// One mention as a list item, for the live feed and the archive search alike. Every field of a mention is untrusted:
// it becomes text nodes and vetted attributes only (dom.js), and its url a link only when it is http(s).
import { el, link, isWebUrl } from './dom.js';
import { ago, clock, dateTime, compact, signed } from './format.js';
import { channelColor, SENTIMENT_COLORS } from './colors.js';

const LABELS = ['positive', 'neutral', 'negative'];

function timeOf(m, when) {
  const at = Date.parse(m.timestamp);
  if (!Number.isFinite(at)) return el('time', { className: 'mention-time', datetime: String(m.timestamp ?? '') });
  // 'ago' for the live feed (mentions.js refreshes it), the date for the archive, where "3 d ago" says too little.
  return when === 'date'
    ? el('time', { className: 'mention-time', datetime: String(m.timestamp), title: ago(at), text: dateTime(at) })
    : el('time', { className: 'mention-time', datetime: String(m.timestamp), title: clock(at), text: ago(at) });
}

/**
 * A mention as an `li`. Options: testid (its data-testid; default "mention-item"), fresh (highlighted as new), brand
 * (a brand name to show, for lists of several brands), when ("ago": relative time, or "date": date and time).
 */
export function mentionItem(m, { testid = 'mention-item', fresh = false, brand = null, when = 'ago' } = {}) {
  const label = LABELS.includes(m.label) ? m.label : 'neutral';
  return el('li', {
    className: `mention${fresh ? ' fresh' : ''}`,
    dataset: { testid, mentionId: String(m.id), brandId: String(m.brandId ?? ''), channel: String(m.channel) },
  },
  el('div', { className: 'mention-head' },
    brand === null ? null : el('span', { className: 'mention-brand', text: String(brand) }),
    el('span', { className: 'chip', style: { borderColor: channelColor(m.channel) }, text: String(m.channel) }),
    el('span', { className: 'mention-author', text: String(m.author ?? 'unknown') }),
    el('span', { className: 'sentiment-pill', style: { color: SENTIMENT_COLORS[label], borderColor: SENTIMENT_COLORS[label] }, title: `sentiment ${signed(m.sentiment)}`, text: label }),
    m.lang ? el('span', { className: 'mention-lang', text: String(m.lang) }) : null,
    timeOf(m, when)),
  el('p', { className: 'mention-text', text: String(m.text ?? '') }),
  el('div', { className: 'mention-foot' },
    el('span', { text: `${compact(m.likes ?? 0)} likes · ${compact(m.shares ?? 0)} shares · ${compact(m.comments ?? 0)} comments · reach ${compact(m.reach ?? 0)}` }),
    isWebUrl(m.url) ? link(m.url, 'open ↗', { className: 'mention-link', title: String(m.url) }) : null));
}
