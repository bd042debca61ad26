/**
 * An age from which asked after a card (helper T's note; helper V): «с какого возраста», with «а» or without, after
 * the ЕДВ, the large families' benefits, the unified benefit or the capital repair compensation got the retirement
 * age's card, the search's answer for the words alone. A short question with no subject of its own is about the card
 * shown: its line that says from what age the measure is given, or, where it has none, that the card does not say it,
 * where to ask, and who may get it (as «до какого возраста» already was).
 */
import { describe, expect, it } from 'vitest';
import { lastReplyPlainSpaces as lastReply } from '../../support/engine-chat.js';

const FROM_UNSAID = 'В ответе прямо не сказано, с какого возраста платят или дают эту меру.';
const RETIREMENT = 'пенсионный возраст по году рождения';

describe('«с какого возраста» after a card that does not say from what age', () => {
  it.each([
    ['ЕДВ инвалидам', 'с какого возраста', 'ЕДВ инвалидам — кому платят'],
    ['ЕДВ инвалидам', 'а с какого возраста', 'ЕДВ инвалидам — кому платят'],
    ['льготы многодетным', 'с какого возраста', 'Какие льготы и выплаты положены многодетным'],
    ['льготы многодетным', 'а с какого возраста', 'Какие льготы и выплаты положены многодетным'],
    ['единое пособие на детей', 'с какого возраста платят', 'Единое пособие на детей до 17 лет'],
    ['ветеран труда льготы', 'а со скольки лет', 'Льготы ветерану труда'],
  ])('after «%s», «%s» says the card does not say it, then who may get it', (first, asked, title) => {
    const reply = lastReply(first, asked);
    expect(reply.text.startsWith(FROM_UNSAID), reply.text.slice(0, 120)).toBe(true);
    expect(reply.text).toContain('точно ответят там, где назначают эту меру, или консультант');
    expect(reply.text).toContain(title);
    expect(reply.text).toContain('— Кто может получить');
    expect(reply.text).not.toContain(RETIREMENT);
  });

  it('the unified benefit’s «…до 17 лет» is no age from which: not quoted', () => {
    const reply = lastReply('единое пособие на детей', 'а с какого возраста');
    expect(reply.text).not.toMatch(/об этом сказано:/);
  });
});

describe('«с какого возраста» after a card that says it', () => {
  it('the capital repair compensation quotes its «с 70 лет — 50%, с 80 лет — 100%»', () => {
    const reply = lastReply('компенсация за капремонт пенсионерам', 'с какого возраста');
    expect(reply.text).toMatch(
      /^В ответе «Компенсация взноса на капремонт пенсионерам с 70 и 80 лет» об этом сказано:/,
    );
    expect(reply.text).toContain('с 70 лет — 50%, с 80 лет — 100%');
    expect(reply.text).not.toContain(RETIREMENT);
  });

  it('the survivor’s pension quotes its spouses’ and parents’ line (from the pensionable age)', () => {
    const reply = lastReply('пенсия по потере кормильца', 'с какого возраста');
    expect(reply.text).toMatch(/^В ответе «Пенсия по потере кормильца/);
    expect(reply.text).toContain('мужу или жене, родителям — достигшим пенсионного возраста');
  });

  it('the care of the over-80s: its «Кто может получить» says «старше 80 лет», with no note', () => {
    const reply = lastReply('уход за пожилым старше 80', 'а со скольки лет');
    expect(reply.text).toContain('— Кто может получить');
    expect(reply.text).toContain('Пенсионер старше 80 лет');
    expect(reply.text).not.toContain(FROM_UNSAID);
    expect(reply.text).not.toContain(RETIREMENT);
  });

  it('the retirement age’s own card still quotes its line; «до какого возраста» after the ЕДВ is as it was', () => {
    const own = lastReply('во сколько лет на пенсию', 'с какого возраста');
    expect(own.text).toMatch(/^В ответе «Во сколько лет выходят на пенсию/);
    expect(own.text).toContain('в 59 лет');
    const until = lastReply('ЕДВ инвалидам', 'а до какого возраста платят');
    expect(until.text).toMatch(/^В ответе прямо не сказано, до какого возраста/);
  });
});
