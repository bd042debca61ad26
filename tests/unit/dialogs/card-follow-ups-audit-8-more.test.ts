/**
 * More follow-ups typed after one card (audit 8's follow-ups left by helper K): the carers' cards, the survivor's
 * pension, the labour veteran's choices and the SVO families' card. They got «Если вы об ответе…», «Я не уверен…» or
 * a list of other measures, though the card (or the measure the citizen chose among) answers them.
 */
import { describe, expect, it } from 'vitest';
import { lastReplyPlainSpaces as lastReply } from '../../support/engine-chat.js';

describe('a pension of a kind the synonyms read as one term, after a card whose line names any pension', () => {
  it('«а если я получаю пенсию по инвалидности» after the disabled-child carer payment quotes «Не положено, если вы… получаете пенсию» (was «Если вы об ответе…»)', () => {
    const reply = lastReply(
      'выплата по уходу за ребенком инвалидом',
      'а если я получаю пенсию по инвалидности',
    );
    expect(reply.text).toMatch(/^В ответе «Выплата по уходу за ребёнком-инвалидом/);
    expect(reply.text).toContain('Не положено, если вы работаете, ведёте ИП, получаете пенсию');
  });

  it("the same after the disabled child's measures quotes its «тому, кто не работает, не получает пенсию и ухаживает»", () => {
    const reply = lastReply(
      'я мама ребенка инвалида ухаживаю не работаю сколько мне платят',
      'а если я получаю пенсию по инвалидности',
    );
    expect(reply.text).toContain('тому, кто не работает, не получает пенсию и ухаживает');
  });
});

describe('a job about to be taken, said as «устроюсь», after the carers’ cards', () => {
  it('«а если устроюсь на полставки» after the disabled-child carer payment quotes «…работающих неполное время или на дому, бывают исключения» (was a list: employment centre, childcare benefit)', () => {
    const reply = lastReply('выплата по уходу за ребенком инвалидом', 'а если устроюсь на полставки');
    expect(reply.text).toMatch(/^В ответе «Выплата по уходу за ребёнком-инвалидом/);
    expect(reply.text).toContain('Для родителей, работающих неполное время или на дому, бывают исключения');
  });

  it("the same after the disabled child's measures (audit 8, n11) is the carer payment's line", () => {
    const reply = lastReply(
      'я мама ребенка инвалида ухаживаю не работаю сколько мне платят',
      'а если устроюсь на полставки',
    );
    expect(reply.text).toContain('Для родителей, работающих неполное время или на дому, бывают исключения');
    expect(reply.buttons).not.toContain(
      'Как встать на учёт в центр занятости и кого не признают безработным',
    );
  });
});

describe('an age asked in words after a card whose line gives the age', () => {
  it("«а студентам до какого возраста платят» after the survivor's pension quotes «…студентам очной формы — до 23 лет» (was «Уточните…» with the retirement age and the students' maternity pay)", () => {
    const reply = lastReply('потеря кормильца пенсия', 'а студентам до какого возраста платят');
    expect(reply.text).toMatch(/^В ответе «Пенсия по потере кормильца/);
    expect(reply.text).toContain('студентам очной формы — до 23 лет');
  });
});

describe('documents asked after a card whose measure lists none', () => {
  it('«а какие документы для матери погибшего» after the support of SVO families: no list in the data, and where to apply (was «Если вы об ответе…»)', () => {
    const reply = lastReply('сын погиб на сво', 'а какие документы для матери погибшего');
    expect(reply.text).toMatch(/^Списка документов для этой меры в моих данных нет/);
    expect(reply.text).toContain('Поддержка семей участников СВО — куда обращаться — Как подать');
    expect(reply.text).toContain('«Защитники Отечества»');
    expect(reply.buttons).toContain('👤 Консультант');
  });

  it('«а документы» there: the same, not «В этом ответе нет раздела «Документы»»', () => {
    const reply = lastReply('сын погиб на сво', 'а документы');
    expect(reply.text).toMatch(/^Списка документов для этой меры в моих данных нет/);
    expect(reply.text).not.toMatch(/нет раздела/);
  });
});

describe("a longer follow-up at choices the search is unsure of, naming one choice's own subject", () => {
  it("«а если я еще работаю льготы дадут» at the labour veteran's choices is the veteran's benefits, with «работающему ветерану…» (was «Я не уверен…» and the pensioners' overview)", () => {
    const reply = lastReply('ветеран труда', 'а если я еще работаю льготы дадут');
    expect(reply.text).toMatch(/^Льготы ветерану труда — что положено и кто их даёт/);
    expect(reply.text).toContain('работающему ветерану положены отпуск в удобное время');
  });

  it("one naming no choice's subject is not answered with a choice: «а если я работаю» there", () => {
    const reply = lastReply('ветеран труда', 'а если я работаю');
    expect(reply.text).not.toMatch(/^Льготы ветерану труда/);
  });
});

describe('a condition after a card, where the search is unsure and offers only measures of other categories', () => {
  it('«а если я живу с сыном он не инвалид» after the 50% utility compensation: its parts and the consultant (was choices of the disabled child, the carer payment and the social pensions)', () => {
    const reply = lastReply('компенсация 50% жку инвалидам', 'а если я живу с сыном он не инвалид');
    expect(reply.text).toMatch(/^Если вы об ответе «Компенсация 50% за ЖКУ инвалидам/);
    expect(reply.buttons).toContain('Кто может получить');
    expect(reply.buttons).toContain('👤 Консультант');
    expect(reply.buttons).not.toContain(
      'Выплата по уходу за ребёнком-инвалидом или инвалидом с детства I группы',
    );
  });

  it('«а если устроюсь на полставки» after the care of the over-80s: its parts, not the employment centre and the childcare benefit', () => {
    const reply = lastReply('ухаживаю за мамой ей 85 лет платят ли за уход', 'а если устроюсь на полставки');
    expect(reply.text).toMatch(/^Если вы об ответе «Уход за пожилым старше 80 лет/);
    expect(reply.buttons).not.toContain(
      'Как встать на учёт в центр занятости и кого не признают безработным',
    );
  });
});

describe("study after the unified benefit's age limit", () => {
  it('«а если учится в колледже» after the unified benefit for a 17-year-old quotes that the benefit stops at 17 and a full-time student up to 23 only counts in the family (was the income rules card alone)', () => {
    const reply = lastReply('единое пособие на ребенка 17 лет', 'а если учится в колледже');
    expect(reply.text).toMatch(/^В ответе «Единое пособие на детей до 17 лет/);
    expect(reply.text).toContain('пособие платят до 17 лет, и учёба его не продлевает');
    expect(reply.text).toContain('только учитывают в составе семьи');
  });
});
