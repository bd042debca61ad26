/**
 * «а до скольки лет платят» after a card asks what «а до какого возраста платят» asks: «скольки» read as «сколько»,
 * and about 40 cards opened their «Сколько платят» (helper T's note, audit 8's follow-ups).
 */
import { describe, expect, it } from 'vitest';
import { lastReplyPlainSpaces as lastReply } from '../../support/engine-chat.js';

describe('an age asked by how many years after a card', () => {
  it.each([
    ['едв инвалидам', 'а до скольки лет платят'],
    ['едв инвалидам', 'до скольки лет платят'],
    ['многодетная семья льготы', 'а до скольки лет платят'],
    ['единое пособие', 'а до скольки лет платят'],
  ])('after «%s», «%s» gets the reply «до какого возраста» gets', (card, followUp) => {
    const reply = lastReply(card, followUp);
    expect(reply.text).toBe(lastReply(card, followUp.replace(/скольки лет/, 'какого возраста')).text);
    expect(reply.text).not.toMatch(/— Сколько платят\n/);
  });

  it('after the ЕДВ card it is the note that the card does not say, and who may get it (was its «Сколько платят»)', () => {
    const reply = lastReply('едв инвалидам', 'а до скольки лет платят');
    expect(reply.text).toMatch(/^В ответе прямо не сказано, до какого возраста платят/);
    expect(reply.text).toContain('Кто может получить');
  });
});
