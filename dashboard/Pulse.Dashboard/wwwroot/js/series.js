// Turns a /series response (counts per bucket) into the same measures the hub pushes:
// rate = per minute over the last 10 s, and 60 s sums for sentiment and engagement.

export const RATE_WINDOW_S = 10;
export const MINUTE_S = 60;

/** Rolling sums over the last `width` buckets (partial windows at the start). */
export function rollingSum(values, width) {
  const sums = new Array(values.length);
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i] ?? 0;
    if (i >= width) sum -= values[i - width] ?? 0;
    sums[i] = sum;
  }
  return sums;
}

/** Unix seconds of every bucket of a series response. */
export function bucketTimes(series) {
  const start = Date.parse(series.start) / 1000;
  const step = series.stepSeconds || 1;
  const length = series.channels.length ? series.channels[0].count.length : 0;
  return Array.from({ length }, (_, i) => start + i * step);
}

function bucketsIn(series, seconds) {
  return Math.max(1, Math.round(seconds / (series.stepSeconds || 1)));
}

/** Per channel: rate (per minute over 10 s) and 60 s sums, one value per bucket. */
export function channelMeasures(series, channel) {
  const rateWidth = bucketsIn(series, RATE_WINDOW_S);
  const minuteWidth = bucketsIn(series, MINUTE_S);
  const perMinuteFactor = MINUTE_S / (rateWidth * (series.stepSeconds || 1));
  return {
    rate: rollingSum(channel.count, rateWidth).map((sum) => sum * perMinuteFactor),
    perMinute: rollingSum(channel.count, minuteWidth),
    positive: rollingSum(channel.positive, minuteWidth),
    neutral: rollingSum(channel.neutral, minuteWidth),
    negative: rollingSum(channel.negative, minuteWidth),
    engagement: rollingSum(channel.engagement, minuteWidth),
  };
}

/** Element-wise sum of equally long arrays. */
export function sumArrays(arrays, length) {
  const total = new Array(length).fill(0);
  for (const values of arrays) for (let i = 0; i < length; i++) total[i] += values[i] ?? 0;
  return total;
}

/** Brand totals (all channels) of the measures, one value per bucket. */
export function brandMeasures(series) {
  const times = bucketTimes(series);
  const perChannel = series.channels.map((c) => channelMeasures(series, c));
  const pick = (key) => sumArrays(perChannel.map((m) => m[key]), times.length);
  return {
    times,
    rate: pick('rate'),
    perMinute: pick('perMinute'),
    positive: pick('positive'),
    neutral: pick('neutral'),
    negative: pick('negative'),
    engagement: pick('engagement'),
    fullMinuteFrom: Math.min(times.length, bucketsIn(series, MINUTE_S) - 1),
  };
}
