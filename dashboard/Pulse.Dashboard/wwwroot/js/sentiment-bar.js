// Positive / neutral / negative split as a horizontal bar (widths are computed numbers, never data text).
import { el } from './dom.js';
import { SENTIMENT_COLORS } from './colors.js';
import { percent } from './format.js';

export function createSentimentBar() {
  const parts = ['positive', 'neutral', 'negative'].map((label) =>
    el('span', { className: `split-part split-${label}`, style: { backgroundColor: SENTIMENT_COLORS[label] } }));
  const root = el('div', { className: 'split', role: 'img' }, parts);
  return {
    root,
    update(positive = 0, neutral = 0, negative = 0) {
      const total = positive + neutral + negative;
      const values = [positive, neutral, negative];
      parts.forEach((part, i) => {
        part.style.width = total > 0 ? `${(values[i] / total) * 100}%` : i === 1 ? '100%' : '0%';
      });
      root.classList.toggle('empty', total === 0);
      root.setAttribute('aria-label', total > 0
        ? `positive ${percent(positive / total)}, neutral ${percent(neutral / total)}, negative ${percent(negative / total)}`
        : 'no mentions');
      root.title = root.getAttribute('aria-label');
    },
  };
}
