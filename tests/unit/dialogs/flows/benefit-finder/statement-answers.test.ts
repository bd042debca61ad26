/**
 * What a long message tells of the family, read for the finder opened under its answer (citizen audit 6, M3: a
 * mother who told her region, children, work and income was asked all nine questions again).
 */
import { describe, expect, it } from 'vitest';
import { statementAnswers } from '../../../../../src/dialogs/flows/benefit-finder/statement-answers.js';
import { parseChildrenAges } from '../../../../../src/services/benefits/household.js';

const read = (text: string, region?: 'perm' | 'volgograd' | 'other') => statementAnswers(text, () => region);

describe('statementAnswers', () => {
  it('reads the family the audit saw asked again: two children with their ages, alone, working, her salary', () => {
    expect(
      read(
        'здравствуйте я мама двоих детей одному 2 года другому 5 муж ушел алименты не платит работаю продавцом зарплата 25 тысяч живем в волгограде что нам положено от государства',
        'volgograd',
      ),
    ).toEqual({
      region: 'volgograd',
      children: ['u3', 'u7'],
      adults: 1,
      income: 25000,
      employment: 'working',
    });
  });

  it.each([
    [
      'я пенсионерка 70 лет живу одна пенсия 18 тысяч какие льготы мне положены',
      { adults: 1, income: 18000, pension: 'pensioner' },
    ],
    [
      'у нас трое детей 3, 7 и 12 лет, мы с мужем оба работаем, доход семьи 60 тысяч, что положено',
      { children: ['u7', 'u17', 'u17'], adults: 2, income: 60000, employment: 'working' },
    ],
    [
      'я беременна 20 недель, сыну 3 года, муж работает, что нам положено',
      { children: ['u7'], pregnant: true },
    ],
    [
      'мы с мужем пенсионеры, пенсия у двоих 40 тысяч, положена ли субсидия на жкх',
      { adults: 2, income: 40000, pension: 'pensioner' },
    ],
    // «одинокая мама» is the person herself, not another adult; unofficial work is no employment.
    [
      'я одинокая мама, дочке 3 года, работаю неофициально, доход 20 тысяч, что мне положено',
      { children: ['u7'], adults: 1, income: 20000 },
    ],
  ])('reads «%s»', (text, answers) => {
    expect(read(text)).toEqual(answers);
  });

  it.each([
    // Someone else's pension and living alone: not the person's.
    'мама пенсионерка живет одна, пенсия 15000, какие ей положены выплаты от государства',
    // The past is not now; one fact alone does not change the questionnaire.
    'была беременна но потеряла ребенка, работаю продавцом, какие выплаты мне положены сейчас',
    // A young mother living with her own mother: the adults are not one; «не работаю» does not say if she looks for work.
    'мне 20 лет сыну 2 года я не работаю живу с мамой что положено',
    'какие пособия положены семье с двумя детьми в пермском крае если доход маленький',
    // Retirement ahead, not now (one of the knowledge base's questions).
    'ветеран труда еще работаю, положены ли льготы сейчас или только на пенсии',
    // Her own mother's situation.
    'моя мама пенсионерка ей 80 лет живет одна в Перми пенсия 20 тысяч, что ей положено',
    // A daughter of 25 is no child of the finder's; the income is not said to be the family's.
    'дочери 25 лет она студентка, мне 50, работаю, зарплата 35 тысяч, живу с дочерью, что положено',
  ])('reads nothing it could get wrong from «%s»', (text) => {
    expect(read(text)).toBeUndefined();
  });

  it("takes an income as the family's only when it is said so or the person is the only adult", () => {
    // Two adults and a salary: the husband's income is not said.
    expect(read('мы с мужем и сыну 4 года, у меня зарплата 30 тысяч, что положено?')).toEqual({
      children: ['u7'],
      adults: 2,
    });
    // Two amounts are not added up here.
    expect(read('живу одна пенсия 18 тысяч и доплата 2 тысячи, что еще положено')).toEqual(undefined);
  });

  it('does not read a count of children that its ages do not match', () => {
    expect(read('у меня трое детей сыну 5 лет, я работаю, что положено нам')).toEqual(undefined);
  });
});

describe('parseChildrenAges', () => {
  it('reads «одному 2 года, другому 5» as two children (it was three: «одному» was an age of one)', () => {
    expect(parseChildrenAges('одному 2 года другому 5')).toEqual({ bands: ['u3', 'u7'] });
  });
});
