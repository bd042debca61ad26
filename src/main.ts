/**
 * The process entry point: read the config, start the assistant, print what is on, and shut down gracefully on
 * SIGINT/SIGTERM (stop taking updates, finish in-flight work, flush the outbox, close the database).
 */
import { createApp } from './app/create-app.js';
import { describeStartup } from './app/describe-startup.js';
import { createLogger } from './app/logger.js';
import { collectStartupGarbage } from './app/startup-gc.js';
import { ConfigError, loadConfig } from './config/config.js';
import { DatabaseOpenError } from './storage/database-busy.js';

async function main(): Promise<void> {
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
  let app: Awaited<ReturnType<typeof createApp>>;
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
  const address = await app.start();
  process.stdout.write(`${describeStartup(config, address, { demo: app.console?.demo })}\n`);

  let signals = 0;
  const shutdown = (signal: string) => {
    signals += 1;
    if (signals > 1) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    logger.info({ signal }, 'shutting down');
    const timeoutMs = config.operations.shutdownTimeoutMs;
    // Processing and deliveries stop at about three quarters of the time; this is the last resort (a database held
    // by another process, a hung close). What is stored stays stored: it is processed after the next start.
    setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown did not finish in time; exiting');
      process.exit(1);
    }, timeoutMs).unref();
    app.stop({ timeoutMs: Math.round(timeoutMs * 0.5), flushTimeoutMs: Math.round(timeoutMs * 0.25) }).then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`The assistant could not start: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
