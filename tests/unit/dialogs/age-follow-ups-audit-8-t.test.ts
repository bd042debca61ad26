/**
 * An age asked after a card (helper Q's notes, audit 8's follow-ups; helper T): «а до какого возраста платят» quoted
 * any «до N лет» of the card («…бесплатные лекарства детям до 6 лет…» of the large families' benefits), or got the
 * retirement age's card where the card had none, also without «а»; «а жене до какого возраста платят» after the
 * survivor's pension got a list, «а с какого возраста вдове» «Я не уверен».
 */
import { describe, expect, it } from 'vitest';
import { lastReplyPlainSpaces as lastReply } from '../../support/engine-chat.js';

const UNTIL_UNSAID = 'В ответе прямо не сказано, до какого возраста платят или дают эту меру.';

describe('«а до какого возраста платят» after a card whose lines give no age up to which its measure is given', () => {
  it.each([
    ['ребенок инвалид что положено', 'воспитавшему ребёнка до 8 лет', 'Ребёнок-инвалид'],
    ['единое пособие доход', 'включая детей-очников до 23 лет', 'Какие доходы и кого из семьи учитывают'],
    ['единое пособие нулевой доход', 'уход за ребёнком до 3 лет', '«Правило нулевого дохода»'],
    ['материнский капитал на образование', 'ежемесячную выплату на ребёнка до 3 лет', 'Маткапитал на учёбу'],
  ])(
    'after «%s» says the card does not say it, then who may get it (was a quote of «%s»)',
    (first, quoted, title) => {
      const reply = lastReply(first, 'а до какого возраста платят');
      expect(reply.text.startsWith(UNTIL_UNSAID)).toBe(true);
      expect(reply.text).toContain('точно ответят там, где назначают эту меру, или консультант');
      expect(reply.text).toContain(`${title}`);
      expect(reply.text).toContain('— Кто может получить');
      // Not quoted as the answer; the part below may still list it.
      expect(reply.text).not.toMatch(/об этом сказано:/);
      expect(reply.text).not.toMatch(new RegExp(`сказано:\\s+•?\\s*[^\\n]*${quoted}`));
    },
  );

  it("after the ЕДВ, whose card has no age at all, the same (was the retirement age's card)", () => {
    const reply = lastReply('ЕДВ инвалидам', 'а до какого возраста платят');
    expect(reply.text.startsWith(UNTIL_UNSAID)).toBe(true);
    expect(reply.text).toContain(
      'ЕДВ инвалидам — кому платят, как назначают и почему суммы разные — Кто может получить',
    );
    expect(reply.text).not.toContain('пенсионный возраст по году рождения');
  });

  it('a line that says the measure is given up to an age is still quoted: the family payment, the childcare benefit', () => {
    const family = lastReply('семейная выплата возврат ндфл', 'а до какого возраста платят');
    expect(family.text).toMatch(/^В ответе «Ежегодная семейная выплата/);
    expect(family.text).toContain('двух и более детей до 18 лет (до 23 при очной учёбе)');
    const childcare = lastReply('пособие по уходу за ребенком до 1.5 лет', 'а до какого возраста');
    expect(childcare.text).toMatch(/^В ответе «Пособие по уходу за ребёнком до 1,5 лет/);
    expect(childcare.text).not.toContain(UNTIL_UNSAID);
  });
});

describe('the same question without «а» is about the card shown', () => {
  it("«до какого возраста платят» after the survivor's pension quotes its line (was the retirement age's card)", () => {
    const reply = lastReply('потеря кормильца пенсия', 'до какого возраста платят');
    expect(reply.text).toMatch(/^В ответе «Пенсия по потере кормильца/);
    expect(reply.text).toContain(
      'детям, внукам, братьям и сёстрам до 18 лет, студентам очной формы — до 23 лет',
    );
    expect(reply.text).not.toContain('пенсионный возраст по году рождения');
  });

  it('after the ЕДВ it says the card does not say it (was the retirement age card)', () => {
    const reply = lastReply('ЕДВ инвалидам', 'до какого возраста платят');
    expect(reply.text.startsWith(UNTIL_UNSAID)).toBe(true);
    expect(reply.text).not.toContain('пенсионный возраст по году рождения');
  });
});

describe("an age asked of a widow or a wife after the survivor's pension", () => {
  it("«а с какого возраста вдове» is who may get it, with the spouses' lines (was «Я не уверен»)", () => {
    const reply = lastReply('потеря кормильца пенсия', 'а с какого возраста вдове');
    expect(reply.text).toMatch(/^Пенсия по потере кормильца .* — Кто может получить/);
    expect(reply.text).toContain('Муж или жена, отец или мать умершего — если достигли пенсионного возраста');
    expect(reply.text).toContain('Вдова или вдовец трудоспособного возраста');
    expect(reply.text).not.toContain('Я не уверен');
  });

  it('«а жене до какого возраста платят» says the card does not say it for her, then the same part (was a list)', () => {
    const reply = lastReply('потеря кормильца пенсия', 'а жене до какого возраста платят');
    expect(reply.text).toMatch(
      /^В ответе прямо не сказано, до какого возраста платят или дают эту меру тому, о ком вы спрашиваете\./,
    );
    expect(reply.text).toContain('Муж или жена, отец или мать умершего — если достигли пенсионного возраста');
    expect(reply.text).not.toMatch(/^Уточните/);
  });

  it('an age of a person the card has a line for is still quoted: «а детям до какого возраста платят»', () => {
    const reply = lastReply('потеря кормильца пенсия', 'а детям до какого возраста платят');
    expect(reply.text).toMatch(/^В ответе «Пенсия по потере кормильца/);
    expect(reply.text).toContain('детям, внукам, братьям и сёстрам до 18 лет');
  });
});
