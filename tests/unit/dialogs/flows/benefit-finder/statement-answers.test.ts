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
      // «у двоих» is not said to be the family's whole income («на двоих детей» is not either).
      { adults: 2, pension: 'pensioner' },
    ],
    [
      'я инвалид 2 группы живу одна пенсия 15 тысяч какие льготы мне положены',
      { adults: 1, income: 15000, disability: 'self', disabilityGroup: '2' },
    ],
    [
      'муж на сво, я беременна, сыну 2 года, живем в перми, какие выплаты положены',
      { children: ['u3'], pregnant: true, veteran: 'svo-family' },
    ],
    [
      'я участник сво, жена беременна, какие выплаты нам положены в перми',
      { pregnant: true, veteran: 'svo' },
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
    // One question answered (the disability with its group) is not enough to change the questionnaire.
    'можно ли маме оформить ежемесячную выплату по уходу за мной, я инвалид 1 группы не с детства',
    // Another adult's disability is not the person's.
    'у мужа 2 группа инвалидности я работаю какие льготы положены нашей семье',
    // Retirement ahead, not now (one of the knowledge base's questions).
    'ветеран труда еще работаю, положены ли льготы сейчас или только на пенсии',
    // Her own mother's situation.
    'моя мама пенсионерка ей 80 лет живет одна в Перми пенсия 20 тысяч, что ей положено',
    // A daughter of 25 is no child of the finder's; the income is not said to be the family's.
    'дочери 25 лет она студентка, мне 50, работаю, зарплата 35 тысяч, живу с дочерью, что положено',
  ])('reads nothing it could get wrong from «%s»', (text) => {
    expect(read(text)).toBeUndefined();
  });

  // Verification pass 8: each of these had a fact taken wrongly (the fact, then the message).
  it.each([
    ['pension', 'я еще не на пенсии, работаю, двое детей 5 и 9 лет, живем в перми, что нам положено'],
    [
      'pension',
      'когда я буду на пенсии, какие пособия на детей мне будут положены, сыну 10 лет, живу в перми',
    ],
    [
      'pension',
      'свекровь у нас пенсионерка, живем в волгограде, детям 3 и 9 лет, какие пособия на детей положены',
    ],
    ['children', 'дочке 20 лет, она работает, живем с мужем в перми, какие нам положены пособия'],
    [
      'children',
      'детям 17 и 19 лет, оба работают, живем с мужем в волгограде, какие пособия на детей положены',
    ],
    ['children', 'сыну 19 лет, учится заочно, живем с мужем в перми, какие пособия нам положены'],
    [
      'adults',
      'муж ушел на пенсию, я работаю, у нас двое детей 10 и 14 лет, живем в перми, положено ли нам единое пособие',
    ],
    [
      'adults',
      'дочь развелась и переехала к нам с внуком 4 лет, мы с мужем работаем, живем в перми, какие пособия положены',
    ],
    ['adults', 'живем с мужем и дедом в волгограде, детям 4 и 11 лет, какие пособия на детей положены'],
    [
      'adults',
      'живу одна с сыном, ему 25 лет, он инвалид, пенсия у меня 18 тысяч, волгоград, какие пособия положены',
    ],
    [
      'adults',
      'дочь в декрете, живет с нами, внуку 1 год, мы с мужем пенсионеры, волгоград, какие пособия на внука',
    ],
    [
      'income',
      'зарплата 2 раза в месяц по 15 тысяч, живу одна с сыном 7 лет в волгограде, какие пособия положены',
    ],
    ['income', 'зарплата 300 тысяч в год, живу одна, сыну 5 лет, волгоград, какие пособия на детей положены'],
    [
      'income',
      'у меня зарплата 20 тысяч, у мужа столько же, на двоих детей 5 и 7 лет ничего не получаем, живем в перми',
    ],
    [
      'income',
      'пенсия 20 тысяч, на всех не хватает, живу с дочерью и внуками 3 и 7 лет в перми, какие пособия на детей',
    ],
    [
      'employment',
      'муж безработный, я одна работаю, детям 3 и 6 лет, живем в перми, какие пособия на детей положены',
    ],
    [
      'employment',
      'я неофициально работаю, одна воспитываю двоих детей 4 и 8 лет, живем в волгограде, какие пособия на детей',
    ],
    [
      'employment',
      'дочь в декрете, живет с нами, внуку 1 год, мы с мужем пенсионеры, волгоград, какие пособия на внука',
    ],
    [
      'children',
      'моя дочь мать одиночка, у нее двое детей 3 и 5 лет, живут в перми, какие пособия ей положены',
    ],
  ] as const)('does not take the %s from «%s»', (fact, text) => {
    const answers: Record<string, unknown> = { ...read(text) };
    // «муж безработный, я одна работаю»: working is right, looking for work is not.
    if (fact === 'employment' && /я одна работаю/.test(text)) expect(answers.employment).toBe('working');
    else expect(answers[fact], JSON.stringify(answers)).toBeUndefined();
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
