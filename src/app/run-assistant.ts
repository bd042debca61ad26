/**
 * What `npm start` and the image run, after src/main.ts: read the config, start the assistant, print what is on, and
 * shut down gracefully on SIGINT/SIGTERM (stop taking updates, finish in-flight work, flush the outbox, close the
 * database).
 */

import { ConfigError, loadConfig } from '../config/config.js';
import { DatabaseOpenError } from '../storage/database-busy.js';
import { createApp } from './create-app.js';
import { describeStartup } from './describe-startup.js';
import { createLogger } from './logger.js';
import { collectStartupGarbage } from './startup-gc.js';

/** Why the server could not listen, worded like a configuration problem; undefined for any other failure. */
function listenProblem(error: unknown, host: string, port: number): string | undefined {
  const { code, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  const where = `Cannot listen on ${host}:${port}`;
  if (syscall !== 'listen' && syscall !== 'getaddrinfo') return undefined;
  switch (code) {
    case 'EADDRINUSE':
      return `${where}: another process uses that port. Set PORT to a free one, or stop the other process.`;
    case 'EACCES':
      return `${where}: permission denied (ports below 1024 need privileges). Set PORT to 1024 or more.`;
    case 'EADDRNOTAVAIL':
      return `${where}: this machine has no such address. Set HOST to one of its addresses, or 0.0.0.0 for all.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `${where}: HOST is not a name this machine can resolve. Set HOST to an address, or 0.0.0.0 for all.`;
    default:
      return undefined;
  }
}

export interface RunOptions {
  /** Called just before the shutdown handlers are installed: src/main.ts removes its stop-while-loading ones. */
  takeOverSignals?: () => void;
}

/** Reads the config, starts the assistant, prints what is on, and stops gracefully on SIGINT/SIGTERM. */
export async function runAssistant(options: RunOptions = {}): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every variable.\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);

  // The signal handlers come before anything starts: /healthz and the web chat answer before the messengers, the
  // console and the resumed backlog are up, and a SIGTERM then (a rollout cancelled) killed the process instead of
  // stopping it (as PID 1 in a container a signal without a handler is ignored until docker's SIGKILL).
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  let starting: Promise<unknown> | undefined;
  let signals = 0;
  const shutdown = (signal: string) => {
    signals += 1;
    if (signals > 1) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    logger.info({ signal }, 'shutting down');
    if (!app) {
      // Still loading the knowledge base and opening the database: nothing was taken in yet.
      logger.info({ signal }, 'stopped before the start');
      process.exit(0);
    }
    const running = app;
    const timeoutMs = config.operations.shutdownTimeoutMs;
    const signalledAt = Date.now();
    // Processing and deliveries stop at about three quarters of the time; this is the last resort (a database held
    // by another process, a hung close). What is stored stays stored: it is processed after the next start.
    setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown did not finish in time; exiting');
      process.exit(1);
    }, timeoutMs).unref();
    // A start in progress is let finish (bounded by the timer above): stopping half-started channels is not safe.
    (starting ?? Promise.resolve())
      .catch(() => undefined)
      .then(() =>
        running.stop({
          timeoutMs: Math.round(timeoutMs * 0.5),
          flushTimeoutMs: Math.round(timeoutMs * 0.25),
        }),
      )
      .then(
        () => {
          logger.info({ ms: Date.now() - signalledAt }, 'stopped');
          process.exit(0);
        },
        (err: unknown) => {
          logger.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  // Only now: with no listener at all for a moment, Node stops watching the signal, and one that came while the
  // modules loaded (the event loop blocked on the module hooks, Node 26) was lost and the process ran on.
  options.takeOverSignals?.();

  try {
    app = await createApp(config, { logger, processMetrics: true });
  } catch (error) {
    if (error instanceof DatabaseOpenError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  collectStartupGarbage();
  const start = app.start();
  starting = start;
  let address: string;
  try {
    address = await start;
  } catch (error) {
    const problem = listenProblem(error, config.host, config.port);
    if (!problem) throw error;
    process.stderr.write(`${problem}\n`);
    process.exit(2);
  }
  if (signals > 0) return;
  // The same, as a log line: log pipelines parse stdout as JSON and skip the plain-text summary below it.
  logger.info(
    {
      address,
      webChat: config.webChat,
      telegram: config.telegram?.mode ?? 'off',
      vk: config.vk?.mode ?? 'off',
      console: config.console.enabled,
      database: config.databasePath,
    },
    'started',
  );
  process.stdout.write(`${describeStartup(config, address, { demo: app.console?.demo })}\n`);
}
