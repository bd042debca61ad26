/**
 * Citizen audit 7, searched on the real knowledge base: messages whose numbers (an age, an amount of pension) or
 * whose situation drew a confident answer on another topic.
 */
import { describe, expect, it } from 'vitest';
import { firstReply, kb, search } from '../../support/project-search.js';

describe('one’s own pension asked with one’s age (H1)', () => {
  it('«мне 70 лет какая у меня должна быть пенсия», «мне 70 лет какая пенсия» and «какая пенсия в 70 лет» are how to learn one’s pension (the last two were choices led by the pensioners’ overview)', () => {
    for (const q of [
      'мне 70 лет какая у меня должна быть пенсия',
      'здравствуйте мне 70 лет какая пенсия',
      'какая пенсия в 70 лет',
    ]) {
      expect(firstReply(q), q).toEqual({ band: 'answer', entry: 'pension-amount-how-to-know' });
    }
  });

  it('never answers with the capital-repair compensation unless the message names the levy, which still gets it', () => {
    for (const q of [
      'мне 70 лет какая пенсия',
      'какая пенсия в 70 лет',
      'какую пенсию положено мне в 70 лет',
    ]) {
      const outcome = search.search(q);
      expect(outcome.band === 'answer' && outcome.hits[0]?.entryId, q).not.toBe(
        'capital-repair-compensation-70-80',
      );
    }
    expect(firstReply('мне 72 года живу одна, можно не платить за капремонт?').entry).toBe(
      'capital-repair-compensation-70-80',
    );
    expect(firstReply('мне 70 лет, положена ли компенсация за кап ремонт').entry).toBe(
      'capital-repair-compensation-70-80',
    );
  });
});

describe('one’s own pension named in roubles (H2, H3)', () => {
  it('«у меня пенсия 13 тысяч», «…12 тысяч это нормально» are the supplement to the minimum, not the New Year payment', () => {
    for (const q of [
      'у меня пенсия 13 тысяч',
      'у меня пенсия 12 тысяч это нормально',
      'у меня пенсия 12 тысяч',
    ]) {
      expect(firstReply(q), q).toEqual({ band: 'answer', entry: 'pension-supplement-to-minimum' });
    }
  });

  it('still reads «13 пенсия» and «13-я пенсия» as the «тринадцатая» one', () => {
    for (const q of ['будет ли 13 пенсия в декабре', '13-я пенсия будет?', 'дадут 13ю пенсию']) {
      expect(firstReply(q), q).toEqual({ band: 'answer', entry: 'new-year-payment-pensioners' });
    }
  });
});

describe('«минимальная пенсия» (M6)', () => {
  it('is the supplement up to the pensioner’s minimum, however it is said; the minimum record for a pension stays the record', () => {
    for (const q of [
      'минимальная пенсия',
      'какая минимальная пенсия',
      'минималка пенсия сколько',
      'а какая минимальная пенсия в пермском крае',
    ]) {
      expect(firstReply(q), q).toEqual({ band: 'answer', entry: 'pension-supplement-to-minimum' });
    }
    expect(firstReply('какой минимальный стаж нужен чтобы дали пенсию').entry).toBe(
      'pension-work-record-points',
    );
  });
});

describe('the income a family needs for the unified benefit (H6)', () => {
  it('«какой доход должен быть для единого пособия семья 4 человека» is not the zero-income rule, which needs no income named', () => {
    for (const q of [
      'какой доход должен быть для единого пособия семья 4 человека',
      'а доход какой должен быть у нас семья 4 человека',
    ]) {
      const outcome = search.search(q);
      expect(outcome.hits[0]?.entryId, q).toBe('ep-children-income-rules');
    }
    expect(firstReply('муж не работал официально весь год, нам отказали в детских').entry).toBe(
      'ep-children-zero-income',
    );
  });
});

describe('a pensioner caring for a disabled grandchild (H9)', () => {
  it('is not told the 10 000 ₽ carer payment is hers: the card she gets says it is not paid to a carer with a pension', () => {
    const q = 'у меня внук инвалид а дочь работает а я на пенсии могу ли я получать по уходу за ним деньги';
    const { entry } = firstReply(q);
    // The over-80s' care card ended «…— отдельная выплата 10 000 ₽», which read as a yes.
    expect(['care-elderly-80-disabled-1', 'disabled-child-carer-payment']).toContain(entry);
    expect(kb.entry(entry!)?.short).toMatch(/без пенсии|получаете пенсию/);
    expect(kb.entry('care-elderly-80-disabled-1')?.short).toMatch(
      /отдельная выплата \{\{fig:disabled-child-carer\}\}, но только неработающему ухаживающему без пенсии/,
    );
  });
});

describe('a pension that did not come today (L9)', () => {
  it('«почему мне не пришла пенсия сегодня» is answered with the payment dates and whom to call, not «Я не уверен»', () => {
    for (const q of ['почему мне не пришла пенсия сегодня', 'пенсия сегодня не пришла'])
      expect(firstReply(q), q).toEqual({ band: 'answer', entry: 'pension-payment-dates' });
  });
});

describe('care for a spouse with group II disability (L10)', () => {
  it('is answered with the carers’ card, whose short answer says plainly that such care is neither paid nor counted', () => {
    const { band, entry } = firstReply('муж инвалид 2 группы я за ним ухаживаю положено что то');
    expect(band).toBe('answer');
    expect(entry).toBe('care-elderly-80-disabled-1');
    expect(kb.entry(entry!)?.short).toMatch(
      /При \*\*II или III группе\*\* \(если нет 80 лет\) ни выплаты, ни стажа за это не положено/,
    );
  });
});

describe('a letter asking whether the subsidy is due and where to apply (H7)', () => {
  it('«Положена ли мне субсидия, и куда идти оформлять» is how to apply for the subsidy, not the labour veterans’ ЖКУ compensation', () => {
    expect(firstReply('Положена ли мне субсидия, и куда идти оформлять')).toEqual({
      band: 'answer',
      entry: 'housing-subsidy-apply',
    });
  });
});
