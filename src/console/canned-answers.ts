/**
 * Canned answers for consultants, curated in `data/console/canned-answers.yaml`. Re-read when the file changes, so
 * curators edit them without a restart; a broken file keeps the last good list (and logs why).
 */
import { readFileSync, statSync } from 'node:fs';
import type { Logger } from 'pino';
import { parse } from 'yaml';
import { z } from 'zod';

export interface CannedAnswer {
  id: string;
  group: string;
  title: string;
  text: string;
}

const schema = z.array(
  z.object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'id: lower-case latin letters, digits and dashes'),
    group: z.string().min(1).max(60),
    title: z.string().min(1).max(80),
    text: z.string().min(1).max(4000),
  }),
);

export interface CannedAnswers {
  list(): CannedAnswer[];
}

export function createCannedAnswers(file: string, logger: Logger): CannedAnswers {
  let cache: { mtimeMs: number; answers: CannedAnswer[] } | undefined;
  return {
    list() {
      let mtimeMs: number;
      try {
        mtimeMs = statSync(file).mtimeMs;
      } catch {
        return cache?.answers ?? [];
      }
      if (cache?.mtimeMs === mtimeMs) return cache.answers;
      try {
        const answers = schema.parse(parse(readFileSync(file, 'utf8')) ?? []);
        cache = { mtimeMs, answers };
      } catch (error) {
        logger.warn({ err: error, file }, 'canned answers are not valid; keeping the previous list');
        cache = { mtimeMs, answers: cache?.answers ?? [] };
      }
      return cache.answers;
    },
  };
}
