import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFirstReplyProbe, firstReplyOf } from '../../../src/app/first-reply-probe.js';
import type { Effect } from '../../../src/dialogs/effects.js';
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
  const outcome = (o: Omit<Extract<Effect, { type: 'outcome' }>, 'type'>): Effect => ({
    type: 'outcome',
    ...o,
  });

  it("reads the engine's recorded outcome: the answered topic, the offered topics, or none", () => {
    expect(firstReplyOf([outcome({ outcome: 'answer', entryId: 'a', topics: ['A'] })])).toEqual({
      outcome: 'answer',
      topics: ['A'],
    });
    expect(firstReplyOf([outcome({ outcome: 'clarify', topics: ['A', 'B'] })])).toEqual({
      outcome: 'clarify',
      topics: ['A', 'B'],
    });
    expect(firstReplyOf([outcome({ outcome: 'handoff', topics: ['crisis-support'] })])).toEqual({
      outcome: 'handoff',
      topics: [],
    });
    expect(firstReplyOf([outcome({ outcome: 'refuse' })]).outcome).toBe('refuse');
    expect(firstReplyOf([])).toEqual({ outcome: 'other', topics: [] });
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
      expect(await full.ask('позовите живого человека')).toEqual({ outcome: 'handoff', topics: [] });
      await full.close();
      await baseline.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
