// REST read API of the dashboard backend (see CONTRACT.md). Ids are always URL-encoded.
import { noteServerTime } from './server-clock.js';

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) {
    const error = new Error(`${path}: HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return response.json();
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
};
