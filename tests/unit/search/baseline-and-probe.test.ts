import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFirstReplyProbe, firstReplyOf } from '../../../src/app/first-reply-probe.js';
import { createBaselineSearch } from '../../../src/search/baseline-search.js';
import { FIXTURE_DATA_DIR, fixtureKb, PROJECT_DATA_DIR } from './fixtures/fixture-search.js';

describe('baseline search', () => {
  const baseline = createBaselineSearch(fixtureKb());

  it('answers with the top hit whenever anything matches', () => {
    expect(baseline.search('единое пособие на детей')).toMatchObject({
      band: 'answer',
      hits: [{ entryId: 'ep-children' }],
    });
  });

  it('has no Russian normalisation: another word form finds nothing', () => {
    expect(baseline.search('пособиями').band).toBe('out_of_scope');
  });

  it('has no intents: a weather question with a city name gets an answer', () => {
    expect(baseline.search('погода в Пермском крае').band).toBe('answer');
  });
});

describe('first reply', () => {
  it('maps search bands to first replies the way the dialog engine does', () => {
    expect(
      firstReplyOf({ band: 'answer', hits: [{ entryId: 'a', topic: 'A', score: 1 }], confidence: 1 }),
    ).toEqual({
      outcome: 'answer',
      topics: ['A'],
    });
    expect(
      firstReplyOf({
        band: 'clarify',
        hits: [
          { entryId: 'a', topic: 'A', score: 2 },
          { entryId: 'b', topic: 'B', score: 1 },
        ],
        confidence: 0.4,
      }),
    ).toEqual({ outcome: 'clarify', topics: ['A', 'B'] });
    expect(firstReplyOf({ band: 'handoff', intent: 'human', hits: [], confidence: 1 })).toEqual({
      outcome: 'handoff',
      topics: [],
    });
    expect(firstReplyOf({ band: 'out_of_scope', intent: 'off_topic', hits: [], confidence: 1 }).outcome).toBe(
      'refuse',
    );
  });

  it('answers a crisis with the emergency entry (the hand-off starts next to it)', () => {
    const reply = firstReplyOf({
      band: 'handoff',
      intent: 'crisis',
      hits: [{ entryId: 'crisis-help', topic: 'crisis-support', score: 0 }],
      confidence: 1,
    });
    expect(reply).toEqual({ outcome: 'answer', topics: ['crisis-support'] });
  });

  it('asks the full engine or the baseline over a data folder', async () => {
    // A data folder like the project's: the fixture knowledge base with the shipped search data.
    const dataDir = mkdtempSync(join(tmpdir(), 'probe-data-'));
    try {
      cpSync(FIXTURE_DATA_DIR, dataDir, { recursive: true });
      cpSync(join(PROJECT_DATA_DIR, 'search'), join(dataDir, 'search'), { recursive: true });
      const full = await createFirstReplyProbe({ dataDir, engine: 'full' });
      const baseline = await createFirstReplyProbe({ dataDir, engine: 'baseline' });
      expect(await full.ask('погода в Пермском крае')).toEqual({ outcome: 'refuse', topics: [] });
      expect(await full.ask('gjcj,bt yf ht,tyrf')).toEqual({
        outcome: 'answer',
        topics: ['unified-child-benefit'],
      });
      expect((await baseline.ask('погода в Пермском крае')).outcome).toBe('answer');
      await full.close();
      await baseline.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
