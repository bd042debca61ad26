/**
 * The console's part of the composition: its store on the app's SQLite connection, the console service, canned
 * answers and the fastify plugin. `create-app.ts` calls this once; `start` runs the queue timer and, in local mode,
 * creates the demo consultant (out of it, disables one an earlier start made).
 */
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { DialogRunner } from '../app/dialog-runner.js';
import type { ConsoleConfig } from '../config/config.js';
import type { QueueService } from '../handoff/queue-service.js';
import type { Translator } from '../i18n/translator.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { KnowledgeSearch } from '../search/search-types.js';
import type { ComplaintService } from '../services/complaints/complaint-service.js';
import { createSqliteConsoleStore } from '../storage/sqlite-console-store.js';
import type { Store } from '../storage/store.js';
import type { PasswordCost } from './auth/passwords.js';
import { createCannedAnswers } from './canned-answers.js';
import { registerConsole } from './console-plugin.js';
import { type ConsoleService, createConsoleService, DEMO_LOGIN } from './console-service.js';

export interface ConsoleFeature {
  readonly service: ConsoleService;
  /** The demo consultant created at start in local mode (login and the fresh password). */
  readonly demo: { login: string; password: string } | undefined;
  register(server: FastifyInstance): void;
  start(): Promise<void>;
  stop(): void;
}

export interface ConsoleFeatureDeps {
  config: ConsoleConfig;
  dataDir: string;
  store: Store;
  sqlite: Database.Database;
  runner: DialogRunner;
  queue: QueueService;
  knowledge: () => { kb: KnowledgeBase; search: KnowledgeSearch };
  translator: Translator;
  /** Citizens' complaints, shown to supervisors. */
  complaints: ComplaintService;
  logger: Logger;
  clock?: () => number;
  notifyDelivery: () => void;
  passwordCost?: PasswordCost;
  tickMs?: number;
  /** A waiting ticket was taken, after waiting this long (see ConsoleServiceDeps). */
  onTicketTaken?: (waitedMs: number) => void;
}

export function createConsole(deps: ConsoleFeatureDeps): ConsoleFeature {
  const logger = deps.logger.child({ component: 'console' });
  const service = createConsoleService({
    store: deps.store,
    consoleStore: createSqliteConsoleStore(deps.sqlite),
    runner: deps.runner,
    queue: deps.queue,
    knowledge: deps.knowledge,
    translator: deps.translator,
    logger,
    ...(deps.clock ? { clock: deps.clock } : {}),
    notifyDelivery: deps.notifyDelivery,
    sessionHours: deps.config.sessionHours,
    ...(deps.passwordCost ? { passwordCost: deps.passwordCost } : {}),
    ...(deps.tickMs ? { tickMs: deps.tickMs } : {}),
    ...(deps.onTicketTaken ? { onTicketTaken: deps.onTicketTaken } : {}),
  });
  const canned = createCannedAnswers(join(deps.dataDir, 'console', 'canned-answers.yaml'), logger);
  let demo: { login: string; password: string } | undefined;
  return {
    service,
    get demo() {
      return demo;
    },
    register(server) {
      registerConsole(server, {
        service,
        translator: deps.translator,
        config: deps.config,
        canned,
        knowledge: deps.knowledge,
        complaints: deps.complaints,
        logger,
      });
    },
    async start() {
      if (deps.config.demoAccount) demo = await service.ensureDemoAccount();
      // Local mode is over (messenger tokens set, or production): the demo consultant reads transcripts, and its last
      // password is in an old start's output.
      else if (service.disableDemoAccount())
        logger.warn(
          { login: DEMO_LOGIN },
          'demo consultant disabled: it is made only in local mode (CONSOLE_DEMO_ACCOUNT)',
        );
      service.start();
    },
    stop() {
      service.stop();
    },
  };
}
