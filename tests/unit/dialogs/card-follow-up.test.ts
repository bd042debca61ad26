/**
 * Short follow-ups typed after one answer card that the card itself answers (citizen audit 7, M1, M3 and L12): a
 * condition the card states, a limit it sets, what is due to the person asking.
 */
import { describe, expect, it } from 'vitest';
import { lastReplyPlainSpaces as lastReply } from '../../support/engine-chat.js';

describe("a follow-up the card's own line answers, in the words the citizen uses", () => {
  it('«а если я не работаю» after the childcare benefit to 1.5 is its line on the unified benefit for those not working (was «Если вы об ответе…»)', () => {
    const reply = lastReply('сколько платят по уходу за ребенком до полутора лет', 'а если я не работаю');
    expect(reply.text).toMatch(/^В ответе «Пособие по уходу за ребёнком до 1,5 лет/);
    expect(reply.text).toContain('неработающим вместо него можно оформить единое пособие');
  });

  it('«а если живу с дочерью она работает» after the capital repair compensation is its condition of living alone or with non-working pensioners (was choices of the consultant and the carer payment)', () => {
    const reply = lastReply('капремонт 80 лет не платить', 'а если живу с дочерью она работает');
    expect(reply.text).toMatch(/^В ответе «Компенсация взноса на капремонт/);
    expect(reply.text).toContain('не работает и живёт один');
    expect(reply.text).not.toMatch(/Уточните, пожалуйста/);
  });

  it('«а если я работаю» after it still gets the line that working ends the right', () => {
    const reply = lastReply('капремонт 80 лет не платить', 'а если я работаю');
    expect(reply.text).toContain('Кто пошёл работать, теряет право');
  });

  it('«а пенсию заберут всю» after the care home is its line «берут не больше 75% дохода» (was «Я не уверен» and the pension dates)', () => {
    const reply = lastReply('мама с деменцией в дом престарелых как оформить', 'а пенсию заберут всю');
    expect(reply.text).toMatch(/^В ответе «Дом-интернат/);
    expect(reply.text).toContain('не больше 75% дохода');
  });
});

describe('a follow-up asking whether the measure is theirs, or under a condition no line names, gets who may get it', () => {
  it("«а мне?» after the unified benefit's amount is who may get it (income per person below the minimum), with the finder (was «Если вы об ответе…»)", () => {
    const reply = lastReply('сколько платят единое пособие', 'а мне?');
    expect(reply.text).toMatch(/^Единое пособие на детей до 17 лет .* — Кто может получить/);
    expect(reply.text).toContain('ниже прожиточного минимума');
    expect(reply.buttons).toContain('🧮 Подобрать меры для моей семьи');
  });

  it("«а мне 25» after the Volgograd young mothers' payment is its conditions, the age limit first", () => {
    const reply = lastReply('сколько дают молодым мамам в волгограде', 'а мне 25');
    expect(reply.text).toMatch(/— Кто может получить/);
    expect(reply.text).toContain('не исполнилось 24 лет');
  });

  it('«а матери» after the support of SVO families is who counts in the family (parents too)', () => {
    const reply = lastReply('сын погиб на сво что положено семье', 'а матери');
    expect(reply.text).toMatch(/— Кто может получить/);
    expect(reply.text).toContain('супруги, дети, родители');
  });

  it('«а если доход больше» after the Volgograd parental capital is its conditions with the income limit (was «Если вы об ответе…»)', () => {
    const reply = lastReply('пособие на третьего ребенка в волгограде', 'сколько', 'а если доход больше');
    expect(reply.text).toMatch(/^Областной родительский капитал .* — Кто может получить/);
    expect(reply.text).toContain('не выше 1,5 прожиточного минимума');
  });

  it("keeps the line that names the one asked for («а детям» after the survivor's pension) and says no «нет раздела» where the measure has no such part", () => {
    const children = lastReply('потеря кормильца', 'а детям');
    expect(children.text).toMatch(/^В ответе «Пенсия по потере кормильца/);
    expect(children.text).toContain('детям, внукам');
    const capital = lastReply('размер материнского капитала', 'а мне?');
    expect(capital.text).not.toMatch(/нет раздела/);
  });
});

describe("a follow-up worked out from the card's own figures", () => {
  it("«у меня пенсия 15000 плачу 4000 положено?» after the housing subsidy's 22% rule says the share (about 26%, more than 22%) before its conditions (was choices of the subsidy, the pre-pensioners and the survivor's pension)", () => {
    const reply = lastReply(
      'субсидия на жку',
      '[Сколько платят]',
      'у меня пенсия 15000 плачу 4000 положено?',
    );
    expect(reply.text).toMatch(/^4 000 ₽ из 15 000 ₽ — это около 26% дохода, больше 22%/);
    expect(reply.text).toContain('Точно решит соцзащита');
    expect(reply.text).toContain('Субсидия на оплату ЖКУ — кому положена (правило 22%) — Кто может получить');
    expect(reply.text).not.toMatch(/Уточните, пожалуйста/);
  });

  it('a share below the rule is said with the reasons it may still be due, never as a refusal', () => {
    const reply = lastReply('субсидия на жку как оформить', 'у меня пенсия 15000 плачу 2000 положено?');
    expect(reply.text).toMatch(/^2 000 ₽ из 15 000 ₽ — это около 13% дохода, меньше 22%/);
    expect(reply.text).toContain('регион может установить долю меньше');
  });

  it('a first question naming the subsidy with the rent and the pension gets the share worked out too (was the 22% rule alone); a couple’s is not, their other incomes unknown', () => {
    const reply = lastReply('пенсионер живу один, квартплата большая 6000 а пенсия 18000 положена субсидия?');
    expect(reply.text).toMatch(/^6 000 ₽ из 18 000 ₽ — это около 33% дохода, больше 22%/);
    expect(reply.text).toContain('Субсидия на оплату ЖКУ — кому положена (правило 22%) — Кто может получить');
    const couple = lastReply('положена ли субсидия живем вдвоем с мужем пенсия 20000 платим 7000 зимой');
    expect(couple.text).toMatch(/^Субсидия на оплату ЖКУ/);
    expect(couple.text).not.toMatch(/дохода, (больше|меньше)/);
  });

  it("«а на двоих детей» after the unified benefit's amount in Volgograd is twice each sum, then the line for each child (was the overview again)", () => {
    const reply = lastReply('единое пособие сколько платят', '[Волгоградская область]', 'а на двоих детей');
    expect(reply.text).toContain('На 2 детей вместе — 15 799 ₽, 23 698,50 ₽ или 31 598 ₽');
    expect(reply.text).toContain('на каждого ребёнка до 17 лет');
  });

  it("«а на двоих» after the overview's «Сколько платят» is the amount card's total (was the family payment; audit 8, H1)", () => {
    const reply = lastReply(
      'единое пособие на детей',
      '[Волгоградская область]',
      '[Сколько платят]',
      'а на двоих',
    );
    expect(reply.text).toContain('На 2 детей вместе — 15 799 ₽, 23 698,50 ₽ или 31 598 ₽');
    expect(reply.text).not.toMatch(/семейная выплата/i);
  });

  it('«у меня трое», «а на пятерых», «а на троих если 75 процентов» after the amount get the total (were «Если вы об ответе…» and «до 15 799 ₽»)', () => {
    expect(lastReply('единка сколько', '[Волгоградская область]', 'у меня трое').text).toContain(
      'На 3 детей вместе — 23 698,50 ₽, 35 547,75 ₽ или 47 397 ₽',
    );
    expect(lastReply('единое пособие сколько платят', '[Пермский край]', 'а на пятерых').text).toContain(
      'На 5 детей вместе — 42 252,50 ₽',
    );
    const share = lastReply(
      'единое пособие сколько платят',
      '[Волгоградская область]',
      'а на троих если 75 процентов',
    );
    expect(share.text).toContain('На 3 детей вместе — 35 547,75 ₽.');
  });

  it('«а на шестерых», «у нас семеро детей» after the amount get the total (were «Если вы об ответе…»: the reader stopped at five)', () => {
    expect(lastReply('единое пособие сколько платят', '[Пермский край]', 'а на шестерых').text).toContain(
      'На 6 детей вместе — 50 703 ₽, 76 054,50 ₽ или 101 406 ₽',
    );
    expect(lastReply('единка сколько', '[Волгоградская область]', 'у нас семеро детей').text).toContain(
      'На 7 детей вместе — 55 296,50 ₽',
    );
  });

  it('twins in pregnancy and two children under 1.5 get the line of the measure shown on several children (were the tax deduction and the family payment)', () => {
    const twins = lastReply('единое пособие беременным', 'а на двойню');
    expect(twins.text).toContain(
      'После рождения ребёнка на него подают отдельное заявление на единое пособие на детей',
    );
    expect(twins.text).not.toMatch(/вычет/);
    const two = lastReply('пособие по уходу до 1.5 лет', 'а на двоих детей');
    expect(two.text).toContain('пособия на них складываются');
  });
});

describe('a decision or payment late, in the words people use', () => {
  it('«а если задерживают» after the review times quotes its line on a missed deadline (was «Если вы об ответе…»)', () => {
    const reply = lastReply('сколько рассматривают заявление на единое пособие', 'а если задерживают');
    expect(reply.text).toMatch(/^В ответе «Сколько рассматривают заявления/);
    expect(reply.text).toContain('подайте жалобу на нарушение срока');
  });

  it('«пенсию задерживают что делать» is the pension dates card with what to do if it did not come (was «Я не уверен»)', () => {
    const reply = lastReply('пенсию задерживают что делать');
    expect(reply.text).toMatch(/^Когда приходит пенсия/);
    expect(reply.buttons).toContain('Если пенсия не пришла');
  });
});

describe('a short follow-up at choices, read against their measures', () => {
  it('«а на ремонт можно» at the maternity capital choices is its spending on housing (was the capital-repair compensation for pensioners; audit 8, H5)', () => {
    const reply = lastReply('материнский капитал', 'а на ремонт можно');
    expect(reply.text).toMatch(/^Маткапитал на ипотеку, покупку и строительство жилья/);
    expect(reply.text).not.toMatch(/капремонт/i);
  });
});
