// Fixed colours so a channel looks the same on every chart, table and screen.
const CHANNEL_COLORS = {
  x: '#e2e8f0',
  bluesky: '#3b9eff',
  mastodon: '#a78bfa',
  reddit: '#ff6a2b',
  news: '#facc15',
  blogs: '#34d399',
  forums: '#22d3ee',
  reviews: '#f472b6',
};
const FALLBACK = ['#fb923c', '#a3e635', '#60a5fa', '#e879f9', '#fcd34d', '#5eead4'];
const BRAND_COLORS = ['#38bdf8', '#f472b6', '#facc15', '#34d399', '#a78bfa', '#fb923c', '#f87171', '#2dd4bf', '#c084fc', '#a3e635'];

export const SENTIMENT_COLORS = { positive: '#22c55e', neutral: '#64748b', negative: '#ef4444' };

export function channelColor(channel, index = 0) {
  return Object.hasOwn(CHANNEL_COLORS, channel) ? CHANNEL_COLORS[channel] : FALLBACK[index % FALLBACK.length];
}

export function brandColor(index) {
  return BRAND_COLORS[index % BRAND_COLORS.length];
}
