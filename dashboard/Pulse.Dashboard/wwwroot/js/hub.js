// The SignalR connection to /hubs/pulse: connection state, subscriptions and their renewal.
// Groups are per connection, so every (re)connect re-invokes the current subscriptions.
/* global signalR */

const RETRY_DELAYS_MS = [0, 2000, 5000, 10000, 20000, 30000];
const OFFLINE_RETRY_MS = [2000, 5000, 10000, 15000, 30000];

export function createHub({ onSummaries, onSnapshots, onAlerts, onDataGaps, onState, onResync }) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/pulse')
    .withAutomaticReconnect(RETRY_DELAYS_MS)
    .configureLogging(signalR.LogLevel.Warning)
    .build();

  let overview = false;
  let brandId = null;
  let attempt = 0;
  let everConnected = false;

  connection.on('brandSummaries', (summaries) => onSummaries(summaries ?? []));
  connection.on('channelSnapshots', (snapshots) => onSnapshots(snapshots ?? []));
  connection.on('alerts', (alerts) => onAlerts(alerts ?? []));
  connection.on('dataGaps', (gaps) => onDataGaps(gaps ?? []));

  connection.onreconnecting(() => onState('reconnecting'));
  connection.onreconnected(async () => {
    onState('connected');
    await resubscribe();
    onResync();
  });
  // Automatic reconnect gave up (or the first start failed): keep trying slowly, the wall must heal itself.
  connection.onclose(() => {
    onState('offline');
    scheduleStart();
  });

  const connected = () => connection.state === signalR.HubConnectionState.Connected;

  async function invoke(method, ...args) {
    if (!connected()) return;
    try {
      await connection.invoke(method, ...args);
    } catch (error) {
      console.warn(`${method} failed`, error);
    }
  }

  async function resubscribe() {
    if (overview) await invoke('SubscribeOverview');
    if (brandId !== null) await invoke('SubscribeBrand', brandId);
  }

  function scheduleStart() {
    const delay = OFFLINE_RETRY_MS[Math.min(attempt, OFFLINE_RETRY_MS.length - 1)];
    attempt++;
    setTimeout(start, delay);
  }

  async function start() {
    if (connection.state !== signalR.HubConnectionState.Disconnected) return;
    onState(attempt === 0 ? 'connecting' : 'reconnecting');
    try {
      await connection.start();
      attempt = 0;
      onState('connected');
      await resubscribe();
      // The first connect follows the initial REST load; later ones must refill what was missed.
      if (everConnected) onResync();
      everConnected = true;
    } catch (error) {
      console.warn('hub connection failed', error);
      onState('offline');
      scheduleStart();
    }
  }

  return {
    start,
    async subscribeOverview() {
      overview = true;
      await invoke('SubscribeOverview');
    },
    /** Switches the brand subscription (null = none). */
    async setBrand(next) {
      if (next === brandId) return;
      const previous = brandId;
      brandId = next;
      if (previous !== null) await invoke('UnsubscribeBrand', previous);
      if (next !== null) await invoke('SubscribeBrand', next);
    },
  };
}
