import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createKnowledgeService, type KnowledgeService } from '../../../src/knowledge/knowledge-service.js';

const logger = pino({ level: 'silent' });
let dir = '';
let service: KnowledgeService<{ builtFrom: number }> | undefined;

function setup() {
  dir = mkdtempSync(join(tmpdir(), 'kb-reload-'));
  cpSync('tests/unit/knowledge/fixtures/valid', dir, { recursive: true });
  const outcomes: boolean[] = [];
  service = createKnowledgeService({
    dataDir: dir,
    logger,
    debounceMs: 50,
    build: (kb) => ({ builtFrom: kb.entries.length }),
    onReload: (ok) => outcomes.push(ok),
  });
  return { service, outcomes, entryFile: join(dir, 'faq/family-children/ep-test.md') };
}

async function waitFor(check: () => boolean, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

afterEach(() => {
  service?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('knowledge hot reload', () => {
  it('a changed file is picked up without a restart, and what depends on it is rebuilt', async () => {
    const { service, outcomes, entryFile } = setup();
    service.watch();
    expect(service.current().kb.entry('ep-test')?.title).toBe('Единое пособие');
    writeFileSync(
      entryFile,
      readFileSync(entryFile, 'utf8').replace('title: Единое пособие', 'title: Единое пособие (обновлено)'),
    );
    await waitFor(() => outcomes.includes(true));
    expect(service.current().kb.entry('ep-test')?.title).toBe('Единое пособие (обновлено)');
    expect(service.current().builtFrom).toBe(2);
  });

  it('a broken file keeps the old index running', async () => {
    const { service, outcomes, entryFile } = setup();
    service.watch();
    writeFileSync(
      entryFile,
      readFileSync(entryFile, 'utf8').replace('topic: unified-child-benefit', 'topic: no-such-topic'),
    );
    await waitFor(() => outcomes.length > 0);
    expect(outcomes).toEqual([false]);
    expect(service.current().kb.entry('ep-test')?.topic).toBe('unified-child-benefit');
  });

  it('SIGHUP reloads', async () => {
    const { service, outcomes } = setup();
    service.watch();
    process.emit('SIGHUP', 'SIGHUP');
    expect(outcomes).toEqual([true]);
  });

  it('refuses to start with no usable entry', () => {
    dir = mkdtempSync(join(tmpdir(), 'kb-empty-'));
    cpSync('tests/unit/knowledge/fixtures/valid/topics.yaml', join(dir, 'topics.yaml'));
    cpSync('tests/unit/knowledge/fixtures/valid/figures.yaml', join(dir, 'figures.yaml'));
    expect(() => createKnowledgeService({ dataDir: dir, logger, build: () => ({ builtFrom: 0 }) })).toThrow(
      /no usable knowledge-base entries/,
    );
  });
});
