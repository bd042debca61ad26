/**
 * Follow-ups typed after one card that its own lines or figures answer (verification audit 8, M7 and L6–L11): they got
 * another part of the card, the same card again, «Если вы об ответе…» or a list of other measures.
 */
import { describe, expect, it } from 'vitest';
import { lastReplyPlainSpaces as lastReply } from '../../support/engine-chat.js';

describe('an age asked after a card is its line with the ages, not the amount part', () => {
  it("«а детям до скольки лет» after the survivor's pension quotes «до 18 лет, студентам очной формы — до 23 лет» (was «Сколько платят»)", () => {
    const reply = lastReply('потеря кормильца пенсия', 'а детям до скольки лет');
    expect(reply.text).toMatch(/^В ответе «Пенсия по потере кормильца/);
    expect(reply.text).toContain('до 18 лет, студентам очной формы — до 23 лет');
    expect(reply.text).not.toMatch(/— Сколько платят/);
  });

  it('«а сколько платят детям» there still opens the amount part', () => {
    const reply = lastReply('потеря кормильца пенсия', 'а сколько платят детям');
    expect(reply.text).toMatch(/— Сколько платят/);
  });
});

describe("one's own pension named after the supplement card is set beside the card's own subsistence minimum", () => {
  it('«а у меня 14000» after the supplement card for Perm: less than 14 985 ₽, then who may get it (was «Если вы об ответе…»)', () => {
    const reply = lastReply('доплата к пенсии до прожиточного минимума', '[Пермский край]', 'а у меня 14000');
    expect(reply.text).toMatch(
      /^14 000 ₽ — меньше, чем «Прожиточный минимум для пенсионеров»: в Пермском крае — 14 985 ₽\. Если вы не работаете/,
    );
    expect(reply.text).toContain('Доплата к пенсии до прожиточного минимума — Кто может получить');
  });

  it("«у меня пенсия 13 тысяч» with no region: less than both served regions' figures (was the same card again)", () => {
    const reply = lastReply('доплата к пенсии до прожиточного минимума', 'у меня пенсия 13 тысяч');
    expect(reply.text).toMatch(
      /^13 000 ₽ — меньше, чем «Прожиточный минимум для пенсионеров»: в Пермском крае — 14 985 ₽, в Волгоградской области — 14 008 ₽\./,
    );
  });

  it("a pension above the region's figure is said to be not less; between the two regions' figures, that it depends on the region", () => {
    const above = lastReply(
      'доплата к пенсии до прожиточного минимума',
      '[Волгоградская область]',
      'а у меня 14500',
    );
    expect(above.text).toMatch(
      /^14 500 ₽ — не меньше, чем «Прожиточный минимум для пенсионеров»: в Волгоградской области — 14 008 ₽\./,
    );
    const between = lastReply('доплата к пенсии до прожиточного минимума', 'у меня пенсия 14500');
    expect(between.text).toMatch(
      /в Пермском крае — 14 985 ₽, в Волгоградской области — 14 008 ₽\. 14 500 ₽ меньше одного из них/,
    );
  });

  it('two sums (a pension and the ЕДВ) are not compared', () => {
    const two = lastReply('доплата к пенсии до прожиточного минимума', 'у меня пенсия 15000 и едв 3000');
    expect(two.text).not.toMatch(/меньше, чем «Прожиточный минимум/);
  });
});

describe('a kind of a thing named after a card whose line names that thing of any kind', () => {
  it('«а если я получаю пенсию по потере кормильца» after the disabled-child carer payment quotes «Не положено, если вы… получаете пенсию» (was «Если вы об ответе…»)', () => {
    const reply = lastReply(
      'выплата по уходу за ребенком инвалидом',
      'а если я получаю пенсию по потере кормильца',
    );
    expect(reply.text).toMatch(/^В ответе «Выплата по уходу за ребёнком-инвалидом/);
    expect(reply.text).toContain('Не положено, если вы работаете, ведёте ИП, получаете пенсию');
  });

  it('a line naming a kind of its own is not that: «пособие по уходу за ребенком» is not «пособие по безработице»', () => {
    const reply = lastReply(
      'выплата по уходу за ребенком инвалидом',
      'а если я получаю пособие по уходу за ребенком',
    );
    expect(reply.text).not.toContain('пособие по безработице');
  });
});

describe('a part asked for with words of its own, or where the card has no such part', () => {
  it('«а сколько платят матери погибшего» after the support of SVO families opens its «Сколько платят» (was «Если вы об ответе…»)', () => {
    const reply = lastReply('сын погиб на сво', 'а сколько платят матери погибшего');
    expect(reply.text).toContain('Поддержка семей участников СВО — куда обращаться — Сколько платят');
    expect(reply.text).toContain('Выплаты семьям погибших');
  });

  it('«а сколько дают» after the emergency material help, which has no amount part, quotes its «Сумма и условия… зависят от региона» (was «В этом ответе нет раздела…»)', () => {
    const reply = lastReply('разовая материальная помощь', 'а сколько дают');
    expect(reply.text).toMatch(/^В ответе «Разовая материальная помощь/);
    expect(reply.text).toContain('Сумма и условия (часто учитывают доход семьи) зависят от региона');
    expect(reply.text).not.toMatch(/нет раздела/);
  });
});

describe('a bare number right under a sum for each child', () => {
  it("«а на 2» after the unified benefit's per-child amount card is the total for two children (was «Если вы об ответе…»)", () => {
    const reply = lastReply('сколько платят единое пособие', 'а на 2');
    expect(reply.text).toMatch(/сумма — на каждого ребёнка\. На 2 детей вместе — 18 371 ₽/);
  });

  it('«а на 2» after a card with no sum for each child is not read as children', () => {
    const reply = lastReply('потеря кормильца пенсия', 'а на 2');
    expect(reply.text).not.toMatch(/на каждого ребёнка/);
  });
});
