// uPlot wrappers: a live time chart and a tile sparkline, themed for the dark wall screen.
/* global uPlot */

const AXIS = '#8b98ad';
const GRID = 'rgba(148, 163, 184, 0.12)';

function timeLabel(seconds) {
  return new Date(seconds * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

function tvMode() {
  return document.body.classList.contains('tv');
}

function sizeOf(container, height) {
  return { width: Math.max(120, container.clientWidth), height: height ?? Math.max(30, container.clientHeight) };
}

// Follows the container's width; a fixed height (charts with a legend below) stays as created.
function observeSize(container, plot, fixedHeight) {
  const observer = new ResizeObserver(() => {
    const { width, height } = sizeOf(container, fixedHeight);
    if (width !== plot.width || height !== plot.height) plot.setSize({ width, height });
  });
  observer.observe(container);
  return observer;
}

/**
 * A time chart (x = unix seconds) with its legend below. series: [{ label, color, fill?, dash?, format? }].
 * options: { height (plot area px, larger in war-room mode), yRange?: [min, max], format?: (value) => string }
 */
export function createTimeChart(container, series, { height = 220, yRange, format = (v) => String(Math.round(v)) } = {}) {
  const plotHeight = tvMode() ? Math.round(height * 1.2) : height;
  const font = tvMode() ? '15px system-ui, sans-serif' : '12px system-ui, sans-serif';
  const axis = { stroke: AXIS, font, grid: { stroke: GRID, width: 1 }, ticks: { stroke: GRID, width: 1 } };
  const options = {
    ...sizeOf(container, plotHeight),
    padding: [8, 24, 0, 0],
    cursor: { drag: { x: false, y: false }, points: { size: 6 } },
    legend: { show: true, live: true },
    scales: { x: { time: true }, y: yRange ? { range: yRange } : { range: (u, min, max) => [0, Math.max(5, max * 1.15)] } },
    axes: [
      { ...axis, space: 80, values: (u, splits) => splits.map(timeLabel) },
      { ...axis, size: tvMode() ? 64 : 52, values: (u, values) => values.map(format) },
    ],
    series: [
      { value: (u, v) => (v == null ? '' : timeLabel(v)) },
      ...series.map((s) => ({
        label: s.label,
        stroke: s.color,
        width: tvMode() ? 3 : 2,
        fill: s.fill,
        dash: s.dash,
        points: { show: false },
        value: (u, v) => (v == null ? '–' : (s.format ?? format)(v)),
      })),
    ],
  };
  const plot = new uPlot(options, [[], ...series.map(() => [])], container);
  const observer = observeSize(container, plot, plotHeight);
  return {
    setData(data) {
      plot.setData(data);
      // Nobody hovers a wall screen: unless the cursor is on the chart, the legend shows the latest values.
      if (plot.cursor.left == null || plot.cursor.left < 0) {
        const last = data[0].length - 1;
        if (last >= 0) plot.setLegend({ idx: last });
      }
    },
    destroy() {
      observer.disconnect();
      plot.destroy();
    },
  };
}

/** A minimal area sparkline without axes, legend or cursor. */
export function createSparkline(container, color) {
  const plot = new uPlot(
    {
      ...sizeOf(container),
      padding: [2, 0, 2, 0],
      legend: { show: false },
      cursor: { show: false },
      select: { show: false },
      scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max * 1.1)] } },
      axes: [{ show: false }, { show: false }],
      series: [{}, { stroke: color, width: 2, fill: `${color}26`, points: { show: false } }],
    },
    [[], []],
    container,
  );
  const observer = observeSize(container, plot);
  return {
    setData(xs, ys) {
      plot.setData([xs, ys]);
    },
    destroy() {
      observer.disconnect();
      plot.destroy();
    },
  };
}
