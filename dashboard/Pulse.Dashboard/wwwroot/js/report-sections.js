// The printable report's sections, from the JSON of GET /api/brands/{id}/report. Everything the server sends that
// people wrote (post text, authors, brand names, annotation titles and notes, alert messages, terms) is untrusted:
// it only ever becomes text nodes (dom.js's el/text), a link only when it is http(s) (dom.js's link), never markup.
import { el, link, isWebUrl } from './dom.js';
import { volumeChart, sentimentBar, shareBar } from './report-chart.js';
import { count, share, sentiment, lift, difference, relative, span, utcDateTime, utcRange, ms } from './report-format.js';

const LABELS = ['positive', 'neutral', 'negative'];

/** A section: heading, an optional note, a CSV link (not printed) and its body. `pageBreak` starts a printed page. */
function section(key, title, { note, csv, pageBreak = false } = {}, ...body) {
  return el('section', { className: `report-section${pageBreak ? ' page-break' : ''}`, dataset: { testid: `report-section-${key}` } },
    el('header', { className: 'section-head' },
      el('h2', { text: title }),
      csv ? csv : null),
    note ? el('p', { className: 'section-note', text: note }) : null,
    ...body);
}

function table(className, testid, columns, rows, empty) {
  if (!rows.length) return el('p', { className: 'empty-note', dataset: { testid: `${testid}-empty` }, text: empty });
  return el('table', { className: `report-table ${className}`, dataset: { testid } },
    el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col', className: c.num ? 'num' : undefined, text: c.label })))),
    el('tbody', {}, rows));
}

const num = (text, { className, ...attrs } = {}) => el('td', { ...attrs, className: className ? `num ${className}` : 'num', text });
const cell = (text, attrs = {}) => el('td', { ...attrs, text: String(text ?? '') });
const tone = (direction) => (direction > 0 ? 'up' : direction < 0 ? 'down' : 'flat');
const labelOf = (value) => (LABELS.includes(value) ? value : 'neutral');

/** The title block: brand, period, comparison, competitors, resolution, when and for whom. */
export function titleBlock(report, { signedInAs, generatedAt }) {
  const rivals = (report.shareOfVoice ?? []).filter((v) => v.brandId !== report.brandId);
  return el('header', { className: 'report-title-block' },
    el('p', { className: 'kicker', text: 'Pulse · brand report' }),
    el('h1', { dataset: { testid: 'report-title' }, text: String(report.brandName ?? report.brandId ?? '') }),
    el('dl', { className: 'report-facts' },
      el('dt', { text: 'Period' }), el('dd', { dataset: { testid: 'report-period' }, text: utcRange(report.period) }),
      el('dt', { text: 'Compared with' }),
      el('dd', { dataset: { testid: 'report-comparison' }, text: report.comparison ? utcRange(report.comparison) : 'no comparison period' }),
      el('dt', { text: 'Competitors' }),
      el('dd', { dataset: { testid: 'report-competitors' }, text: rivals.length ? rivals.map((v) => String(v.name ?? v.brandId)).join(', ') : 'none chosen' }),
      el('dt', { text: 'Buckets' }), el('dd', { text: report.resolution === 'hour' ? 'hourly (UTC)' : 'daily (UTC)' }),
      el('dt', { text: 'Generated' }),
      el('dd', { text: `${utcDateTime(generatedAt)}${signedInAs ? ` for ${signedInAs}` : ''}` })));
}

function kpi(key, label, value, change, note) {
  return el('div', { className: 'kpi', dataset: { testid: `report-kpi-${key}` } },
    el('span', { className: 'kpi-label', text: label }),
    el('span', { className: 'kpi-value', dataset: { testid: 'kpi-value' }, text: value }),
    change
      ? el('span', { className: `kpi-change ${tone(change.direction)}`, dataset: { testid: 'kpi-change' }, text: `${change.text} ${note}` })
      : el('span', { className: 'kpi-change flat', dataset: { testid: 'kpi-change' }, text: 'no comparison period' }));
}

/** Mentions, net sentiment, engagement and reach, each with its change against the comparison period. */
export function kpiTiles(report) {
  const t = report.totals ?? {};
  const c = report.comparisonTotals;
  const vs = 'vs comparison';
  const net = c && Number.isFinite(t.netSentiment) && Number.isFinite(c.netSentiment) ? difference(t.netSentiment - c.netSentiment) : c ? { text: '–', direction: 0 } : null;
  return el('div', { className: 'kpis' },
    kpi('mentions', 'Mentions', count(t.mentions), c ? lift(report.change?.mentions, { before: c.mentions, after: t.mentions }) : null, vs),
    kpi('net-sentiment', 'Net sentiment', sentiment(t.netSentiment), net, vs),
    kpi('engagement', 'Engagement', count(t.engagement), c ? lift(report.change?.engagement, { before: c.engagement, after: t.engagement }) : null, vs),
    kpi('reach', 'Reach', count(t.reach), c ? relative(t.reach, c.reach) : null, vs));
}

export function volumeSection(report, csv) {
  const legend = el('ul', { className: 'legend' },
    el('li', {}, el('span', { className: 'key key-current' }), `mentions per ${report.resolution === 'hour' ? 'hour' : 'day'}`),
    report.comparison ? el('li', {}, el('span', { className: 'key key-comparison' }), 'comparison period, from the same start') : null,
    (report.annotations ?? []).length ? el('li', {}, el('span', { className: 'key key-annotation' }), 'annotation (numbered as listed below)') : null);
  return section('volume', 'Volume', { csv: csv('series', 'series') },
    el('figure', { className: 'chart-figure' }, volumeChart(report), legend));
}

function splitRow(label, totals) {
  const t = totals ?? {};
  const total = (t.positive ?? 0) + (t.neutral ?? 0) + (t.negative ?? 0);
  return el('div', { className: 'split-row' },
    el('span', { className: 'split-label', text: label }),
    sentimentBar(t),
    el('span', { className: 'split-counts', text: total
      ? `${count(t.positive)} positive · ${count(t.neutral)} neutral · ${count(t.negative)} negative · mean ${sentiment(t.meanSentiment)} · net ${sentiment(t.netSentiment)}`
      : 'no mentions' }));
}

export function sentimentSection(report) {
  const change = report.change?.sentiment;
  return section('sentiment', 'Sentiment', {
    note: report.comparison
      ? `Mean sentiment (−1 to +1) changed by ${difference(change).text} against the comparison period. Net sentiment is (positive − negative) / mentions.`
      : 'Net sentiment is (positive − negative) / mentions; mean sentiment runs from −1 to +1.',
  },
  el('div', { className: 'split', dataset: { testid: 'report-sentiment-split' } },
    splitRow('This period', report.totals),
    report.comparison ? splitRow('Comparison', report.comparisonTotals) : null),
  el('ul', { className: 'legend' }, LABELS.map((l) => el('li', {}, el('span', { className: `key key-${l}` }), l))));
}

export function channelsSection(report, csv) {
  const rows = (report.channels ?? []).map((c) => {
    const t = c.totals ?? {};
    return el('tr', { dataset: { testid: 'report-channel', channel: String(c.channel) } },
      el('th', { scope: 'row', className: 'free', text: String(c.channel) }),
      num(count(t.mentions)),
      el('td', { className: 'num bar-cell' }, shareBar(c.share), ` ${share(c.share)}`),
      num(sentiment(t.netSentiment)),
      num(sentiment(t.meanSentiment)),
      num(count(t.engagement)),
      num(count(t.reach)));
  });
  return section('channels', 'Channels', { csv: csv('channels', 'channels'), pageBreak: true },
    table('channels-table', 'report-channels', [
      { label: 'Channel' }, { label: 'Mentions', num: true }, { label: 'Share', num: true }, { label: 'Net', num: true },
      { label: 'Mean', num: true }, { label: 'Engagement', num: true }, { label: 'Reach', num: true },
    ], rows, 'No mentions in this period.'));
}

export function shareOfVoiceSection(report, csv) {
  const voices = report.shareOfVoice ?? [];
  const rows = voices.map((v) => el('tr', { className: v.brandId === report.brandId ? 'own' : undefined, dataset: { testid: 'report-voice', brandId: String(v.brandId) } },
    el('th', { scope: 'row', className: 'free', text: String(v.name ?? v.brandId) }),
    num(count(v.mentions)),
    el('td', { className: 'num bar-cell' }, shareBar(v.share), ` ${share(v.share)}`)));
  return section('share-of-voice', 'Share of voice', {
    csv: csv('share-of-voice', 'share-of-voice'),
    note: voices.length > 1 ? 'Mentions of the brand and the chosen competitors in the period, as shares of their sum.' : 'No competitors chosen: add them to compare share of voice.',
  }, table('voice-table', 'report-share-of-voice', [{ label: 'Brand' }, { label: 'Mentions', num: true }, { label: 'Share', num: true }], rows, 'No brands.'));
}

function post(m, rank) {
  const label = labelOf(m.label);
  const engagement = (m.likes ?? 0) + (m.shares ?? 0) + (m.comments ?? 0);
  return el('li', { className: 'post', dataset: { testid: 'report-top-post', mentionId: String(m.id ?? '') } },
    el('div', { className: 'post-head' },
      el('span', { className: 'post-rank', text: `${rank}.` }),
      el('span', { className: 'chip', text: String(m.channel ?? '') }),
      el('span', { className: 'post-author', dataset: { testid: 'report-post-author' }, text: String(m.author ?? 'unknown author') }),
      el('span', { className: `post-label label-${label}`, text: `${label} ${sentiment(m.sentiment)}` }),
      el('time', { className: 'post-time', datetime: String(m.timestamp ?? ''), text: utcDateTime(ms(m.timestamp)) })),
    el('p', { className: 'post-text', dataset: { testid: 'report-post-text' }, text: String(m.text ?? '') }),
    el('p', { className: 'post-foot' },
      `${count(engagement)} engagement (${count(m.likes ?? 0)} likes · ${count(m.shares ?? 0)} shares · ${count(m.comments ?? 0)} comments) · reach ${count(m.reach ?? 0)}`,
      isWebUrl(m.url) ? ' · ' : null,
      isWebUrl(m.url) ? link(m.url, 'source', { className: 'post-link', title: String(m.url) }) : null));
}

export function topPostsSection(report, csv) {
  const posts = report.topPosts ?? [];
  return section('top-posts', 'Top posts', {
    csv: csv('top-posts', 'top-posts'), pageBreak: true,
    note: 'The most engaged posts of the period (likes + shares + comments), as text.',
  }, posts.length
    ? el('ol', { className: 'posts', dataset: { testid: 'report-top-posts' } }, posts.map((m, i) => post(m, i + 1)))
    : el('p', { className: 'empty-note', text: 'No posts in this period.' }));
}

export function topAuthorsSection(report, csv) {
  const rows = (report.topAuthors ?? []).map((a) => el('tr', { dataset: { testid: 'report-top-author' } },
    el('th', { scope: 'row', className: 'free', text: String(a.author ?? '') }),
    num(count(a.mentions)),
    num(count(a.engagement))));
  return section('top-authors', 'Top authors', { csv: csv('top-authors', 'top-authors'), pageBreak: true, note: 'By posts in the period, then engagement.' },
    table('authors-table', 'report-top-authors', [{ label: 'Author' }, { label: 'Posts', num: true }, { label: 'Engagement', num: true }], rows, 'No authors known in this period.'));
}

export function risingTermsSection(report, csv) {
  const terms = report.risingTerms ?? {};
  const rows = (terms.terms ?? []).map((t) => el('tr', { dataset: { testid: 'report-rising-term' } },
    el('th', { scope: 'row', className: 'free', text: String(t.term ?? '') }),
    num(count(t.posts)),
    num(count(t.baselinePosts)),
    num(Number.isFinite(t.lift) ? `×${t.lift.toFixed(1)}` : '–'),
    num(Number.isFinite(t.z) ? t.z.toFixed(1) : '–')));
  return section('rising-terms', 'Rising terms', {
    csv: csv('rising-terms', 'rising-terms'),
    note: `Terms in more of the newest ${count(terms.sampledPosts)} posts of the period than of ${count(terms.sampledBaselinePosts)} posts of ${utcRange(terms.baseline)}; `
      + 'rising when the log odds ratio’s z exceeds 1.96 (95 %) and at least 3 posts carry the term.',
  }, table('terms-table', 'report-rising-terms', [
    { label: 'Term' }, { label: 'Posts', num: true }, { label: 'Before', num: true }, { label: 'Lift', num: true }, { label: 'z', num: true },
  ], rows, 'No term rose significantly.'));
}

export function incidentsSection(report, csv) {
  const rows = (report.incidents ?? []).flatMap((i) => {
    const id = String(i.alertId ?? '');
    return [
      el('tr', { className: 'incident', dataset: { testid: 'report-incident', alertId: id, state: String(i.state ?? '') } },
        cell(utcDateTime(ms(i.alertedAt))),
        cell(i.kind, { className: 'nowrap' }),
        num(String(i.severity ?? '–')),
        cell(i.state, { className: 'nowrap' }),
        cell(Number.isFinite(ms(i.spikeStart)) ? utcDateTime(ms(i.spikeStart)) : '–'),
        num(span(i.timeToDetectSeconds), { dataset: { testid: 'report-ttd' } }),
        num(span(i.timeToAcknowledgeSeconds), { dataset: { testid: 'report-tta' } }),
        num(span(i.timeToResolveSeconds), { dataset: { testid: 'report-ttr' } }),
        num(span(i.sentimentRecoverySeconds), { dataset: { testid: 'report-recovery' } })),
      el('tr', { className: 'incident-message' },
        el('td', { colspan: '9', className: 'free', dataset: { testid: 'report-incident-message' } },
          `${(i.channels ?? []).length ? `${(i.channels ?? []).map(String).join(', ')}: ` : ''}`,
          String(i.message ?? ''))),
    ];
  });
  return section('incidents', 'Incidents', {
    csv: csv('incidents', 'incidents'), pageBreak: true,
    note: 'TTD: from the spike’s start to the alert. TTA and TTR: from the alert to its acknowledgement and resolution. '
      + 'Recovery: from the spike’s start until sentiment was back near its day before. – where not measured or not yet happened.',
  }, table('incidents-table', 'report-incidents', [
    { label: 'Alerted' }, { label: 'Kind' }, { label: 'Sev.', num: true }, { label: 'State' }, { label: 'Spike start' },
    { label: 'TTD', num: true }, { label: 'TTA', num: true }, { label: 'TTR', num: true }, { label: 'Recovery', num: true },
  ], rows, 'No alerts in this period.'));
}

export function annotationsSection(report, csv) {
  const rows = (report.annotations ?? []).flatMap((item, index) => {
    const a = item.annotation ?? {};
    const l = item.lift ?? {};
    const before = l.before ?? {};
    const after = l.after ?? {};
    const mentions = lift(l.mentions, { before: before.mentions, after: after.mentions });
    const engagement = lift(l.engagement, { before: before.engagement, after: after.engagement });
    const mood = difference(l.sentiment);
    const when = Number.isFinite(ms(a.endsAt)) ? `${utcDateTime(ms(a.startsAt))} – ${utcDateTime(ms(a.endsAt))}` : utcDateTime(ms(a.startsAt));
    return [
      el('tr', { className: 'annotation', dataset: { testid: 'report-annotation', annotationId: String(a.id ?? '') } },
        num(String(index + 1), { className: 'annotation-number' }),
        cell(when),
        cell(a.kind, { className: 'nowrap' }),
        el('td', { className: 'free' },
          el('strong', { dataset: { testid: 'report-annotation-title' }, text: String(a.title ?? '') }),
          a.note ? el('span', { className: 'annotation-note', text: String(a.note) }) : null),
        num(`${count(before.mentions)} → ${count(after.mentions)}`),
        num(mentions.text, { className: tone(mentions.direction), dataset: { testid: 'report-annotation-lift' } }),
        num(engagement.text, { className: tone(engagement.direction) }),
        num(mood.text, { className: tone(mood.direction) })),
      el('tr', { className: 'annotation-windows' },
        el('td', { colspan: '8', className: 'free', text: `before ${utcRange(item.before)} · after ${utcRange(item.after)}${a.createdBy ? ` · added by ${a.createdBy}` : ''}` })),
    ];
  });
  return section('annotations', 'Annotations', {
    csv: csv('annotations', 'annotations'),
    note: 'Each annotation against the same length of time before and after it (one day each for a point in time, the span’s length for a span), in whole hours.',
  }, table('annotations-table', 'report-annotations', [
    { label: '#', num: true }, { label: 'When' }, { label: 'Kind' }, { label: 'Title' }, { label: 'Mentions', num: true },
    { label: 'Lift', num: true }, { label: 'Engagement', num: true }, { label: 'Sentiment', num: true },
  ], rows, 'No annotations in this period.'));
}
