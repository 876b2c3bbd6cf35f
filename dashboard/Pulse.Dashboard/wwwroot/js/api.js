// REST read API of the dashboard backend (see CONTRACT.md). Ids are always URL-encoded.
// A 401 (no session, or it ended) throws an error with status 401: the app then shows the sign-in form.
// An error answer's problem+json ({ title, detail, parameter, … }), when it has one, comes along as error.problem.
import { noteServerTime } from './server-clock.js';
import { writeHeaders } from './session.js';

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) throw await httpError(path, response);
  return response.json();
}

/** POST/PUT/PATCH/DELETE with a JSON body; carries X-XSRF-TOKEN, which the server requires of cookie sessions. */
export async function writeJson(method, path, body) {
  const headers = writeHeaders({ Accept: 'application/json' });
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  if (!response.ok) throw await httpError(path, response);
  return response.status === 204 ? null : response.json();
}

async function httpError(path, response) {
  const error = new Error(`${path}: HTTP ${response.status}`);
  error.status = response.status;
  error.problem = await readProblem(response);
  return error;
}

/** The answer's problem details, or null when it is not JSON (a proxy's error page, say). */
async function readProblem(response) {
  if (!/json/i.test(response.headers.get('Content-Type') ?? '')) return null;
  try {
    const problem = await response.json();
    return problem !== null && typeof problem === 'object' && !Array.isArray(problem) ? problem : null;
  } catch {
    return null;
  }
}

const id = (brandId) => encodeURIComponent(brandId);

export const api = {
  channels: () => getJson('/api/channels'),
  brands: () => getJson('/api/brands'),
  overview: async (window = '5m') => {
    const overview = await getJson(`/api/overview?window=${encodeURIComponent(window)}`);
    noteServerTime(overview.at);
    return overview;
  },
  stats: (brandId, window = '1m') => getJson(`/api/brands/${id(brandId)}/stats?window=${encodeURIComponent(window)}`),
  series: (brandId, resolution = '1s', points = 120) =>
    getJson(`/api/brands/${id(brandId)}/series?resolution=${encodeURIComponent(resolution)}&points=${points}`),
  mentions: (brandId, limit = 50) => getJson(`/api/brands/${id(brandId)}/mentions?limit=${limit}`),
  alerts: () => getJson('/api/alerts'),
  dataGaps: () => getJson('/api/data-gaps'),
  sources: () => getJson('/api/sources'),
  /** The archive search: params is { q, brand, from, to, channel, sentiment, lang, sort, cursor, limit }, set ones only. */
  searchMentions: (params) => getJson(`/api/mentions/search?${new URLSearchParams(params)}`),
};
