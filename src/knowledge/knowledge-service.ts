/**
 * Holds the current knowledge base and everything built from it (the search index), and rebuilds them when
 * files under `data/` change or on SIGHUP, without a restart. A reload that finds errors keeps the running index and
 * logs why, so a curator's typo never takes the assistant down.
 */
import { type FSWatcher, watch } from 'node:fs';
import type { Logger } from 'pino';
import { type KnowledgeBase, loadKnowledgeBase } from './knowledge-base.js';
import { formatProblem } from './problems.js';

export interface KnowledgeService<T> {
  /** The current knowledge base and what was built from it. */
  current(): { kb: KnowledgeBase } & T;
  /** Reloads now; resolves to true if the new data was taken. */
  reload(reason: string): boolean;
  /** Starts watching `data/` (and SIGHUP); stop() ends it. */
  watch(): void;
  stop(): void;
}

export interface KnowledgeServiceOptions<T> {
  dataDir: string;
  logger: Logger;
  /** Builds what depends on the knowledge base (search index, ...). May throw: the reload is then refused. */
  build(kb: KnowledgeBase): T;
  /** Changes within this window are taken together (editors write files in several steps). */
  debounceMs?: number;
  onReload?(ok: boolean): void;
}

/** Loads the data once; throws if it cannot be used at all (start-up must fail loudly then). */
export function createKnowledgeService<T>(options: KnowledgeServiceOptions<T>): KnowledgeService<T> {
  const { dataDir, logger } = options;
  const first = loadKnowledgeBase(dataDir);
  for (const p of first.problems) {
    if (p.severity === 'error') logger.error({ problem: formatProblem(p) }, 'knowledge base entry left out');
  }
  if (first.kb.entries.length === 0) throw new Error(`no usable knowledge-base entries under ${dataDir}/faq`);
  let current = { kb: first.kb, ...options.build(first.kb) };
  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  const onHup = () => service.reload('SIGHUP');

  const service: KnowledgeService<T> = {
    current: () => current,
    reload(reason) {
      const started = Date.now();
      try {
        const loaded = loadKnowledgeBase(dataDir);
        const errors = loaded.problems.filter((p) => p.severity === 'error');
        if (errors.length > 0) {
          logger.error(
            { reason, errors: errors.slice(0, 20).map(formatProblem), count: errors.length },
            'knowledge base reload refused: fix these errors (npm run kb:check); the previous version keeps running',
          );
          options.onReload?.(false);
          return false;
        }
        current = { kb: loaded.kb, ...options.build(loaded.kb) };
        logger.info(
          { reason, entries: loaded.kb.entries.length, ms: Date.now() - started },
          'knowledge base reloaded',
        );
        options.onReload?.(true);
        return true;
      } catch (error) {
        logger.error(
          { reason, err: error },
          'knowledge base reload failed; the previous version keeps running',
        );
        options.onReload?.(false);
        return false;
      }
    },
    watch() {
      if (watcher) return;
      try {
        watcher = watch(dataDir, { recursive: true }, () => {
          if (timer) clearTimeout(timer);
          timer = setTimeout(() => service.reload('files changed'), options.debounceMs ?? 300);
          timer.unref();
        });
        watcher.unref();
      } catch (error) {
        logger.warn({ err: error }, 'cannot watch the data folder; reload with SIGHUP');
      }
      process.on('SIGHUP', onHup);
    },
    stop() {
      watcher?.close();
      watcher = undefined;
      if (timer) clearTimeout(timer);
      process.off('SIGHUP', onHup);
    },
  };
  return service;
}
