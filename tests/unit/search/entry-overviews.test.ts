import { describe, expect, it } from 'vitest';
import { createEntryOverviews } from '../../../src/search/entry-overviews.js';
import { normalizeWords } from '../../../src/search/russian-normalizer.js';
import { projectResources } from './fixtures/fixture-search.js';

describe('entry overviews (a broad question of what one is entitled to)', () => {
  const entries = [
    { id: 'pensioners', overviewFor: 'пенсионер*|на пенсии|=70/=75 лет' },
    { id: 'disabled', overviewFor: 'инвалид*|инвалидност*' },
    { id: 'disabled-child', overviewFor: 'ребен*/сын*/доч* ... инвалид*/инвалидност*/аутизм*' },
    { id: 'labour-veterans', overviewFor: 'ветеран* труда' },
    { id: 'plain-entry' },
  ];
  const overviews = createEntryOverviews(entries, projectResources().topicHints.entitlement);
  const boosted = (text: string) => [...overviews.asked(normalizeWords(text)).boosts.keys()].sort();

  it('prefers the overview of the group a broad question names', () => {
    expect(boosted('мне 70 лет, какие льготы')).toEqual(['pensioners']);
    expect(boosted('я инвалид, на что я теперь могу рассчитывать')).toEqual(['disabled']);
  });

  it('leaves a question that asks for no overview alone, though it names a group', () => {
    expect(boosted('пенсионер, как оформить субсидию на жку')).toEqual([]);
    expect(boosted('какие льготы есть вообще')).toEqual([]);
  });

  it('leaves a broad question that names a measure of its own to that measure', () => {
    expect(boosted('пенсионер какие льготы на капремонт')).toEqual([]);
    expect(boosted('инвалид, какие льготы на коммуналку')).toEqual([]);
  });

  it('takes the group named in the most words: a disabled child, not any person with a disability', () => {
    expect(boosted('у дочки аутизм, дали инвалидность, что нам положено')).toEqual(['disabled-child']);
    expect(boosted('ветеран труда, пенсионер, какие льготы')).toEqual(['labour-veterans']);
  });

  it('measures a group by its best alternative: two ways of naming a pensioner are not a more specific group', () => {
    expect(boosted('ветеран труда, 75 лет, на пенсии, что мне положено')).toEqual([
      'labour-veterans',
      'pensioners',
    ]);
  });

  it('reads a message that only says who someone is as the broad question (the group’s words and who, nothing else)', () => {
    expect(boosted('мама 70 лет')).toEqual(['pensioners']);
    expect(boosted('я инвалид')).toEqual(['disabled']);
    expect(overviews.asked(normalizeWords('мне 75 лет')).describedOnly).toBe(true);
    // With the broad question and nothing else, the description is still all it says («мама 1940 года рождения что
    // положено» got the birth lump sum); a word of its own, or no word of who, is the broad question alone.
    expect(overviews.asked(normalizeWords('мне 75 лет какие льготы')).describedOnly).toBe(true);
    expect(
      overviews.asked(normalizeWords('мне 75 лет какие льготы в поликлинике')).describedOnly,
    ).toBeUndefined();
    expect(overviews.asked(normalizeWords('пенсионер какие льготы')).describedOnly).toBeUndefined();
    // Another word asks something of its own; no word of who is no description («на пенсии» alone).
    expect(boosted('мама 70 лет когда индексация')).toEqual([]);
    expect(boosted('на пенсии')).toEqual([]);
  });

  it('finds the words describing someone: who, and a birth year', () => {
    const words = normalizeWords('когда мама 1965 года рождения пойдет на пенсию');
    expect([...overviews.describing(words)].sort().map((i) => words[i])).toEqual([
      'мама',
      '1965',
      'года',
      'рождения',
    ]);
    // A year alone is no birth year («пособие с 2024 года»).
    expect(overviews.describing(normalizeWords('пособие с 2024 года')).size).toBe(0);
    expect(overviews.describing(normalizeWords('я 1968 г.р.')).size).toBe(4);
  });

  it('counts a birth year as one word: a disability named beside it is the group asked about', () => {
    const withYears = createEntryOverviews(
      [
        { id: 'pensioners', overviewFor: '=1940/=1950 года/г рождения/р' },
        { id: 'disabled', overviewFor: 'инвалид*|1/2/3 группы' },
      ],
      projectResources().topicHints.entitlement,
    );
    const asked = (text: string) => withYears.asked(normalizeWords(text));
    // «1940 года рождения» was three words against the two of «2 группы», and the pensioners' overview won.
    expect([...asked('мама 1940 года рождения инвалид 2 группы что положено').boosts.keys()]).toEqual([
      'disabled',
    ]);
    expect(asked('папа 1950 г.р. инвалид 1 группы что ему положено').describedOnly).toBe(true);
    // A birth year alone still names the pensioners.
    expect([...asked('мама 1940 года рождения что положено').boosts.keys()]).toEqual(['pensioners']);
  });

  it('reads a bare word asking what is due as the broad question beside a description only', () => {
    const asked = (text: string) => overviews.asked(normalizeWords(text));
    expect(asked('мама 70 лет льготы').describedOnly).toBe(true);
    expect([...asked('мама 70 лет выплаты').boosts.keys()]).toEqual(['pensioners']);
    // Without a word of who, or with a word of its own, it may name a measure.
    expect(asked('льготы пенсионерам').boosts.size).toBe(0);
    expect(asked('мама 70 лет выплаты на капремонт').boosts.size).toBe(0);
  });

  it('does nothing without the cue in the data', () => {
    const without = createEntryOverviews(entries, undefined);
    expect(without.asked(normalizeWords('мне 70 лет, какие льготы')).boosts.size).toBe(0);
  });
});
