/**
 * An age asked after a card with words that only name the card's measure or say that it lasts (helper F's task 1):
 * «а до какого возраста действуют льготы» after the large families' status got choices led by the retirement age, and
 * «а льготы до какого возраста» quoted the card's line on what the region decides, though both ask what the bare «а
 * до какого возраста» asks, which quotes the card's line on the age.
 */
import { describe, expect, it } from 'vitest';
import { lastReplyPlainSpaces as lastReply } from '../../support/engine-chat.js';

const AGE_LINE =
  /об этом сказано:\s+Статус устанавливается бессрочно, но меры поддержки действуют, пока старшему ребёнку не исполнится 18 лет, а если он учится очно — 23 лет\./;

describe('an age asked after the large families’ status with words naming its measure', () => {
  for (const followUp of [
    'а до какого возраста действуют льготы',
    'а льготы до какого возраста',
    'а до скольки лет сохраняются льготы',
    'до какого возраста действуют льготы',
  ])
    it(`«${followUp}» quotes the card's line on the age`, () => {
      const reply = lastReply('многодетная семья статус', followUp);
      expect(reply.text).toMatch(AGE_LINE);
      expect(reply.buttons).not.toContain(
        'Во сколько лет выходят на пенсию — пенсионный возраст по году рождения',
      );
    });

  it('after the ЕДВ, whose card gives no age, «а до какого возраста действуют льготы» says so above who may get it', () => {
    const reply = lastReply('едв инвалидам', 'а до какого возраста действуют льготы');
    expect(reply.text).toContain('В ответе прямо не сказано, до какого возраста');
    expect(reply.text).toContain('Кто может получить');
  });
});
