// The archive search view (#/search): the form, then results a page at a time from GET /api/mentions/search, "More"
// handing the answer's opaque `next` back (keyset paging) and appending. A search's values go into the address
// (replaceState: no history entry, no re-render), so a reload or a shared link runs it again. Mentions are untrusted and
// built as text by mention-item.js; an error answer shows the server's own problem (the archive is off, a reversed
// date range, …) and marks the field it names.
import { el, clear } from './dom.js';
import { api } from './api.js';
import { store, on } from './store.js';
import { mentionItem } from './mention-item.js';
import { createSearchForm, SEARCH_FIELDS } from './search-form.js';

export const SEARCH_ROUTE = '#/search';

/** Whether an address's hash is the search view's, with or without a search in it. */
export function isSearchRoute(hash) {
  return hash === SEARCH_ROUTE || hash.startsWith(`${SEARCH_ROUTE}?`);
}

function routeParams(hash) {
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
}

function addressOf(values) {
  const query = new URLSearchParams(values).toString();
  return query ? `${SEARCH_ROUTE}?${query}` : SEARCH_ROUTE;
}

/** A day (yyyy-mm-dd, as a date input gives it) as the instant of its local midnight, `days` later; other text as is, for the server to name. */
function localMidnight(day, days = 0) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const at = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days);
  return Number.isNaN(at.getTime()) ? day : at.toISOString();
}

/** The API's parameters for the form's values: days in the browser's time zone, `to` including its day (the API's is exclusive). */
function apiParams(values) {
  const params = { ...values };
  if (params.from) params.from = localMidnight(params.from);
  if (params.to) params.to = localMidnight(params.to, 1);
  return params;
}

/** What to tell the person: the server's problem when it sent one, else what went wrong with the request. */
function describeError(error) {
  if (error.status === 401) return { title: 'Signed out', detail: 'Your session has ended: reload the page to sign in again.', parameter: null };
  const problem = error.problem;
  if (problem && (problem.title || problem.detail)) {
    return {
      title: String(problem.title ?? `HTTP ${error.status}`),
      detail: String(problem.detail ?? ''),
      parameter: typeof problem.parameter === 'string' ? problem.parameter : null,
    };
  }
  return {
    title: 'Search failed',
    detail: error.status ? `The server answered HTTP ${error.status}.` : `The server could not be reached (${error.message}).`,
    parameter: null,
  };
}

export function mountSearch(container, hash = location.hash) {
  const form = createSearchForm({ onSubmit: (values) => search(values, { remember: true }) });
  const errorTitle = el('strong', { className: 'search-error-title', dataset: { testid: 'search-error-title' } });
  const errorDetail = el('span', { className: 'search-error-detail', dataset: { testid: 'search-error-detail' } });
  const errorBox = el('div', { className: 'search-error', role: 'alert', dataset: { testid: 'search-error' }, hidden: true }, errorTitle, errorDetail);
  const status = el('p', { className: 'muted search-status', role: 'status', dataset: { testid: 'search-status' } });
  const list = el('ol', { className: 'mention-list search-results', 'aria-label': 'Results', dataset: { testid: 'search-results' } });
  const more = el('button', { type: 'button', className: 'btn search-more', dataset: { testid: 'search-more' }, hidden: true, text: 'More' });
  container.append(el('div', { className: 'search-view' },
    el('h1', { className: 'view-title', text: 'Search the archive' }),
    form.root, errorBox, status, list, more));

  let alive = true;
  let request = 0; // the latest request's number: an answer to an older one is dropped
  let params = null; // the API parameters of the search on screen
  let next = null; // the cursor of its next page
  let shown = 0;

  function resultItem(m) {
    const brand = store.brands.get(m.brandId);
    return mentionItem(m, { testid: 'search-result', brand: brand?.name ?? m.brandId ?? '', when: 'date' });
  }

  function summary() {
    const order = params?.sort === 'engagement' ? 'most engagement first' : 'newest first';
    return `${shown} mention${shown === 1 ? '' : 's'} · ${order}${next ? ' · more below' : ''}`;
  }

  function setBusy(on) {
    form.busy(on);
    more.disabled = on;
  }

  function showError(problem) {
    errorBox.hidden = problem === null;
    errorTitle.textContent = problem?.title ?? '';
    errorDetail.textContent = problem?.detail ?? '';
    form.markInvalid(problem?.parameter ?? null);
  }

  /** The first page (cursor null) replaces the results; a later one is appended. */
  async function load(cursor) {
    const mine = ++request;
    setBusy(true);
    status.textContent = cursor === null ? 'Searching…' : 'Loading more…';
    try {
      const page = await api.searchMentions(cursor === null ? params : { ...params, cursor });
      if (mine !== request || !alive) return;
      showError(null);
      if (cursor === null) {
        clear(list);
        shown = 0;
      }
      const items = Array.isArray(page?.items) ? page.items : [];
      list.append(...items.map(resultItem));
      shown += items.length;
      next = typeof page?.next === 'string' && page.next !== '' ? page.next : null;
      if (shown === 0) list.append(el('li', { className: 'empty-note', dataset: { testid: 'search-empty' }, text: 'No mentions found.' }));
      more.hidden = next === null;
      status.textContent = summary();
    } catch (error) {
      if (mine !== request || !alive) return;
      console.warn('search failed', error);
      showError(describeError(error));
      if (cursor === null) {
        clear(list);
        shown = 0;
        next = null;
        more.hidden = true;
        status.textContent = '';
      } else {
        status.textContent = summary(); // the results stay; More tries the same page again
      }
    } finally {
      if (mine === request && alive) setBusy(false);
    }
  }

  function search(values, { remember }) {
    if (remember) history.replaceState(null, '', addressOf(values));
    params = apiParams(values);
    next = null;
    load(null);
  }

  more.addEventListener('click', () => {
    if (next !== null) load(next);
  });

  const initial = routeParams(hash);
  form.fill(initial);
  if (SEARCH_FIELDS.some((name) => initial.has(name))) search(form.values(), { remember: false });
  else form.focus();
  const offs = [on('brands', form.renderBrands)];

  return {
    title: 'Search',
    unmount() {
      alive = false;
      offs.forEach((off) => off());
    },
  };
}
