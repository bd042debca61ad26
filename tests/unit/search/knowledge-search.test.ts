import { describe, expect, it } from 'vitest';
import { fixtureSearch } from './fixtures/fixture-search.js';

const search = fixtureSearch();
const top = (q: string) => search.search(q).hits[0]?.entryId;

describe('knowledge search on a small knowledge base', () => {
  it('answers a plain question with the right entry', () => {
    const outcome = search.search('единое пособие на детей кому положено');
    expect(outcome.band).toBe('answer');
    expect(outcome.hits[0]?.entryId).toBe('ep-children');
    expect(outcome.confidence).toBeGreaterThan(0.5);
  });

  it('understands abbreviations and slang from the synonym dictionary', () => {
    expect(top('ЕП на второго ребенка')).toBe('ep-children');
    expect(top('субсидия на коммуналку')).toBe('utility-subsidy');
    expect(top('едв инвалидам')).toBe('edv');
    expect(search.search('маткап на ипотеку').band).toBe('answer');
    expect(top('маткап на ипотеку')).toBe('matcap-spending');
  });

  it('finds the child-benefit entry when typed in the wrong keyboard layout', () => {
    const outcome = search.search('gjcj,bt yf ht,tyrf');
    expect(outcome.band).toBe('answer');
    expect(outcome.hits[0]?.entryId).toBe('ep-children');
  });

  it('reads transliterated questions', () => {
    expect(search.search('posobie po bezrabotice')).toMatchObject({
      band: 'answer',
      hits: [{ entryId: 'unemployment' }],
    });
  });

  it('forgives typos', () => {
    expect(top('субсидя на комуналку')).toBe('utility-subsidy');
    expect(top('сколько нужно стажа для пенсии по старасти')).toBe('old-age-pension');
  });

  it('says a weather question is out of scope', () => {
    expect(search.search('погода в волгограде')).toMatchObject({ band: 'out_of_scope', intent: 'off_topic' });
  });

  it('does not give a confident answer to a vague welfare question', () => {
    for (const q of ['помогите с выплатой', 'пособие', 'пенсия']) {
      const outcome = search.search(q);
      expect(outcome.band, q).not.toBe('answer');
    }
  });

  it('offers choices of different topics for one welfare word, instead of "not sure"', () => {
    const outcome = search.search('пособие');
    expect(outcome.band).toBe('clarify');
    expect(new Set(outcome.hits.map((h) => h.topic)).size).toBeGreaterThan(1);
    // With more words and still no clear match, a person looks at it.
    expect(search.search('помогите разобраться с выплатой от соседки').band).toBe('handoff');
  });

  it('says nothing fits when a message has no welfare signal at all', () => {
    expect(search.search('hello').band).toBe('out_of_scope');
    expect(search.search('ыыыы').band).toBe('out_of_scope');
  });

  it('asks which one is meant when two entries fit equally, offering distinct topics', () => {
    const outcome = search.search('соцзащита адрес и телефон');
    expect(outcome.band).toBe('clarify');
    expect(outcome.hits.map((h) => h.topic).sort()).toEqual([
      'perm-social-agencies',
      'volgograd-social-agencies',
    ]);
    expect(new Set(outcome.hits.map((h) => h.entryId)).size).toBe(outcome.hits.length);
  });

  it('uses the region named in the message, including towns', () => {
    expect(search.search('где соцзащита в березниках')).toMatchObject({
      band: 'answer',
      hits: [{ topic: 'perm-social-agencies' }],
    });
    expect(search.search('где соцзащита в камышине')).toMatchObject({
      band: 'answer',
      hits: [{ topic: 'volgograd-social-agencies' }],
    });
  });

  it('leaves where an office is, with no region named or known, to the agency finder', () => {
    expect(search.search('где соцзащита')).toMatchObject({
      band: 'out_of_scope',
      intent: 'find_office',
      hits: [],
    });
  });

  it('uses the region of the conversation', () => {
    expect(search.search('где соцзащита', { region: 'perm' }).hits[0]?.topic).toBe('perm-social-agencies');
    expect(search.search('где соцзащита', { region: 'volgograd' }).hits[0]?.topic).toBe(
      'volgograd-social-agencies',
    );
  });

  it('hands a crisis to a person with the crisis entry first', () => {
    const outcome = search.search('муж бьет меня и детей, идти некуда');
    expect(outcome).toMatchObject({ band: 'handoff', intent: 'crisis', hits: [{ entryId: 'crisis-help' }] });
  });

  it('takes an eviction happening now as a crisis', () => {
    expect(search.search('меня выселяют из квартиры')).toMatchObject({ band: 'handoff', intent: 'crisis' });
    expect(search.search('нас выселили за долги')).toMatchObject({ intent: 'crisis' });
  });

  it('reads a plea with no word to search by as vague, not as an off-topic question', () => {
    expect(search.search('помогите пожалуйста очень нужно')).toMatchObject({ intent: 'vague', hits: [] });
    expect(search.search('погода на выходных')).toMatchObject({ intent: 'off_topic' });
    expect(search.search('пенсия').intent).toBeUndefined();
  });

  it('hands an explicit request for a person to a person', () => {
    expect(search.search('оператора позовите')).toMatchObject({ band: 'handoff', intent: 'human' });
    expect(search.search('cjtlbybnt c xtkjdtrjv')).toMatchObject({ band: 'handoff', intent: 'human' });
  });

  it('hands a personal case to a person without searching', () => {
    expect(search.search('проверьте мое заявление номер 4587123')).toMatchObject({
      band: 'handoff',
      intent: 'personal_case',
      hits: [],
    });
  });

  it('follows the labelling rule for appeals: an appeal against a refusal is about appealing', () => {
    expect(search.search('пфр отказал в пособии по безработице, как обжаловать').hits[0]?.topic).toBe(
      'appeal-refusal',
    );
  });

  it('reports confidence between 0 and 1, higher for clearer questions', () => {
    const clear = search.search('субсидия на оплату жилья и коммунальных услуг кому положена').confidence;
    const vague = search.search('помогите с выплатой').confidence;
    expect(clear).toBeGreaterThan(vague);
    expect(clear).toBeLessThanOrEqual(1);
    expect(vague).toBeGreaterThanOrEqual(0);
  });

  it('reads its thresholds from configuration', () => {
    const strict = fixtureSearch({ bands: { answer: 0.99, maxRunnerUpRatio: 0.01 } });
    expect(strict.search('маткап на ипотеку').band).not.toBe('answer');
    expect(strict.config.bands.answer).toBe(0.99);
  });
});
