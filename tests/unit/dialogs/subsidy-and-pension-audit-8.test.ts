/**
 * The housing subsidy and the pension supplement as citizens ask about them after audit 8's follow-ups: the subsidy's
 * own example question answered by another of its entries, sums and debts told after its card, pensioners asking for
 * a supplement in their own words.
 */
import { describe, expect, it } from 'vitest';
import { lastReply } from '../../support/engine-chat.js';

const ELIGIBILITY = 'Субсидия на оплату ЖКУ — кому положена (правило 22%)';

describe('the housing subsidy asked what it is', () => {
  it('«что такое субсидия на жку» gets who may get it, how to apply a button away (was the renewal every 6 months)', () => {
    for (const q of ['что такое субсидия на жку', 'субсидия на коммуналку что это']) {
      const reply = lastReply(q);
      expect(reply.text.startsWith(ELIGIBILITY), q).toBe(true);
      expect(reply.buttons).toContain('➡️ Ещё: Как оформить субсидию на ЖКУ — документы и куда подать');
    }
  });

  it('«что такое единое пособие» gets the benefit itself, its amount a button away (was the amount card)', () => {
    const reply = lastReply('что такое единое пособие');
    expect(reply.text).toMatch(/^Единое пособие на детей до 17 лет — кому положено/);
    // A word asking a part of it still gets that part's entry.
    expect(lastReply('единое пособие сколько').text).toMatch(/^Сколько платят единое пособие/);
  });
});

describe('an income or a payment alone after the housing subsidy card', () => {
  it('«пенсия 12000» is asked what one pays, with the card a tap away and the supplement to the pensioner’s minimum (was «Я не уверен»)', () => {
    const reply = lastReply('субсидия на жку', 'пенсия 12000');
    const text = reply.text.replace(/\u00a0/g, ' ');
    expect(text).toMatch(
      /^Чтобы посчитать, какая доля дохода уходит на ЖКУ \(правило — больше 22%\), напишите, сколько вы платите/,
    );
    // The KB's own pensioner minimums, both above 12 000 ₽.
    expect(text).toContain(
      '12 000 ₽ — меньше, чем «Прожиточный минимум для пенсионеров»: в Пермском крае — 14 985 ₽, в Волгоградской области — 14 008 ₽',
    );
    expect(reply.buttons).toContain('📄 Кратко');
    expect(reply.buttons).toContain('➡️ Доплата к пенсии до прожиточного минимума');
    expect(text).not.toContain('Я не уверен');
  });

  it('the payment typed next, or a sum alone, gives the share of that income', () => {
    for (const payment of ['плачу 4000', '4000']) {
      const text = lastReply('субсидия на жку', 'пенсия 12000', payment).text.replace(/\u00a0/g, ' ');
      expect(text, payment).toMatch(/^4 000 ₽ из 12 000 ₽ — это около 33% дохода, больше 22%/);
    }
    // The income asked for after a payment alone, typed as a bare sum.
    const text = lastReply('субсидия на жку', 'я плачу за коммуналку 7000', '20000').text.replace(
      /\u00a0/g,
      ' ',
    );
    expect(text).toMatch(/^7 000 ₽ из 20 000 ₽ — это около 35% дохода/);
  });

  it('a pension not below either minimum, or a wage, gets no supplement line; a question of another measure its answer', () => {
    const higher = lastReply('субсидия на жку', 'у меня пенсия 20000');
    expect(higher.text).toMatch(/^Чтобы посчитать/);
    expect(higher.buttons).not.toContain('➡️ Доплата к пенсии до прожиточного минимума');
    expect(lastReply('субсидия на жку', 'зарплата 12000').text).not.toContain('Прожиточный минимум');
    expect(lastReply('субсидия на жку', 'пенсия 12000 мне доплатят').text).toMatch(
      /^Доплата к пенсии до прожиточного минимума$/m,
    );
  });

  it('the income question after a payment alone has «📄 Кратко» with the card’s parts (it had only the parts)', () => {
    const reply = lastReply('субсидия на жку', 'я плачу за коммуналку 7000');
    expect(reply.text).toMatch(/^Чтобы посчитать, какая доля дохода — 7/);
    expect(reply.buttons.slice(0, 2)).toEqual(['📄 Кратко', 'Кто может получить']);
  });
});

describe('a debt told after the housing subsidy card', () => {
  it('«а у меня долг 20000 за свет» quotes the card’s own condition on debts (was how to apply’s documents line)', () => {
    const reply = lastReply('субсидия на жку', 'а у меня долг 20000 за свет');
    expect(reply.text).toMatch(
      /^В ответе «Субсидия на оплату ЖКУ — кому положена \(правило 22%\)» об этом сказано/,
    );
    expect(reply.text).toContain('нет долгов за ЖКУ (или заключено соглашение о погашении)');
    expect(reply.text).not.toContain('квитанции за ЖКУ за последний месяц');
  });
});

describe('pensioners describing themselves and asking for a supplement or what is due', () => {
  const SUPPLEMENT = /^Доплата к пенсии до прожиточного минимума/m;

  it('«мне 70 лет женщина пенсия 12000 доплатят» gets the supplement card with her pension set beside the minimum (was «Я не уверен»)', () => {
    const text = lastReply('мне 70 лет женщина пенсия 12000 доплатят').text.replace(/\u00a0/g, ' ');
    expect(text).toMatch(
      /^12 000 ₽ — меньше, чем «Прожиточный минимум для пенсионеров»: в Пермском крае — 14 985 ₽, в Волгоградской области — 14 008 ₽/,
    );
    expect(text).toMatch(SUPPLEMENT);
    expect(text).not.toContain('Я не уверен');
  });

  it('«я 1962 года рождения женщина пенсия маленькая доплата положена» gets the supplement card (was choices led by the children’s supplement)', () => {
    const text = lastReply('я 1962 года рождения женщина пенсия маленькая доплата положена').text;
    expect(text).toMatch(/^Доплата к пенсии до прожиточного минимума/);
    expect(text).not.toContain('Уточните');
  });

  it('«мама 1940 года рождения какие льготы» gets the pensioners’ overview (was choices led by the retirement age)', () => {
    expect(lastReply('мама 1940 года рождения какие льготы').text).toMatch(
      /^Льготы пенсионерам — что положено/,
    );
  });

  it('a child’s age limit is not who asks: «пособие на ребенка до 3 лет какое есть» keeps its choices', () => {
    expect(lastReply('пособие на ребенка до 3 лет какое есть').text).toMatch(/^Уточните/);
  });
});

describe('«а если я работаю» after how to apply for the old-age pension', () => {
  it('quotes that a working pensioner is paid the pension (was the overview’s «кто не работает… — доплата до него»)', () => {
    const reply = lastReply('пенсия по старости как оформить', 'а если я работаю');
    expect(reply.text).toContain('страховую пенсию платят и работающим пенсионерам');
    expect(reply.text).not.toContain('кто не работает');
  });
});
