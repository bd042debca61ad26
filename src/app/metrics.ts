/**
 * Prometheus metrics of one app instance (its own registry: tests run several apps in one process, and a second
 * app must not double-count the first one's messages). Counters and histograms move with events; gauges over the
 * database (outbox backlog, consultant queue) are read when Prometheus scrapes.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { ReplyOutcome } from '../dialogs/effects.js';
import type { DeliveryFailure } from '../messaging/delivery.js';
import type { Platform } from '../messaging/incoming-event.js';
import type { OutboxItem, Store } from '../storage/store.js';

/** What a search outcome is called on the dashboard ("refuse" is the engine's word for out of scope). */
const OUTCOME_LABEL: Record<ReplyOutcome, string> = {
  answer: 'answer',
  clarify: 'clarify',
  handoff: 'handoff',
  refuse: 'out_of_scope',
  other: 'other',
};

/** Every value of the labels the counters know in advance (a Record, so that a new kind is not forgotten here). */
const INBOUND_STATUSES = Object.keys({ accepted: 0, duplicate: 0, failed: 0 } satisfies Record<
  Parameters<AppMetrics['inbound']>[1],
  0
>);
const FAILURE_KINDS = Object.keys({ retry: 0, blocked: 0, rejected: 0 } satisfies Record<
  DeliveryFailure['kind'],
  0
>);

/** Replies whose latency is still to be measured; older entries are forgotten past this many. */
const MAX_TRACKED_REPLIES = 50_000;

export interface AppMetrics {
  readonly registry: Registry;
  /** An inbound event reached the runner: stored, a redelivery, or not stored. */
  inbound(platform: Platform, status: 'accepted' | 'duplicate' | 'failed'): void;
  /** The runner processed an event. `replies`: the outbox ids it queued (the first one is timed). */
  processed(info: {
    platform: Platform;
    kind: string;
    outcome: ReplyOutcome | undefined;
    failed: boolean;
    ms: number;
    receivedAt: number;
    replies: readonly number[];
  }): void;
  /** A citizen went past the flood limit (their message was stored, not answered). */
  floodLimited(platform: Platform): void;
  /** The delivery worker sent an outbox item. */
  delivered(item: OutboxItem, now: number): void;
  /** A consultant (or auto-assignment) took a ticket that had waited this long. */
  ticketTaken(waitedMs: number): void;
  /** The delivery worker failed to send (retry, blocked or rejected). */
  deliveryFailed(item: OutboxItem, failure: DeliveryFailure): void;
  /** The Prometheus text format. */
  render(): Promise<string>;
  readonly contentType: string;
}

export interface MetricsDeps {
  store: Store;
  clock?: () => number;
  /**
   * The platforms this instance serves: their labelled series are exported as 0 from the start (see below).
   */
  platforms?: readonly Platform[];
  /** Also export the process's CPU, memory, event loop and GC figures (once per process: run-assistant.ts). */
  processMetrics?: boolean;
}

export function createMetrics(deps: MetricsDeps): AppMetrics {
  const { store } = deps;
  const clock = deps.clock ?? Date.now;
  const registry = new Registry();
  if (deps.processMetrics) collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const messagesIn = new Counter({
    name: 'assistant_messages_in_total',
    help: 'Incoming events from citizens by platform and what became of them (accepted, duplicate, failed to store)',
    labelNames: ['platform', 'status'],
    registers,
  });
  const messagesOut = new Counter({
    name: 'assistant_messages_out_total',
    help: 'Messages delivered to citizens by platform',
    labelNames: ['platform'],
    registers,
  });
  const replyLatency = new Histogram({
    name: 'assistant_reply_latency_seconds',
    help: 'From an incoming message accepted to the first reply to it delivered, by platform',
    labelNames: ['platform'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers,
  });
  const processing = new Histogram({
    name: 'assistant_processing_seconds',
    help: 'Time to process one incoming event (state, engine, outbox, transcript) in one transaction',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers,
  });
  const outcomes = new Counter({
    name: 'assistant_search_outcomes_total',
    help: 'How the assistant handled citizen messages: answer, clarify, handoff, out_of_scope, other',
    labelNames: ['outcome'],
    registers,
  });
  const failures = new Counter({
    name: 'assistant_processing_failures_total',
    help: 'Incoming events whose processing failed (the citizen was told their message is saved)',
    labelNames: ['platform'],
    registers,
  });
  const flood = new Counter({
    name: 'assistant_flood_limited_total',
    help: 'Messages stored but not answered because the citizen was over the flood limit',
    labelNames: ['platform'],
    registers,
  });
  const deliveryFailures = new Counter({
    name: 'assistant_delivery_failures_total',
    help: 'Failed delivery attempts by platform and kind (retry: tried again later; blocked; rejected)',
    labelNames: ['platform', 'kind'],
    registers,
  });
  // A labelled series exists only once its labels are used: without these zeros, after a restart a rate() or an
  // alert on failures, floods or an outcome saw "no data" until the first such event, not 0.
  for (const platform of new Set(deps.platforms ?? [])) {
    for (const status of INBOUND_STATUSES) messagesIn.inc({ platform, status }, 0);
    messagesOut.inc({ platform }, 0);
    replyLatency.zero({ platform });
    failures.inc({ platform }, 0);
    flood.inc({ platform }, 0);
    for (const kind of FAILURE_KINDS) deliveryFailures.inc({ platform, kind }, 0);
  }
  for (const outcome of Object.values(OUTCOME_LABEL)) outcomes.inc({ outcome }, 0);
  new Gauge({
    name: 'assistant_outbox_pending',
    help: 'Messages in the outbox not delivered yet (including those waiting for a retry)',
    registers,
    collect() {
      this.set(store.outbox.pendingCount());
    },
  });
  new Gauge({
    name: 'assistant_handoff_queue_length',
    help: 'Open consultant tickets by state (waiting: nobody took it yet; assigned) and priority',
    labelNames: ['state', 'priority'],
    registers,
    collect() {
      this.reset();
      for (const state of ['waiting', 'assigned'])
        for (const priority of ['urgent', 'normal']) this.set({ state, priority }, 0);
      for (const ticket of store.handoffs.listOpen())
        this.inc({ state: ticket.assignedTo === null ? 'waiting' : 'assigned', priority: ticket.priority });
    },
  });
  new Gauge({
    name: 'assistant_handoff_oldest_wait_seconds',
    help: 'How long the longest-waiting untaken ticket has waited (0 when none waits)',
    registers,
    collect() {
      const now = clock();
      const oldest = store.handoffs
        .listOpen()
        .filter((t) => t.assignedTo === null)
        .reduce((min, t) => Math.min(min, t.createdAt), now);
      this.set(Math.max(0, now - oldest) / 1000);
    },
  });
  // Observed when the ticket is taken. It was looked for at scrape time, among the last 500 tickets taken since the
  // previous scrape: waits landed at whichever scrape came next, more than 500 between two scrapes were missed, and
  // a transfer (which sets assigned_at again) counted the ticket's wait a second time.
  const handoffWait = new Histogram({
    name: 'assistant_handoff_wait_seconds',
    help: 'From a ticket opened to a consultant taking it',
    buckets: [30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14_400, 43_200, 86_400],
    registers,
  });

  /** Outbox id of a first reply → when its incoming message was accepted. */
  const awaitingFirstReply = new Map<number, { receivedAt: number }>();

  return {
    registry,
    contentType: registry.contentType,
    inbound(platform, status) {
      messagesIn.inc({ platform, status });
    },
    processed(info) {
      processing.observe(info.ms / 1000);
      if (info.failed) failures.inc({ platform: info.platform });
      if (info.outcome) outcomes.inc({ outcome: OUTCOME_LABEL[info.outcome] });
      const first = info.replies[0];
      if (first !== undefined && info.kind !== 'system') {
        if (awaitingFirstReply.size >= MAX_TRACKED_REPLIES) {
          // Undelivered for long (a platform down): forget the oldest rather than grow without bound.
          const oldest = awaitingFirstReply.keys().next().value;
          if (oldest !== undefined) awaitingFirstReply.delete(oldest);
        }
        awaitingFirstReply.set(first, { receivedAt: info.receivedAt });
      }
    },
    floodLimited(platform) {
      flood.inc({ platform });
    },
    delivered(item, now) {
      messagesOut.inc({ platform: item.platform });
      const waiting = awaitingFirstReply.get(item.id);
      if (waiting) {
        awaitingFirstReply.delete(item.id);
        replyLatency.observe({ platform: item.platform }, Math.max(0, now - waiting.receivedAt) / 1000);
      }
    },
    ticketTaken(waitedMs) {
      handoffWait.observe(waitedMs / 1000);
    },
    deliveryFailed(item, failure) {
      deliveryFailures.inc({ platform: item.platform, kind: failure.kind });
      if (failure.kind !== 'retry') awaitingFirstReply.delete(item.id);
    },
    render() {
      return registry.metrics();
    },
  };
}
