/** Sentences about the family typed at the adults and income questions, and what must not be taken for one. */
import { describe, expect, it } from 'vitest';
import { readFamilyStatement } from '../../../../../src/dialogs/flows/benefit-finder/family-statement.js';
import { notWorking, svoSaid } from '../../../../../src/dialogs/flows/benefit-finder/typed-answer-words.js';

describe('a sentence about the family', () => {
  it.each([
    ['мы с мужем', { adults: 2 }],
    ['живу одна', { adults: 1 }],
    ['мы вдвоем с мужем', { adults: 2 }],
    ['я, муж и свекровь', { adults: 3 }],
    ['мы с мужем и двое детей', { adults: 2 }],
    ['живу с родителями', { adults: 3 }],
    ['муж получает 45 тысяч я не работаю', { adults: 2, income: 45000 }],
    ['у меня пенсия 12 тысяч, у мужа пенсия 15 тысяч', { adults: 2, income: 27000 }],
    // The pension's amount is not said: the family's income is not known.
    ['у меня пенсия, муж получает 45 тысяч', { adults: 2 }],
    // «сама», «одна» beside a relative name the person, not a household of one.
    ['я сама не работаю муж работает', { adults: 2 }],
    ['живу одна с мамой', { adults: 2 }],
    // A number of people, not of adults: children may be among them.
    ['нас трое', { adults: 3, everyone: true }],
    // The scale first, as said aloud; the ЕДВ is one more income.
    ['тысяч 14', { income: 14000 }],
    ['пенсия 14 тысяч и еще ЕДВ 3 тысячи', { income: 17000 }],
    ['я сама с мужем и свекровью', { adults: 3 }],
    // Who was named, and that she is a pensioner («Не понял ответ»; citizen audit 6, M2).
    ['живу с мамой, она пенсионерка', { adults: 2 }],
    ['мы с мужем, он на пенсии', { adults: 2 }],
    // The amount is the salary's; the mother's pension is not said, so the family's income is not known.
    ['живу с мамой, она пенсионерка, у меня зарплата 20 тысяч', { adults: 2 }],
    // The mother's pension is not the family's income while the person's own is not said (verification pass 8).
    ['живу с мамой, она пенсионерка, пенсия 18 тысяч', { adults: 2 }],
    ['живу с мамой, она пенсионерка, пенсия 18 тысяч, я не работаю', { adults: 2, income: 18000 }],
    ['мама на пенсии, пенсия 17 тысяч', { adults: 2, income: 17000 }],
    ['я пенсионер 20 тысяч', { income: 20000 }],
    // A relative named twice is one person (it was three adults).
    ['мы с мужем, муж получает 45 тысяч, я не работаю', { adults: 2, income: 45000 }],
    ['живу с мамой, мама на пенсии', { adults: 2 }],
    ['муж и свекровь, муж работает 30 тысяч', { adults: 3, income: 30000 }],
  ])('reads «%s»', (text, said) => {
    expect(readFamilyStatement(text)).toEqual(said);
  });

  it.each([
    'я с сыном',
    'а какие документы на субсидию',
    'муж воюет на сво',
    'мы с мужем 2',
    'у нас все сложно муж то работает то нет',
    // A relative who does not live with the person may or may not count: asked again, not guessed.
    'мы с мужем не живем вместе',
    'муж живет отдельно',
    'на что она живет',
  ])('does not read «%s»', (text) => {
    expect(readFamilyStatement(text)?.adults).toBeUndefined();
  });

  it('tells «не работаю» alone from being at home for a reason', () => {
    expect(notWorking('не работаю')).toBe('unsure');
    expect(notWorking('не работаю сижу с детьми')).toBe('at-home');
    expect(notWorking('нет, ухаживаю за мамой')).toBe('at-home');
    expect(notWorking('не работаю, сижу и думаю')).toBeUndefined();
  });

  it('reads a relative at the SVO, and not a question about it', () => {
    expect(svoSaid('муж воюет на сво')).toBe('svo-family');
    expect(svoSaid('сын на сво по контракту')).toBe('svo-family');
    expect(svoSaid('я был на сво')).toBe('svo');
    expect(svoSaid('какие выплаты семьям сво')).toBeUndefined();
  });
});
