// The printable brand report (report.html?brand=&from=&to=&compare=&competitors=): reads GET /api/brands/{id}/report
// with the dashboard's own credentials (its session cookie, or whatever a proxy adds), signs in with the dashboard's
// form on a 401, and lays the report out for A4 (report.css). Parameters pass through to the API as given, so the
// server's defaults (the last 30 days) and its 400s naming a parameter apply unchanged.
import { el, appLink, clear } from './dom.js';
import { loadSession } from './session.js';
import { showSignIn } from './sign-in.js';
import {
  titleBlock, kpiTiles, volumeSection, sentimentSection, channelsSection, shareOfVoiceSection, topPostsSection,
  topAuthorsSection, risingTermsSection, incidentsSection, annotationsSection,
} from './report-sections.js';
import { ms, isoDay, nextDay, lastDay, utcRange } from './report-format.js';

const PARAMETERS = ['brand', 'from', 'to', 'compare', 'competitors'];

const root = document.getElementById('report');
const controls = document.getElementById('report-controls');
const back = document.getElementById('report-back');

/** The page's own parameters; empty ones count as absent. */
function readQuery() {
  const search = new URLSearchParams(window.location.search);
  const query = {};
  for (const name of PARAMETERS) {
    const value = search.get(name)?.trim();
    query[name] = value ? value : null;
  }
  return query;
}

function queryString(values) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== null && value !== undefined && value !== '') search.set(name, value);
  return search.toString();
}

function reportPath(brand, values) {
  return `/api/brands/${encodeURIComponent(brand)}/report?${queryString(values)}`;
}

/** GET as JSON; an error answer throws with its status and problem+json (title, detail, parameter) when it has one. */
async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (response.ok) return response.json();
  const error = new Error(`${path}: HTTP ${response.status}`);
  error.status = response.status;
  try {
    const problem = await response.json();
    if (problem && typeof problem === 'object') error.problem = problem;
  } catch {
    // not problem+json: the status says enough
  }
  throw error;
}

function setState(state) {
  root.dataset.state = state;
}

/** Runs a read; on 401 shows the dashboard's sign-in form in the page and tries again once signed in. */
async function signedIn(read) {
  for (;;) {
    try {
      return await read();
    } catch (error) {
      if (error.status !== 401) throw error;
      setState('signin');
      clear(controls);
      await showSignIn(root);
      setState('loading');
      clear(root).append(el('p', { className: 'report-status', text: 'Loading report…' }));
    }
  }
}

function showError(error, brand) {
  const problem = error.problem ?? {};
  const title = problem.title
    ?? (error.status === 404 ? `No brand '${brand}'` : error.status ? `The server answered ${error.status}` : 'The report could not be loaded');
  const detail = problem.detail ?? (error.status ? '' : String(error.message ?? error));
  clear(root).append(el('div', { className: 'report-error', role: 'alert', dataset: { testid: 'report-error', status: String(error.status ?? '') } },
    el('h1', { dataset: { testid: 'report-error-title' }, text: String(title) }),
    detail ? el('p', { dataset: { testid: 'report-error-detail' }, text: String(detail) }) : null,
    problem.parameter ? el('p', { className: 'muted', text: `Parameter: ${problem.parameter}` }) : null));
  setState('error');
}

/** A file name for a downloaded CSV: the brand id's safe characters only. */
function csvName(brandId, section) {
  const safe = String(brandId).toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'brand';
  return `pulse-report-${safe}-${section}.csv`;
}

/**
 * Links to a section as CSV for exactly this report: the period as asked (the server's aligned bounds where the page had
 * none, so a default "last 30 days" does not move on), and the comparison period the server used.
 */
function csvLinks(report, query) {
  const values = {
    from: query.from ?? report.period.from,
    to: query.to ?? report.period.to,
    compare: report.comparison ? `${report.comparison.from},${report.comparison.to}` : null,
    competitors: query.competitors,
    format: 'csv',
  };
  return (section, testid) => appLink(reportPath(report.brandId, { ...values, section }), {
    className: 'csv-link no-print',
    download: csvName(report.brandId, section),
    title: `Download this section as CSV (${section})`,
    'data-testid': `report-csv-${testid}`,
  }, 'CSV');
}

/** The form above the report (not printed): brand, days (both included, UTC), comparison, competitors. */
function renderControls(brands, query, report) {
  const brandId = report?.brandId ?? query.brand ?? '';
  const brand = el('select', { id: 'report-brand', name: 'brand', required: true, 'data-testid': 'report-form-brand' },
    el('option', { value: '', text: 'Choose a brand' }),
    brands.map((b) => el('option', { value: String(b.id), text: String(b.name ?? b.id), selected: String(b.id) === brandId })));
  if (brandId && !brands.some((b) => String(b.id) === brandId)) brand.append(el('option', { value: brandId, text: brandId, selected: true }));
  const from = el('input', { id: 'report-from', name: 'from', type: 'date', 'data-testid': 'report-form-from', value: report ? isoDay(ms(report.period.from)) : '' });
  const to = el('input', { id: 'report-to', name: 'to', type: 'date', 'data-testid': 'report-form-to', value: report ? lastDay(report.period) : '' });
  const compare = el('select', { id: 'report-compare', name: 'compare', 'data-testid': 'report-form-compare' },
    el('option', { value: '', text: 'no comparison', selected: !query.compare }),
    el('option', { value: 'previous', text: 'the period before', selected: query.compare === 'previous' }));
  if (query.compare && query.compare !== 'previous') {
    compare.append(el('option', { value: query.compare, selected: true, text: report?.comparison ? utcRange(report.comparison) : query.compare }));
  }
  const chosen = new Set((query.competitors ?? '').split(',').map((s) => s.trim()).filter(Boolean));
  const rivals = brands.filter((b) => String(b.id) !== brandId);
  const competitors = el('fieldset', { className: 'report-rivals', 'data-testid': 'report-form-competitors' },
    el('legend', { text: 'Competitors' }),
    rivals.length
      ? rivals.map((b) => el('label', {}, el('input', { type: 'checkbox', name: 'competitor', value: String(b.id), checked: chosen.has(String(b.id)) }), ` ${String(b.name ?? b.id)}`))
      : el('span', { className: 'muted', text: 'no other brands' }));
  const form = el('form', { className: 'report-form', 'data-testid': 'report-form' },
    el('label', { for: 'report-brand', text: 'Brand' }), brand,
    el('label', { for: 'report-from', text: 'From' }), from,
    el('label', { for: 'report-to', text: 'To (included)' }), to,
    el('label', { for: 'report-compare', text: 'Compare with' }), compare,
    competitors,
    el('button', { type: 'submit', className: 'btn', 'data-testid': 'report-form-submit', text: 'Show report' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const picked = [...form.querySelectorAll('input[name=competitor]:checked')].map((c) => c.value);
    const values = {
      brand: brand.value,
      // Whole UTC days; the API's "to" is exclusive, the form's last day included. An empty field keeps the default.
      from: from.value || null,
      to: to.value ? nextDay(to.value) : null,
      compare: compare.value || null,
      competitors: picked.length ? picked.join(',') : null,
    };
    window.location.assign(`/report.html?${queryString(values)}`);
  });
  clear(controls).append(form);
}

function renderReport(report, query, me) {
  const csv = csvLinks(report, query);
  clear(root).append(
    el('div', { className: 'report-page report-summary' },
      titleBlock(report, { signedInAs: me?.name ?? null, generatedAt: Date.now() }),
      kpiTiles(report),
      volumeSection(report, csv),
      sentimentSection(report)),
    channelsSection(report, csv),
    shareOfVoiceSection(report, csv),
    topPostsSection(report, csv),
    topAuthorsSection(report, csv),
    risingTermsSection(report, csv),
    incidentsSection(report, csv),
    annotationsSection(report, csv));
  document.title = `${String(report.brandName ?? report.brandId)} · report ${utcRange(report.period)} · Pulse`;
  setState('ready');
}

async function brandsOrNone() {
  try {
    const brands = await getJson('/api/brands');
    return Array.isArray(brands) ? brands : [];
  } catch (error) {
    console.warn('brands unavailable', error);
    return [];
  }
}

async function main() {
  document.getElementById('report-print').addEventListener('click', () => window.print());
  const query = readQuery();
  if (query.brand) back.setAttribute('href', `/#/brand/${encodeURIComponent(query.brand)}`);
  setState('loading');
  try {
    if (!query.brand) {
      const brands = await signedIn(() => getJson('/api/brands'));
      renderControls(Array.isArray(brands) ? brands : [], query, null);
      clear(root).append(el('p', { className: 'report-status', dataset: { testid: 'report-choose' }, text: 'Choose a brand and a period for its report.' }));
      setState('choose');
      return;
    }
    const { brand, ...values } = query;
    const report = await signedIn(() => getJson(reportPath(brand, values)));
    const [me, brands] = await Promise.all([loadSession().catch(() => null), brandsOrNone()]);
    renderControls(brands, query, report);
    renderReport(report, query, me);
  } catch (error) {
    console.warn(error);
    if (query.brand) renderControls(await brandsOrNone(), query, null);
    showError(error, query.brand);
  }
}

main();
