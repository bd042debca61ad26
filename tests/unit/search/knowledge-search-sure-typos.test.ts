/**
 * A typo that can only be one known word, searched on the real knowledge base: the question gets what it gets spelt
 * right, not «Я не уверен» for the lower weight a guessed word carries.
 */
import { describe, expect, it } from 'vitest';
import { search } from '../../support/project-search.js';

const reply = (q: string) => {
  const outcome = search.search(q);
  return { band: outcome.band, entries: outcome.hits.map((h) => h.entryId) };
};

describe('a typo that can only be one word', () => {
  it('«пенсия по старасти» gets the choices «пенсия по старости» gets, led by the insurance pension’s conditions', () => {
    const right = reply('пенсия по старости');
    expect(right.band).toBe('clarify');
    expect(reply('пенсия по старасти')).toEqual(right);
    expect(right.entries[0]).toBe('pension-work-record-points');
  });
});
