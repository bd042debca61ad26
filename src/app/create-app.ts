/**
 * Builds the whole assistant from a validated config: storage, knowledge and search, the dialog runner, the
 * delivery worker, the messenger channels and the HTTP server. `run-assistant.ts` starts it; tests and the terminal chat
 * build it the same way, so every run takes the production code path.
 */
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Channel, ChannelDeps } from '../bots/channel.js';
import type { TelegramChannelOptions } from '../bots/telegram/index.js';
import { canRunInThread, createTelegramThread } from '../bots/thread/channel-thread.js';
import type { VkChannelOptions } from '../bots/vk/index.js';
import { registerWebChat } from '../bots/web/web-chat-routes.js';
import { createWebSender } from '../bots/web/web-sender.js';
import { createWebSessionExpiry, type WebSessionExpiry } from '../bots/web/web-session-expiry.js';
import type { AppConfig } from '../config/config.js';
import type { PasswordCost } from '../console/auth/passwords.js';
import { type ConsoleFeature, createConsole } from '../console/create-console.js';
import { createQueueService, type QueueService } from '../handoff/queue-service.js';
import { createTranslator, type Translator } from '../i18n/translator.js';
import { createKnowledgeService, type KnowledgeService } from '../knowledge/knowledge-service.js';
import type { AcceptStatus, InboundSink, PlatformSender } from '../messaging/delivery.js';
import { createDeliveryWorker, type DeliveryWorker } from '../messaging/delivery-worker.js';
import type { IncomingEvent } from '../messaging/incoming-event.js';
import { closeServer, createServer } from '../server/create-server.js';
import { registerHealthRoutes } from '../server/health-routes.js';
import { registerMetricsRoute } from '../server/metrics-route.js';
import { type ComplaintService, createComplaintService } from '../services/complaints/complaint-service.js';
import { createSqliteStore } from '../storage/sqlite-store.js';
import type { Store } from '../storage/store.js';
import { createFlowBuilder, type FlowParts } from './build-flows.js';
import { createSearchBuilder, type SearchParts } from './build-search.js';
import { createDialogRunner, type DialogRunner } from './dialog-runner.js';
import { createFloodLimiter } from './flood-limit.js';
import { createLogger } from './logger.js';
import { type AppMetrics, createMetrics } from './metrics.js';
import { createRetentionJob, type RetentionJob } from './retention-job.js';

/** A shutdown step taking longer than this is logged (a stuck step is then named in the log). */
const SLOW_STEP_MS = 3_000;
export interface App {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly server: FastifyInstance;
  readonly store: Store;
  readonly runner: DialogRunner;
  readonly delivery: DeliveryWorker;
  readonly knowledge: KnowledgeService<SearchParts & FlowParts>;
  readonly channels: readonly Channel[];
  readonly translator: Translator;
  /** Complaints for supervisors (list, change status; each change is sent to the citizen). */
  readonly complaints: ComplaintService;
  /** The consultant queue (places, waits, working hours). */
  readonly queue: QueueService;
  /** The consultant console at /console (undefined with CONSOLE_ENABLED=false). */
  readonly console: ConsoleFeature | undefined;
  /** Prometheus metrics of this instance (served at /metrics). */
  readonly metrics: AppMetrics;
  /** Anonymises transcripts older than RETENTION_DAYS (at start and daily). */
  readonly retention: RetentionJob;
  /** Forgets web chat sessions idle for WEB_SESSION_IDLE_MS (undefined without the web chat). */
  readonly webSessions: WebSessionExpiry | undefined;
  /** Listens, resumes unfinished work, starts the channels; resolves to the server's address. */
  start(): Promise<string>;
  /**
   * Graceful: stop taking updates, finish in-flight work, flush the outbox, close the database. Idempotent.
   * `timeoutMs` bounds the processing of what is still queued (the rest stays stored and is processed after the
   * next start) and, with `flushTimeoutMs`, the wait for deliveries (undelivered ones go out after the next start).
   */
  stop(options?: { flushTimeoutMs?: number; timeoutMs?: number }): Promise<void>;
}

export interface AppOptions {
  logger?: Logger;
  clock?: () => number;
  /** Extra senders (the terminal chat adds its own). */
  senders?: PlatformSender[];
  /** Delivery tuning (tests shorten back-off). */
  delivery?: { baseBackoffMs?: number; maxBackoffMs?: number; pollIntervalMs?: number };
  /** Watch data/ for changes (default true). */
  watchKnowledge?: boolean;
  /** Serve HTTP (default true; the terminal chat does not need it). */
  http?: boolean;
  /** Timing options of the messenger channels (tests shorten waits; production uses the defaults). */
  channels?: { telegram?: TelegramChannelOptions; vk?: VkChannelOptions };
  /** Console tuning (tests lower the password hash cost and the queue timer). */
  console?: { passwordCost?: PasswordCost; tickMs?: number };
  /** Export process figures (CPU, memory, event loop) in /metrics too: once per process (run-assistant.ts does). */
  processMetrics?: boolean;
}

/** Makes a channel once its dependencies exist (the adapter's module is loaded before anything is opened). */
type ChannelMaker = (deps: ChannelDeps) => Channel;

/**
 * The messenger adapters this configuration uses, each module loaded only then. Each brings its library (grammY,
 * node-vk-bot-api with axios): ~5 MB of the main thread's memory when Telegram runs in its own thread and VK is off.
 */
async function loadChannelMakers(config: AppConfig, options: AppOptions): Promise<ChannelMaker[]> {
  const makers: ChannelMaker[] = [];
  const { telegram, vk } = config;
  const labelled = (deps: ChannelDeps, platform: string) => ({
    ...deps,
    logger: deps.logger.child({ platform }),
  });
  if (telegram) {
    const telegramOptions = options.channels?.telegram;
    if (telegram.mode === 'polling' && canRunInThread(telegramOptions ?? {})) {
      makers.push((deps) => createTelegramThread(telegram, labelled(deps, 'telegram'), telegramOptions));
    } else {
      const { createTelegramChannel } = await import('../bots/telegram/index.js');
      makers.push((deps) => createTelegramChannel(telegram, labelled(deps, 'telegram'), telegramOptions));
    }
  }
  if (vk) {
    const { createVkChannel } = await import('../bots/vk/index.js');
    makers.push((deps) => createVkChannel(vk, labelled(deps, 'vk'), options.channels?.vk));
  }
  return makers;
}

export async function createApp(config: AppConfig, options: AppOptions = {}): Promise<App> {
  const channelMakers = await loadChannelMakers(config, options);
  const logger = options.logger ?? createLogger(config.logLevel);
  const translator = createTranslator();
  const store = createSqliteStore(config.databasePath, {
    busyTimeoutMs: config.operations.databaseBusyTimeoutMs,
  });
  const metrics = createMetrics({
    store,
    platforms: [
      ...(config.telegram ? (['telegram'] as const) : []),
      ...(config.vk ? (['vk'] as const) : []),
      ...(config.webChat ? (['web'] as const) : []),
      ...(options.senders ?? []).map((sender) => sender.platform),
    ],
    ...(options.clock ? { clock: options.clock } : {}),
    processMetrics: options.processMetrics ?? false,
  });
  const buildSearch = createSearchBuilder(config.dataDir);
  const buildFlows = createFlowBuilder(config.dataDir);
  const knowledge = createKnowledgeService({
    dataDir: config.dataDir,
    logger,
    build: (kb) => ({ ...buildSearch(kb), ...buildFlows(kb) }),
  });
  let delivery: DeliveryWorker | undefined;
  let consoleFeature: ConsoleFeature | undefined;
  const queue = createQueueService(store, {
    hours: config.queue.hours,
    defaultPlaceMs: config.queue.defaultWaitMinutes * 60_000,
    unattendedMs: config.queue.unattendedMinutes * 60_000,
    autoAssign: config.queue.autoAssign,
    maxPerConsultant: config.queue.maxPerConsultant,
  });
  const runner = createDialogRunner({
    store,
    translator,
    logger,
    knowledge: () => knowledge.current(),
    ...(options.clock ? { clock: options.clock } : {}),
    onReplies: () => delivery?.notify(),
    retentionDays: config.operations.retentionDays,
    queueInfo: (citizenId, now) => queue.citizenInfo(citizenId, now),
    flood: createFloodLimiter({ perMinute: config.operations.floodMessagesPerMinute }),
    onProcessed: (info) => {
      metrics.processed({
        platform: info.event.platform,
        kind: info.event.kind,
        outcome: info.outcome,
        failed: info.failed,
        ms: info.ms,
        receivedAt: info.event.receivedAt,
        replies: info.replies ?? [],
      });
      if (info.floodLimited) metrics.floodLimited(info.event.platform);
      consoleFeature?.service.onCitizenEvent(info.citizenId, { queueChanged: info.queueChanged ?? true });
      if (info.complaintsChanged) consoleFeature?.service.onComplaintsChanged();
    },
  });
  /** What the messengers and the web chat hand their events to: the runner, counted. */
  /** Stores events through the runner, counting each as accepted, duplicate or failed. */
  async function acceptCounted(events: readonly IncomingEvent[]): Promise<AcceptStatus[]> {
    try {
      const statuses = await runner.acceptMany(events);
      events.forEach((event, i) => {
        metrics.inbound(event.platform, statuses[i]!);
      });
      return statuses;
    } catch (error) {
      for (const event of events) metrics.inbound(event.platform, 'failed');
      throw error;
    }
  }
  const inbound: InboundSink = {
    accept: async (event) => (await acceptCounted([event]))[0]!,
    acceptMany: acceptCounted,
  };
  const server = createServer({ logger, trustProxy: config.operations.trustProxy });
  const deps = { inbound, logger, translator };
  const channels = channelMakers.map((make) => make(deps));
  const webSender = createWebSender();
  const senders: PlatformSender[] = [
    ...channels.map((c) => c.sender),
    ...(config.webChat ? [webSender] : []),
    ...(options.senders ?? []),
  ];
  delivery = createDeliveryWorker({
    store,
    senders,
    logger: logger.child({ component: 'delivery' }),
    ...(options.clock ? { clock: options.clock } : {}),
    onDelivered: (item) => metrics.delivered(item, (options.clock ?? Date.now)()),
    onFailure: (item, failure) => metrics.deliveryFailed(item, failure),
    ...options.delivery,
  });
  const worker = delivery;
  const complaints = createComplaintService({
    store,
    translator,
    ...(options.clock ? { clock: options.clock } : {}),
    onQueued: () => worker.notify(),
  });
  // The console needs the HTTP server (the terminal chat runs without one).
  if (config.console.enabled && options.http !== false) {
    consoleFeature = createConsole({
      config: config.console,
      dataDir: config.dataDir,
      store,
      sqlite: store.sqlite,
      runner,
      queue,
      knowledge: () => knowledge.current(),
      translator,
      complaints,
      logger,
      ...(options.clock ? { clock: options.clock } : {}),
      notifyDelivery: () => worker.notify(),
      onTicketTaken: (waitedMs) => metrics.ticketTaken(waitedMs),
      ...options.console,
    });
    consoleFeature.register(server);
  }
  if (config.webChat) registerWebChat(server, { inbound, store, sender: webSender, translator });
  registerHealthRoutes(server, { store, knowledge, channels });
  registerMetricsRoute(server, { metrics, token: config.operations.metricsToken });
  const retention = createRetentionJob({
    sqlite: store.sqlite,
    retentionDays: config.operations.retentionDays,
    logger: logger.child({ component: 'retention' }),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const webSessions = config.webChat
    ? createWebSessionExpiry({
        sqlite: store.sqlite,
        inbound,
        logger: logger.child({ component: 'web-sessions' }),
        ...(options.clock ? { clock: options.clock } : {}),
      })
    : undefined;
  for (const channel of channels) channel.registerRoutes?.(server);

  let stopping: Promise<void> | undefined;
  return {
    config,
    logger,
    server,
    store,
    runner,
    delivery: worker,
    knowledge,
    channels,
    translator,
    complaints,
    queue,
    console: consoleFeature,
    metrics,
    retention,
    webSessions,
    async start() {
      let address = '';
      if (options.http !== false) address = await server.listen({ port: config.port, host: config.host });
      if (options.watchKnowledge !== false) knowledge.watch();
      worker.start();
      retention.start();
      webSessions?.start();
      const resumed = await runner.resumePending();
      if (resumed > 0) logger.info({ resumed }, 'resumed events stored before the last stop');
      for (const channel of channels) await channel.start();
      await consoleFeature?.start();
      return address;
    },
    stop(stopOptions = {}) {
      /** Waits for one step of the shutdown, telling the operator which one holds it up past a few seconds. */
      const step = async <T>(name: string, task: Promise<T>): Promise<T> => {
        const slow = setTimeout(() => logger.warn({ step: name }, 'shutdown: still waiting'), SLOW_STEP_MS);
        slow.unref();
        try {
          return await task;
        } finally {
          clearTimeout(slow);
        }
      };
      stopping ??= (async () => {
        for (const channel of channels) {
          await step(
            `${channel.platform} channel`,
            channel
              .stop()
              .catch((err: unknown) =>
                logger.error({ err, platform: channel.platform }, 'channel stop failed'),
              ),
          );
        }
        consoleFeature?.stop();
        webSessions?.stop();
        await step(
          'HTTP server',
          closeServer(server).catch(() => undefined),
        );
        const deadline = Date.now() + (stopOptions.timeoutMs ?? Number.POSITIVE_INFINITY);
        const processed = await step(
          'processing',
          stopOptions.timeoutMs === undefined
            ? runner.idle().then(() => true)
            : Promise.race([
                runner.idle().then(() => true),
                new Promise<false>((resolve) => setTimeout(resolve, stopOptions.timeoutMs, false).unref()),
              ]),
        );
        if (!processed) {
          runner.pause();
          await runner.settled();
          logger.warn(
            { pending: runner.backlog },
            'shutdown deadline: events left stored, unprocessed; they are processed after the next start',
          );
        }
        const flushed = await worker.flush(
          Math.max(0, Math.min(stopOptions.flushTimeoutMs ?? 5000, deadline - Date.now())),
        );
        if (!flushed)
          logger.warn(
            { pending: store.outbox.pendingCount() },
            'outbox not empty at shutdown; it is delivered after the next start',
          );
        await step('deliveries in flight', worker.stop());
        knowledge.stop();
        retention.stop();
        store.close();
      })();
      return stopping;
    },
  };
}
