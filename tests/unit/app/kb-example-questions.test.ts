/**
 * Every entry's own example questions must still find it. Evidence is a sum of how rare the matched words are,
 * so an entry added for one subject shifts the ranking of others: removing one entry turned "как оформить
 * инвалидность" from an answer into a choice, and new entries took other entries' questions before. This test
 * names the question and where it went, so a curator sees what a change to data/ did.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSearchBuilder } from '../../../src/app/build-search.js';
import { loadKnowledgeBase } from '../../../src/knowledge/knowledge-base.js';
import type { SearchOutcome } from '../../../src/search/search-types.js';

const DATA_DIR = fileURLToPath(new URL('../../../data', import.meta.url));
const { kb } = loadKnowledgeBase(DATA_DIR);
const { search } = createSearchBuilder(DATA_DIR)(kb);

/**
 * Example questions answered by an entry of another topic, on purpose: the other entry is the better answer (its
 * subject is what is asked) and the example stays as wording its own entry should also know. Keep this short.
 */
const ANSWERED_ELSEWHERE: Record<string, string> = {
  'ребенку инвалиду санаторий с мамой оплачивают?': 'disabled-child-family-support',
  'справка о размере пенсии где получить': 'pension-amount-how-to-know',
  'скидка на коммуналку многодетной семье сколько процентов': 'utility-compensation-edk',
  'какая пенсия положена ребенку инвалиду': 'disabled-child-family-support',
  'не хватило баллов на страховую пенсию, что теперь': 'pension-work-record-points',
  'малоимущим бесплатный юрист положен?': 'free-legal-aid',
};

/** Where an example question went, when that is not to its entry, its topic, or choices that include it. */
function stray(entryId: string, topic: string, question: string, outcome: SearchOutcome): string | undefined {
  const [first] = outcome.hits;
  // A crisis or a request for a person is answered by the intent; its hit is the crisis or consultant entry.
  if (outcome.intent === 'crisis' || outcome.intent === 'human')
    return first?.topic === topic ? undefined : 'intent';
  if (outcome.intent) return `intent ${outcome.intent}`;
  if (outcome.band === 'answer' && first) {
    if (first.topic === topic) return undefined;
    return ANSWERED_ELSEWHERE[question] === first.entryId ? undefined : `answered by ${first.entryId}`;
  }
  if (outcome.band === 'clarify' && outcome.hits.some((h) => h.entryId === entryId)) return undefined;
  return `${outcome.band}${first ? ` (${outcome.hits.map((h) => h.entryId).join(', ')})` : ''}`;
}

describe("the knowledge base's example questions", () => {
  it('each finds its own entry: the answer, an entry of its topic, or among the choices', () => {
    const strays: string[] = [];
    let asked = 0;
    for (const entry of kb.entries) {
      // A regional entry's questions are asked as its region's citizens ask them.
      const region = entry.regions.find((r): r is 'perm' | 'volgograd' => r === 'perm' || r === 'volgograd');
      for (const question of entry.questions) {
        asked += 1;
        const where = stray(
          entry.id,
          entry.topic,
          question,
          search.search(question, region ? { region } : {}),
        );
        if (where) strays.push(`${entry.id}: "${question}" → ${where}`);
      }
    }
    expect(asked).toBeGreaterThan(900);
    expect(strays).toEqual([]);
  });

  it('the exceptions are still exceptions (an entry that wins its question back leaves the list)', () => {
    const owner = new Map(kb.entries.flatMap((e) => e.questions.map((q) => [q, e] as const)));
    for (const [question, answeredBy] of Object.entries(ANSWERED_ELSEWHERE)) {
      expect(owner.has(question), question).toBe(true);
      expect(search.search(question).hits[0]?.entryId, question).toBe(answeredBy);
    }
  });
});
