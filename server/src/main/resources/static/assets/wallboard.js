// The wallboard's behaviour (an Alpine.js component, templates/wallboard.html): queue tiles and
// agents by state from the statistics stream (SSE, once a second), the last interactions from the
// history whenever an event happened (at most every 2 s), and the waiting callers of the last hour
// (loaded once, then one point per sample period from the stream).

const STATES = ['READY', 'RESERVED', 'BUSY', 'WRAP_UP', 'NOT_READY', 'OFFLINE'];
const HISTORY_MIN_INTERVAL_MS = 2000;
const CHART_SPAN_MS = 60 * 60 * 1000;
const RECONNECT_MS = 5000;

function wallboard() {
  // Kept outside Alpine's reactive state: Chart.js and EventSource must not be proxied.
  let chart = null;
  let source = null;
  let lastSeq = null;
  let historyFetchedAt = 0;
  let historyTimer = null;
  let chartPeriodMs = 10000;
  let lastPointAt = 0;

  return {
    tenant: document.body.dataset.tenant,
    states: STATES,
    queues: [],
    agents: {},
    interactions: [],
    connection: 'connecting',

    async init() {
      chart = new WaitingChart(document.getElementById('waiting-chart'));
      await this.loadWaitingHistory();
      this.connect();
    },

    api(path) {
      return '/api/v1/tenants/' + encodeURIComponent(this.tenant) + path;
    },

    connect() {
      source = new EventSource(this.api('/statistics/stream'));
      source.onopen = () => { this.connection = 'live'; };
      source.onerror = () => {
        this.connection = 'lost';
        // The browser retries by itself unless the server refused the stream: then we retry.
        if (source.readyState === EventSource.CLOSED) {
          setTimeout(() => this.connect(), RECONNECT_MS);
        }
      };
      source.addEventListener('statistics', (event) => this.onStatistics(JSON.parse(event.data)));
    },

    onStatistics(statistics) {
      this.connection = 'live';
      this.queues = statistics.queues;
      this.agents = statistics.agentsByState;
      if (statistics.seq !== lastSeq) {
        lastSeq = statistics.seq;
        this.refreshInteractions();
      }
      const now = Date.now();
      if (now - lastPointAt >= chartPeriodMs) {
        lastPointAt = now;
        chart.add(now, statistics.waiting);
      }
    },

    refreshInteractions() {
      if (historyTimer !== null) {
        return;
      }
      const wait = Math.max(0, historyFetchedAt + HISTORY_MIN_INTERVAL_MS - Date.now());
      historyTimer = setTimeout(async () => {
        historyFetchedAt = Date.now();
        try {
          const response = await fetch(this.api('/interactions/history?limit=10'));
          if (response.ok) {
            this.interactions = (await response.json()).interactions;
          }
        } finally {
          historyTimer = null;
        }
      }, wait);
    },

    async loadWaitingHistory() {
      try {
        const response = await fetch(this.api('/statistics/waiting?minutes=60'));
        if (!response.ok) {
          return;
        }
        const history = await response.json();
        chartPeriodMs = history.periodSeconds * 1000;
        for (const sample of history.samples) {
          chart.add(Date.parse(sample.at), sample.waiting);
        }
        if (history.samples.length > 0) {
          lastPointAt = Date.parse(history.samples[history.samples.length - 1].at);
        }
      } catch (e) {
        // The chart starts empty and fills from the stream.
      }
    },

    connectionText() {
      return {
        connecting: 'Connecting…',
        live: 'Live',
        lost: 'Connection lost – reconnecting…',
      }[this.connection];
    },

    label(state) {
      return state.replace('_', ' ').toLowerCase();
    },

    clock(seconds) {
      const total = Math.round(seconds || 0);
      const h = Math.floor(total / 3600);
      const m = Math.floor((total % 3600) / 60);
      const s = String(total % 60).padStart(2, '0');
      return h > 0 ? h + ':' + String(m).padStart(2, '0') + ':' + s : m + ':' + s;
    },

    percent(value) {
      return value === null || value === undefined ? '–' : Math.round(value) + '%';
    },

    serviceLevelClass(queue) {
      const value = queue.serviceLevelPercentToday;
      if (value === null || value === undefined) {
        return 'sl none';
      }
      if (value >= queue.serviceLevelTargetPercent) {
        return 'sl good';
      }
      return value >= queue.serviceLevelTargetPercent - 10 ? 'sl close' : 'sl bad';
    },

    time(instant) {
      return new Date(instant).toLocaleTimeString([], { hour12: false });
    },
  };
}

// The line chart of waiting callers: one point per sample, none older than the chart's span. The
// canvas carries the number of points and the latest value (data-points, data-last) for tests.
class WaitingChart {
  constructor(canvas) {
    this.canvas = canvas;
    this.times = [];
    this.chart = new Chart(canvas, {
      type: 'line',
      data: { labels: [], datasets: [{ label: 'waiting', data: [], fill: true, tension: 0.2, pointRadius: 1.5 }] },
      options: {
        animation: false,
        maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { ticks: { maxTicksLimit: 7 } } },
      },
    });
  }

  add(at, waiting) {
    const labels = this.chart.data.labels;
    const values = this.chart.data.datasets[0].data;
    this.times.push(at);
    labels.push(new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false }));
    values.push(waiting);
    while (this.times.length > 0 && this.times[0] < at - CHART_SPAN_MS) {
      this.times.shift();
      labels.shift();
      values.shift();
    }
    this.chart.update('none');
    this.canvas.dataset.points = String(values.length);
    this.canvas.dataset.last = String(waiting);
  }
}

document.addEventListener('alpine:init', () => Alpine.data('wallboard', wallboard));
