/**
 * A message with several questions: each searched alone (the whole may miss one, or answer only one), the first
 * answered, the others one tap away. A relative's letter about her mother (a carer at home? a discount on the ЖКУ?) got three
 * choices, none of them the discount (a citizen audit).
 */
import { describe, expect, it } from 'vitest';
import { questionSentences } from '../../../src/dialogs/several-questions.js';
import type { SearchOutcome } from '../../../src/search/search-types.js';
import {
  buttonLabels,
  DialogHarness,
  findPayload,
  outcomeOf,
  replies,
  replyText,
} from '../../support/dialog-harness.js';

const LETTER =
  'Пишу за маму, ей 83 года, инвалид 2 группы. Может ли ей кто-то помогать по дому, куда обращаться? ' +
  'И еще положены ли ей скидки на коммунальные услуги как инвалиду? Заранее спасибо.';

const answer = (entryId: string, topic: string): SearchOutcome => ({
  band: 'answer',
  hits: [{ entryId, topic, score: 50 }],
  confidence: 0.9,
});

/** The whole letter gets choices; each question alone gets its answer, unless `unclear` matches it. */
function harness(unclear?: RegExp): DialogHarness {
  const h = new DialogHarness();
  h.send({ kind: 'start' });
  h.search.search = (query) => {
    h.search.queries.push(query);
    if (query === LETTER || unclear?.test(query))
      return {
        band: 'clarify',
        hits: [
          { entryId: 'low-income-status', topic: 'low-income-status', score: 20 },
          { entryId: 'home-social-worker', topic: 'home-social-services', score: 18 },
        ],
        confidence: 0.4,
      };
    if (/по дому/.test(query)) return answer('home-social-worker', 'home-social-services');
    if (/коммунальные/.test(query)) return answer('utility-compensation-disabled', 'utility-compensation');
    return { band: 'out_of_scope', hits: [], confidence: 0 };
  };
  return h;
}

describe('several questions in one message', () => {
  it('finds the sentences that ask, when there are two or more', () => {
    expect(questionSentences(LETTER)).toEqual([
      'Может ли ей кто-то помогать по дому, куда обращаться',
      'И еще положены ли ей скидки на коммунальные услуги как инвалиду',
    ]);
    expect(questionSentences('Сколько платят единое пособие на двоих детей?')).toEqual([]);
    expect(questionSentences('Как оформить пособие?? Да?')).toEqual([]);
  });

  it('answers the first question and offers the answer to the second, instead of choices that miss it', () => {
    const h = harness();
    const effects = h.text(LETTER);
    const text = replyText(effects);
    expect(text).toMatch(/^В сообщении несколько вопросов\. Отвечаю на первый/);
    expect(text).toMatch(/Социальный работник на дому/);
    expect(outcomeOf(effects)).toMatchObject({ outcome: 'answer', entryId: 'home-social-worker' });
    const second = buttonLabels(replies(effects)[0]).find((l) => l.startsWith('➡️ '));
    expect(second).toMatch(/ЖКУ инвалидам/);
    const opened = h.press(findPayload(effects, second!));
    expect(outcomeOf(opened)).toMatchObject({ outcome: 'answer', entryId: 'utility-compensation-disabled' });
  });

  it('answers each also when the whole letter is answered confidently by one of them (the other was dropped unsaid)', () => {
    const h = harness();
    const whole = h.search.search;
    h.search.search = (query, context) =>
      query === LETTER ? answer('home-social-worker', 'home-social-services') : whole(query, context);
    const effects = h.text(LETTER);
    expect(replyText(effects)).toMatch(/^В сообщении несколько вопросов\. Отвечаю на первый/);
    expect(buttonLabels(replies(effects)[0]).find((l) => l.startsWith('➡️ '))).toMatch(/ЖКУ инвалидам/);
  });

  it('still says first that a very long message was read from its beginning', () => {
    const h = harness();
    const long = `${LETTER} ${'Спасибо вам большое за помощь. '.repeat(40)}`;
    h.search.search = (
      (inner) => (query: string) =>
        inner(query === long.slice(0, 1000) ? LETTER : query)
    )(h.search.search.bind(h.search));
    const text = replyText(h.text(long));
    expect(text).toMatch(
      /^Сообщение очень длинное, я прочитал его начало\.\s+В сообщении несколько вопросов/,
    );
  });

  it('leaves the message to the ordinary choices when one of its questions is unclear alone', () => {
    const h = harness(/коммунальные/);
    const effects = h.text(LETTER);
    expect(outcomeOf(effects)?.outcome).toBe('clarify');
    expect(replyText(effects)).not.toMatch(/несколько вопросов/);
  });
});
