// The archive search's form: words, brand, channel, sentiment, language, a range of days and the order. Its values are
// the form's own (days as yyyy-mm-dd), as the address bar keeps them; search.js turns them into the API's parameters.
// The server checks every value: a 400 names the wrong one, and markInvalid() points the person at its field.
import { el, clear } from './dom.js';
import { store, sortedBrands } from './store.js';

/** The form's fields, by the name the API (and the address bar) gives each. */
export const SEARCH_FIELDS = ['q', 'brand', 'channel', 'sentiment', 'lang', 'from', 'to', 'sort'];

// The languages Pulse detects (author tags are not trusted): German and English, stemmed in the archive, and "could not tell".
const LANGUAGES = [['de', 'German'], ['en', 'English'], ['und', 'undetermined']];

function option(value, text) {
  return el('option', { value, text });
}

/** Selects `value`, adding it as an option first when the list lacks it (an address naming one the app does not know). */
function choose(select, value) {
  if (value && ![...select.options].some((o) => o.value === value)) select.append(option(value, value));
  select.value = value;
}

function field(label, control, className) {
  return el('div', { className: `search-field${className ? ` ${className}` : ''}` },
    el('label', { for: control.id, text: label }),
    control);
}

export function createSearchForm({ onSubmit }) {
  const controls = {
    q: el('input', {
      id: 'search-q', name: 'q', type: 'search', maxlength: 256, autocomplete: 'off', spellcheck: 'false',
      placeholder: 'words, "a phrase", -word, this or that', 'aria-describedby': 'search-syntax', dataset: { testid: 'search-q' },
    }),
    brand: el('select', { id: 'search-brand', name: 'brand', dataset: { testid: 'search-brand' } }),
    channel: el('select', { id: 'search-channel', name: 'channel', dataset: { testid: 'search-channel' } },
      option('', 'all channels'), store.channels.map((c) => option(String(c), String(c)))),
    sentiment: el('select', { id: 'search-sentiment', name: 'sentiment', dataset: { testid: 'search-sentiment' } },
      option('', 'any sentiment'), option('positive', 'positive'), option('neutral', 'neutral'), option('negative', 'negative')),
    lang: el('select', { id: 'search-lang', name: 'lang', dataset: { testid: 'search-lang' } },
      option('', 'any language'), LANGUAGES.map(([code, name]) => option(code, name))),
    from: el('input', { id: 'search-from', name: 'from', type: 'date', dataset: { testid: 'search-from' } }),
    to: el('input', { id: 'search-to', name: 'to', type: 'date', title: 'this day included', dataset: { testid: 'search-to' } }),
    sort: el('select', { id: 'search-sort', name: 'sort', dataset: { testid: 'search-sort' } },
      option('time', 'newest first'), option('engagement', 'most engagement first')),
  };
  const submit = el('button', { type: 'submit', className: 'btn btn-accent', dataset: { testid: 'search-submit' }, text: 'Search' });
  const form = el('form', { className: 'panel search-form', role: 'search', 'aria-label': 'Search the mention archive', dataset: { testid: 'search-form' } },
    field('Words', controls.q, 'search-words'),
    el('p', { id: 'search-syntax', className: 'muted search-syntax', text: 'All words must appear. "quoted phrase" · -word leaves out · or for either. German and English words match their other forms, umlauts any spelling (Störung = Stoerung).' }),
    field('Brand', controls.brand),
    field('Channel', controls.channel),
    field('Sentiment', controls.sentiment),
    field('Language', controls.lang),
    field('From', controls.from),
    field('To (included)', controls.to),
    field('Order', controls.sort),
    el('div', { className: 'search-actions' }, submit));

  /** The brand options: every brand the caller sees, by name; a brand given (an address) but not listed stays selectable. */
  function renderBrands(selected = controls.brand.value) {
    const brands = sortedBrands();
    clear(controls.brand).append(option('', 'all brands'), ...brands.map((b) => option(String(b.id), String(b.name ?? b.id))));
    choose(controls.brand, selected);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit(values());
  });
  for (const control of Object.values(controls)) control.addEventListener('input', () => control.removeAttribute('aria-invalid'));

  /** The set fields' values, by name; the default order (newest first) is left out. */
  function values() {
    const set = {};
    for (const name of SEARCH_FIELDS) {
      const value = controls[name].value.trim();
      if (value) set[name] = value;
    }
    if (set.sort === 'time') delete set.sort;
    return set;
  }

  renderBrands('');
  return {
    root: form,
    values,
    /** Sets the fields from an address's values (unknown names are ignored; a missing one is cleared). */
    fill(params) {
      for (const name of SEARCH_FIELDS) {
        const value = params.get(name) ?? (name === 'sort' ? 'time' : '');
        if (name === 'brand') renderBrands(value);
        else if (controls[name] instanceof HTMLSelectElement) choose(controls[name], value);
        else controls[name].value = value;
      }
    },
    renderBrands: () => renderBrands(),
    /** Marks the field a problem names (or none) and moves the focus to it. */
    markInvalid(parameter) {
      for (const [name, control] of Object.entries(controls)) {
        if (name === parameter) control.setAttribute('aria-invalid', 'true');
        else control.removeAttribute('aria-invalid');
      }
      if (Object.hasOwn(controls, parameter)) controls[parameter].focus();
    },
    busy(on) {
      submit.disabled = on;
    },
    focus: () => controls.q.focus(),
  };
}
