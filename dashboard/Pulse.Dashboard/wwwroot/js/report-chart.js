// The report's charts as inline SVG, built with createElementNS: vector on paper, no canvas, no library, no markup from
// data (an annotation's title reaches the SVG only as a <title> text node). Colours come from report.css classes.
import { axisLabel, ms, count, share } from './report-format.js';

const SVG = 'http://www.w3.org/2000/svg';
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** An SVG element with attributes (numbers and the app's own strings, never data) and children. */
function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null) continue;
    if (key === 'text') node.textContent = String(value);
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) if (child) node.append(child);
  return node;
}

/** About `target` round steps from 0 to at least max: 1, 2, 2.5 or 5 times a power of ten. */
function niceTicks(max, target = 4) {
  if (!(max > 0)) return [0, 1];
  const raw = max / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks = [];
  for (let v = 0; v < max + step * 0.999; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks.length > 1 ? ticks : [0, step];
}

/**
 * Mentions per bucket over [from, to), zeros where the archive has no row (the report lists only buckets with
 * mentions). Each bucket is placed at `offset` ms from `from`.
 */
function buckets(series, from, to, step) {
  const counts = new Map();
  for (const bucket of series ?? []) {
    const t = ms(bucket.start);
    if (Number.isFinite(t)) counts.set(t, (counts.get(t) ?? 0) + (bucket.totals?.mentions ?? 0));
  }
  const points = [];
  for (let t = from; t < to; t += step) points.push({ offset: t - from, mentions: counts.get(t) ?? 0 });
  return points;
}

/**
 * Mentions over the period as an area, the comparison period's as a dashed line laid over it from the same start (its
 * first bucket under the period's first), and each annotation as a numbered marker (a band for a span).
 * report: the JSON of GET /api/brands/{id}/report. Returns an <svg>.
 */
export function volumeChart(report, { width = 960, height = 300 } = {}) {
  const from = ms(report.period?.from);
  const to = ms(report.period?.to);
  const hourly = report.resolution === 'hour';
  const step = hourly ? HOUR_MS : DAY_MS;
  const length = to - from;
  const margin = { top: 24, right: 16, bottom: 34, left: 52 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const root = svg('svg', {
    class: 'chart volume-chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'data-testid': 'report-volume-chart',
    'aria-label': `Mentions per ${hourly ? 'hour' : 'day'}${report.comparison ? ', with the comparison period' : ''}`,
  });
  if (!Number.isFinite(from) || !(length > 0)) return root;

  const current = buckets(report.series, from, to, step);
  const comparison = report.comparison
    ? buckets(report.comparisonSeries, ms(report.comparison.from), Math.min(ms(report.comparison.to), ms(report.comparison.from) + length), step)
    : [];
  const max = Math.max(1, ...current.map((p) => p.mentions), ...comparison.map((p) => p.mentions));
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1];
  const x = (offset) => margin.left + (offset / length) * plotWidth;
  const y = (value) => margin.top + plotHeight - (value / top) * plotHeight;
  const mid = step / 2;

  const grid = svg('g', { class: 'chart-grid' });
  for (const tick of ticks) {
    grid.append(
      svg('line', { x1: margin.left, x2: margin.left + plotWidth, y1: y(tick), y2: y(tick) }),
      svg('text', { class: 'chart-axis', x: margin.left - 8, y: y(tick) + 4, 'text-anchor': 'end', text: count(tick) }));
  }
  const labels = Math.min(current.length, 7);
  for (let i = 0; i < labels; i++) {
    const offset = Math.round((i * (current.length - 1)) / Math.max(1, labels - 1)) * step;
    grid.append(
      svg('line', { class: 'chart-tick', x1: x(offset + mid), x2: x(offset + mid), y1: margin.top + plotHeight, y2: margin.top + plotHeight + 4 }),
      svg('text', { class: 'chart-axis', x: x(offset + mid), y: height - 12, 'text-anchor': i === 0 ? 'start' : i === labels - 1 ? 'end' : 'middle', text: axisLabel(from + offset, hourly) }));
  }
  root.append(grid);

  // Annotations first, under the lines: a band for a span, a line for a point, a numbered tag on top.
  const marks = svg('g', { class: 'chart-annotations' });
  (report.annotations ?? []).forEach((item, index) => {
    const a = item.annotation ?? {};
    const starts = ms(a.startsAt);
    const ends = Number.isFinite(ms(a.endsAt)) ? ms(a.endsAt) : starts;
    // The server lists those that touch the period: a span begun before it is marked from the period's start.
    if (!Number.isFinite(starts) || starts >= to || ends < from) return;
    const start = Math.max(starts, from);
    const end = Math.min(ends, to);
    const left = x(start - from);
    const mark = svg('g', { class: 'chart-annotation', 'data-testid': 'report-chart-annotation', 'data-annotation-id': String(a.id ?? index) },
      svg('title', { text: `${index + 1}. ${a.title ?? ''}` }),
      end > start ? svg('rect', { class: 'chart-annotation-band', x: left, y: margin.top, width: Math.max(1, x(end - from) - left), height: plotHeight }) : null,
      svg('line', { x1: left, x2: left, y1: margin.top, y2: margin.top + plotHeight }),
      svg('circle', { cx: left, cy: margin.top - 11, r: 9 }),
      svg('text', { x: left, y: margin.top - 7, 'text-anchor': 'middle', text: String(index + 1) }));
    marks.append(mark);
  });
  root.append(marks);

  const line = (points) => points.map((p, i) => `${i ? 'L' : 'M'}${x(p.offset + mid).toFixed(1)},${y(p.mentions).toFixed(1)}`).join('');
  if (current.length) {
    const area = `${line(current)}L${x(current[current.length - 1].offset + mid).toFixed(1)},${y(0)}L${x(mid).toFixed(1)},${y(0)}Z`;
    root.append(svg('path', { class: 'chart-area', d: area }), svg('path', { class: 'chart-line', d: line(current) }));
  }
  if (comparison.length) root.append(svg('path', { class: 'chart-line chart-comparison', 'data-testid': 'report-chart-comparison', d: line(comparison) }));
  root.append(svg('line', { class: 'chart-baseline', x1: margin.left, x2: margin.left + plotWidth, y1: y(0), y2: y(0) }));
  return root;
}

/**
 * Horizontal stacked bar of positive, neutral and negative counts, each part labelled with its share when it has room.
 * Returns an <svg>.
 */
export function sentimentBar({ positive = 0, neutral = 0, negative = 0 }, { width = 600, height = 26 } = {}) {
  const total = positive + neutral + negative;
  const root = svg('svg', { class: 'chart sentiment-bar', viewBox: `0 0 ${width} ${height}`, role: 'img' });
  root.setAttribute('aria-label', total
    ? `positive ${share(positive / total)}, neutral ${share(neutral / total)}, negative ${share(negative / total)}`
    : 'no mentions');
  if (!total) {
    root.append(svg('rect', { class: 'bar-empty', x: 0, y: 0, width, height }));
    return root;
  }
  let left = 0;
  for (const [name, value] of [['positive', positive], ['neutral', neutral], ['negative', negative]]) {
    const w = (value / total) * width;
    if (w <= 0) continue;
    root.append(svg('rect', { class: `bar-${name}`, x: left, y: 0, width: w, height }));
    if (w >= 44) root.append(svg('text', { class: 'bar-label', x: left + w / 2, y: height / 2 + 4, 'text-anchor': 'middle', text: share(value / total) }));
    left += w;
  }
  return root;
}

/** A thin bar for a share (0..1) in a table cell. Returns an <svg>. */
export function shareBar(fraction, { width = 120, height = 10 } = {}) {
  const root = svg('svg', { class: 'chart share-bar', viewBox: `0 0 ${width} ${height}`, 'aria-hidden': 'true' });
  root.append(svg('rect', { class: 'share-track', x: 0, y: 0, width, height }));
  const w = Math.max(0, Math.min(1, Number.isFinite(fraction) ? fraction : 0)) * width;
  if (w > 0) root.append(svg('rect', { class: 'share-fill', x: 0, y: 0, width: w, height }));
  return root;
}
