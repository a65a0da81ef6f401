// The agent app's behaviour (an Alpine.js component, templates/agent-app.html): the agent's desk
// (GET …/agents/{agent}/desk) read at start, after each relevant event of the tenant's event stream
// (SSE) and after every reconnect; the interaction's timeline, transcript and summary read with it;
// agent actions and call control posted to the API, their refusals shown with the problem detail.

const RECONNECT_MIN_MS = 1000;
const RECONNECT_MAX_MS = 30000;
const REFRESH_DELAY_MS = 150;

// Every stream event the page listens for; EventSource only delivers named events it listens to.
const EVENT_TYPES = [
  'agent.Configured', 'agent.Removed', 'agent.LoggedIn', 'agent.BecameReady', 'agent.BecameNotReady',
  'agent.LoggedOut', 'agent.PresenceChanged',
  'interaction.AttributesChanged', 'interaction.Queued', 'interaction.Offered',
  'interaction.OfferTimedOut', 'interaction.OfferDeclined', 'interaction.OfferWithdrawn',
  'interaction.Connected', 'interaction.Held', 'interaction.Resumed', 'interaction.ConsultStarted',
  'interaction.Conferenced', 'interaction.TransferStarted', 'interaction.TransferFailed',
  'interaction.TransferredToQueue', 'interaction.Disconnected', 'interaction.WrapUpCompleted',
  'interaction.Abandoned', 'interaction.CallbackAnswered', 'interaction.CallbackNotReached',
  'interaction.Ended', 'interaction.Failed', 'interaction.TranscriptAdded',
  'interaction.RecordingChanged', 'interaction.Summarized',
];

// The call actions each interaction state allows (the channels' talk states, as core records them).
const CALL_ACTIONS = {
  CONNECTED: ['hold', 'consult', 'transfer', 'hang-up'],
  ON_HOLD: ['resume', 'consult', 'transfer', 'hang-up'],
  CONSULTING: ['resume', 'conference', 'transfer', 'hang-up'],
  CONFERENCED: ['resume', 'transfer', 'hang-up'],
  TRANSFERRING: [],
};

// The agent actions each agent state allows (core's AgentState table).
const AGENT_ACTIONS = {
  OFFLINE: ['login'],
  READY: ['not-ready', 'logout'],
  RESERVED: ['not-ready', 'logout'],
  BUSY: [],
  WRAP_UP: ['not-ready', 'logout'],
  NOT_READY: ['ready', 'not-ready', 'logout'],
};

// Who the page acts as. Until sign-in exists this is the agent of the page's URL, named in the
// Tandem-Principal header (the server's ActorResolver.PRINCIPAL_HEADER); sign-in with Microsoft
// accounts replaces this object, and nothing else.
class AgentSession {
  constructor(agent) {
    this.principal = agent;
  }

  headers() {
    return { 'Tandem-Principal': this.principal };
  }

  eventSource(url) {
    return new EventSource(url);
  }
}

function agentApp() {
  // Kept outside Alpine's reactive state: EventSource and timers must not be proxied.
  const session = new AgentSession(document.body.dataset.agent);
  let source = null;
  let lastSeq = null;
  let refreshTimer = null;
  let reconnectDelay = RECONNECT_MIN_MS;
  let wasLost = false;

  return {
    tenant: document.body.dataset.tenant,
    agent: document.body.dataset.agent,
    connection: 'connecting',
    reconnects: 0,
    desk: null,
    detail: null,
    lastWork: null,
    skewMs: 0,
    nowMs: Date.now(),
    problem: null,
    pending: false,
    reason: '',
    queues: [],
    codes: [],
    teamsUsers: [],
    targetKind: 'queue',
    targetValue: '',
    wrapCode: '',
    wrapNotes: '',

    async init() {
      setInterval(() => { this.nowMs = Date.now(); }, 1000);
      await Promise.all([this.refresh(), this.loadCatalog()]);
      this.connect();
    },

    api(path) {
      return '/api/v1/tenants/' + encodeURIComponent(this.tenant) + path;
    },

    agentApi(path) {
      return this.api('/agents/' + encodeURIComponent(this.agent) + path);
    },

    // --- reading ---------------------------------------------------------------------------------

    async loadCatalog() {
      const [queues, codes, agents] = await Promise.all([
        this.read(this.api('/queues')),
        this.read(this.api('/wrap-up-codes')),
        this.read(this.api('/agents')),
      ]);
      this.queues = queues || [];
      this.codes = codes || [];
      this.teamsUsers = (agents || []).filter((a) => a.teamsUserId && a.id !== this.agent);
    },

    async read(url) {
      const response = await fetch(url, { headers: session.headers() });
      if (!response.ok) {
        await this.showProblem(response);
        return null;
      }
      return response.json();
    },

    async refresh() {
      const desk = await this.read(this.agentApi('/desk'));
      if (desk === null) {
        return;
      }
      this.skewMs = Date.parse(desk.now) - Date.now();
      const current = desk.interaction || (desk.offer && desk.offer.interaction);
      if (current) {
        this.lastWork = current;
      } else if (this.lastWork && this.lastWork.state !== 'ENDED' && this.lastWork.state !== 'FAILED') {
        this.lastWork = Object.assign({}, this.lastWork, { state: 'ENDED' });
      }
      if (!this.reason && desk.notReadyReasons.length > 0) {
        this.reason = desk.notReadyReasons[0];
      }
      if (desk.agent.state === 'WRAP_UP' && (!this.desk || this.desk.agent.state !== 'WRAP_UP')) {
        this.wrapCode = '';
        this.wrapNotes = '';
      }
      this.desk = desk;
      const id = this.lastWork && this.lastWork.id;
      if (id && !(desk.offer && !desk.interaction)) {
        const detail = await this.read(this.api('/interactions/' + encodeURIComponent(id)));
        if (detail !== null && this.lastWork && this.lastWork.id === id) {
          this.detail = detail;
        }
      } else {
        this.detail = null;
      }
    },

    refreshSoon() {
      if (refreshTimer === null) {
        refreshTimer = setTimeout(async () => {
          refreshTimer = null;
          await this.refresh();
        }, REFRESH_DELAY_MS);
      }
    },

    // --- the event stream -----------------------------------------------------------------------

    connect() {
      const after = lastSeq === null ? '' : '&after=' + lastSeq;
      source = session.eventSource(this.api('/events?types=agent.*,interaction.*' + after));
      source.onopen = () => {
        reconnectDelay = RECONNECT_MIN_MS;
        this.connection = 'live';
        if (wasLost) {
          wasLost = false;
          this.reconnects++;
          this.refresh();
        }
      };
      source.onerror = () => {
        this.connection = 'lost';
        wasLost = true;
        // The browser retries by itself unless the stream was refused: then we retry, backing off.
        if (source.readyState === EventSource.CLOSED) {
          setTimeout(() => this.connect(), reconnectDelay);
          reconnectDelay = Math.min(reconnectDelay * 2, RECONNECT_MAX_MS);
        }
      };
      for (const type of EVENT_TYPES) {
        source.addEventListener(type, (event) => this.onEvent(JSON.parse(event.data)));
      }
    },

    onEvent(event) {
      lastSeq = event.seq;
      const data = event.data || {};
      const mine =
        data.agent === this.agent ||
        data.fromAgent === this.agent ||
        (data.profile && data.profile.id === this.agent) ||
        (data.interaction && this.lastWork && data.interaction === this.lastWork.id);
      if (mine) {
        this.refreshSoon();
      }
    },

    // --- acting ---------------------------------------------------------------------------------

    async post(url, body) {
      this.pending = true;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: Object.assign({ 'Content-Type': 'application/json' }, session.headers()),
          body: JSON.stringify(body || {}),
        });
        if (!response.ok) {
          await this.showProblem(response);
          return false;
        }
        this.problem = null;
        return true;
      } catch (e) {
        this.problem = { title: 'Not sent', status: '', detail: 'The server cannot be reached: ' + e.message };
        return false;
      } finally {
        this.pending = false;
      }
    },

    async agentAction(action, body) {
      if (await this.post(this.agentApi('/' + action), body)) {
        await this.refresh();
      }
    },

    notReady() {
      return this.agentAction('not-ready', { reason: this.reason });
    },

    wrapUp() {
      return this.agentAction('wrap-up', { code: this.wrapCode || null, notes: this.wrapNotes || null });
    },

    async call(action, target) {
      const work = this.desk && this.desk.interaction;
      if (!work) {
        return;
      }
      const body = target ? { target: target } : {};
      await this.post(this.api('/interactions/' + encodeURIComponent(work.id) + '/call/' + action), body);
    },

    async showProblem(response) {
      let problem = { title: response.statusText || 'Refused', status: response.status, detail: '' };
      try {
        const body = await response.json();
        problem = { title: body.title || problem.title, status: response.status, detail: body.detail || '' };
      } catch (e) {
        // Not a problem document: the status says it all.
      }
      this.problem = problem;
    },

    // --- what the page shows ----------------------------------------------------------------------

    can(action) {
      return this.desk !== null && (AGENT_ACTIONS[this.desk.agent.state] || []).includes(action);
    },

    work() {
      return (this.desk && this.desk.interaction) || (this.desk && !this.desk.offer && this.lastWork) || null;
    },

    inCall() {
      const work = this.desk && this.desk.interaction;
      return Boolean(work && work.state in CALL_ACTIONS);
    },

    callCan(action) {
      const work = this.desk && this.desk.interaction;
      return !this.pending && Boolean(work) && (CALL_ACTIONS[work.state] || []).includes(action);
    },

    handOver() {
      const work = this.desk && this.desk.interaction;
      return Boolean(work) && (work.state === 'CONSULTING' || work.state === 'CONFERENCED');
    },

    target() {
      return this.targetValue ? this.targetValue.trim() : '';
    },

    reasons() {
      return this.desk ? this.desk.notReadyReasons : [];
    },

    view() {
      if (this.desk === null) {
        return 'loading';
      }
      const state = this.desk.agent.state;
      if (state === 'BUSY' && this.desk.interaction) {
        return {
          ON_HOLD: 'on-hold', CONSULTING: 'consulting', CONFERENCED: 'conference', TRANSFERRING: 'transferring',
        }[this.desk.interaction.state] || 'talking';
      }
      return {
        OFFLINE: 'logged-out', READY: 'ready', NOT_READY: 'not-ready', RESERVED: 'offered', BUSY: 'talking',
        WRAP_UP: 'wrap-up',
      }[state];
    },

    stateText() {
      return {
        loading: 'Loading…', 'logged-out': 'Logged out', ready: 'Ready', 'not-ready': 'Not ready',
        offered: 'Incoming call', talking: 'Talking', 'on-hold': 'On hold', consulting: 'Consulting',
        conference: 'In conference', transferring: 'Transferring', 'wrap-up': 'Wrap-up',
      }[this.view()];
    },

    stateDetail() {
      if (this.desk === null) {
        return '';
      }
      const agent = this.desk.agent;
      if (agent.state === 'NOT_READY' && agent.notReadyReason) {
        return agent.notReadyReason + ' · ' + this.clock(this.since(agent.stateSince));
      }
      if (agent.state === 'WRAP_UP') {
        return this.wrapUpLeft();
      }
      return agent.state === 'OFFLINE' ? '' : this.clock(this.since(agent.stateSince));
    },

    wrapUpLeft() {
      const until = this.desk && this.desk.agent.wrapUpUntil;
      if (!until) {
        return '';
      }
      const left = (Date.parse(until) - (this.nowMs + this.skewMs)) / 1000;
      return this.clock(Math.max(0, left)) + ' left';
    },

    attributes() {
      const work = this.work();
      return work ? Object.entries(work.attributes || {}).sort() : [];
    },

    timeline() {
      return this.detail ? this.detail.timeline : [];
    },

    transcript() {
      return this.detail ? this.detail.insights.transcript : [];
    },

    summary() {
      return this.detail ? this.detail.insights.summary : null;
    },

    queueText(work) {
      return work.queueName || work.queue || '–';
    },

    waitedText(work) {
      if (!work.waitingSince) {
        return '–';
      }
      const end = this.detail && this.detail.summary ? this.detail.summary.waitSeconds : null;
      return end !== null ? this.clock(end) : this.clock(this.since(work.waitingSince));
    },

    eventText(event) {
      const name = event.type.substring(event.type.indexOf('.') + 1);
      const data = event.data || {};
      const extra = data.queue || data.target || data.reason || data.code || data.speaker || data.state || '';
      return name + (extra ? ' · ' + extra : '');
    },

    since(instant) {
      return Math.max(0, (this.nowMs + this.skewMs - Date.parse(instant)) / 1000);
    },

    connectionText() {
      return { connecting: 'Connecting…', live: 'Live', lost: 'Connection lost – reconnecting…' }[this.connection];
    },

    label(state) {
      return state.replaceAll('_', ' ').toLowerCase();
    },

    clock(seconds) {
      const total = Math.round(seconds || 0);
      const h = Math.floor(total / 3600);
      const m = Math.floor((total % 3600) / 60);
      const s = String(total % 60).padStart(2, '0');
      return h > 0 ? h + ':' + String(m).padStart(2, '0') + ':' + s : m + ':' + s;
    },

    time(instant) {
      return new Date(instant).toLocaleTimeString([], { hour12: false });
    },
  };
}

document.addEventListener('alpine:init', () => Alpine.data('agentApp', agentApp));
