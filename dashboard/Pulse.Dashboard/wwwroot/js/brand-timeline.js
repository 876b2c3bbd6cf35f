// The brand view's live timeline at 1 s resolution: seeded from /series, then advanced from
// channel snapshots. Snapshots come only when something changed, so each channel's last
// known value is carried forward every second.
import { bucketTimes, channelMeasures } from './series.js';
import { netSentiment } from './format.js';

const EMPTY = { rate: 0, positive: 0, neutral: 0, negative: 0, engagement: 0 };

export function createTimeline(initialChannels, maxPoints = 120) {
  const channels = [...initialChannels];
  let xs = [];
  let rates = new Map(channels.map((c) => [c, []]));
  let net = [];
  let negativeShare = [];
  let engagement = [];
  const last = new Map(channels.map((c) => [c, { ...EMPTY }]));

  function totals() {
    let positive = 0, neutral = 0, negative = 0, eng = 0;
    for (const v of last.values()) {
      positive += v.positive; neutral += v.neutral; negative += v.negative; eng += v.engagement;
    }
    const all = positive + neutral + negative;
    return { net: netSentiment(positive, negative), negativeShare: all > 0 ? negative / all : 0, engagement: eng };
  }

  function ensureChannel(channel) {
    if (rates.has(channel)) return false;
    channels.push(channel);
    rates.set(channel, new Array(xs.length).fill(0));
    last.set(channel, { ...EMPTY });
    return true;
  }

  function trim() {
    const excess = xs.length - maxPoints;
    if (excess <= 0) return;
    xs = xs.slice(excess);
    for (const [c, values] of rates) rates.set(c, values.slice(excess));
    net = net.slice(excess);
    negativeShare = negativeShare.slice(excess);
    engagement = engagement.slice(excess);
  }

  return {
    channels,
    last,

    /** Replaces the timeline with a /series response (1 s buckets). Returns true if channels were added. */
    seed(series) {
      let added = false;
      for (const c of series.channels) added = ensureChannel(c.channel) || added;
      xs = bucketTimes(series);
      const measures = new Map(series.channels.map((c) => [c.channel, channelMeasures(series, c)]));
      rates = new Map(channels.map((c) => [c, measures.get(c)?.rate ?? new Array(xs.length).fill(0)]));
      net = []; negativeShare = []; engagement = [];
      for (let i = 0; i < xs.length; i++) {
        for (const c of channels) {
          const m = measures.get(c);
          last.set(c, m
            ? { rate: m.rate[i], positive: m.positive[i], neutral: m.neutral[i], negative: m.negative[i], engagement: m.engagement[i] }
            : { ...EMPTY });
        }
        const t = totals();
        net.push(t.net); negativeShare.push(t.negativeShare); engagement.push(t.engagement);
      }
      trim();
      return added;
    },

    /** Records a channel snapshot as the channel's current value. Returns true if the channel is new. */
    apply(snapshot) {
      const added = ensureChannel(snapshot.channel);
      last.set(snapshot.channel, {
        rate: snapshot.rate,
        positive: snapshot.positive,
        neutral: snapshot.neutral,
        negative: snapshot.negative,
        engagement: (snapshot.likes ?? 0) + (snapshot.shares ?? 0) + (snapshot.comments ?? 0),
      });
      return added;
    },

    /** Writes the current values at second t: a new point, or an update of the latest one. */
    advance(t) {
      const second = Math.floor(t);
      const lastX = xs.length ? xs[xs.length - 1] : -Infinity;
      if (second < lastX) return;
      const appending = second > lastX;
      if (appending) xs.push(second);
      const at = xs.length - 1;
      for (const c of channels) rates.get(c)[at] = last.get(c).rate;
      const t0 = totals();
      net[at] = t0.net; negativeShare[at] = t0.negativeShare; engagement[at] = t0.engagement;
      if (appending) trim();
    },

    rateData() {
      return [xs, ...channels.map((c) => rates.get(c))];
    },
    sentimentData() {
      return [xs, net, negativeShare];
    },
    engagementData() {
      return [xs, engagement];
    },
  };
}
