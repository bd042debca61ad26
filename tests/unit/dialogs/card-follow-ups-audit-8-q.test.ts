/**
 * Follow-ups typed after one card that helpers O and P left (audit 8's follow-ups, helper Q): an age asked alone after
 * the survivor's pension, the maternity capital's amount and housing, a carer living with her son, working while
 * getting the ЕДВ. They got another measure's card or a list, though the card or its measure answers them.
 */
import { describe, expect, it } from 'vitest';
import { lastReplyPlainSpaces as lastReply } from '../../support/engine-chat.js';

describe('an age asked alone after a card whose line says until what age', () => {
  it("«а до какого возраста платят» after the survivor's pension quotes «…до 18 лет, студентам очной формы — до 23 лет» (was the retirement age's card)", () => {
    const reply = lastReply('потеря кормильца пенсия', 'а до какого возраста платят');
    expect(reply.text).toMatch(/^В ответе «Пенсия по потере кормильца/);
    expect(reply.text).toContain(
      'детям, внукам, братьям и сёстрам до 18 лет, студентам очной формы — до 23 лет',
    );
    expect(reply.text).not.toContain('пенсионный возраст по году рождения');
  });

  it('the same after the unified benefit quotes its «…на каждого ребёнка до 17 лет…»', () => {
    const reply = lastReply('единое пособие', 'а до какого возраста платят');
    expect(reply.text).toMatch(/^В ответе «Единое пособие на детей до 17 лет/);
    expect(reply.text).toContain('Единое пособие платят на каждого ребёнка до 17 лет');
  });

  it('one that names someone is read as before: «а вдове до какого возраста» is who may get it', () => {
    const reply = lastReply('потеря кормильца пенсия', 'а вдове до какого возраста');
    expect(reply.text).toContain('— Кто может получить');
    expect(reply.text).toContain('Вдова или вдовец трудоспособного возраста');
  });
});

describe('how much asked after a card with no «Сколько платят», whose line on it names no sum', () => {
  it("«а на второго сколько» after the maternity capital's card is the capital's amounts (was its line «…на второго и следующих — если раньше права на капитал не было»)", () => {
    const reply = lastReply('материнский капитал', 'а на второго сколько');
    expect(reply.text).toMatch(/^Размер материнского капитала в 2026 году — Сколько платят/);
    expect(reply.text).toContain('Второй ребёнок, если на первого капитал не получали');
    expect(reply.text).toContain('Доплата на второго, если на первого уже получили, — 234 321,23 ₽');
  });

  it('the same where the search finds the amount itself: «а на второго ребенка сколько дают»', () => {
    const reply = lastReply('материнский капитал', 'а на второго ребенка сколько дают');
    expect(reply.text).toMatch(/^Размер материнского капитала в 2026 году — Сколько платят/);
    expect(reply.text).not.toContain('если раньше права на капитал не было');
  });
});

describe('what the measure may go to, asked after its card, where the search offers it among other measures', () => {
  it("«а на ипотеку можно» after the maternity capital's card is «Маткапитал на ипотеку…» (was a list of 3: family mortgage, 450 000 ₽, the capital's housing card)", () => {
    const reply = lastReply('материнский капитал', 'а на ипотеку можно');
    expect(reply.text).toMatch(/^Маткапитал на ипотеку, покупку и строительство жилья/);
    expect(reply.text).not.toMatch(/^Уточните/);
  });

  it("a condition naming none of the choices' titles stays with the choices: «а если я живу с сыном он не инвалид» after the wheelchair card", () => {
    const reply = lastReply(
      'как получить инвалидную коляску бесплатно',
      'а если я живу с сыном он не инвалид',
    );
    expect(reply.text).not.toMatch(/^Выплата по уходу за ребёнком-инвалидом/);
  });
});

describe('a condition that says what is not so, after a card whose measures it does not name', () => {
  it("«а если я живу с сыном он не инвалид» after the care of a mother of 85: the card's parts and the consultant (was a list: the disabled child's measures, the carer payment, the social pensions' indexation)", () => {
    const reply = lastReply('ухаживаю за мамой ей 85 лет', 'а если я живу с сыном он не инвалид');
    expect(reply.text).toMatch(/^Если вы об ответе «Уход за пожилым старше 80 лет/);
    expect(reply.text).toContain('«👤 Консультант»');
    expect(reply.buttons).not.toContain('Повышение социальных пенсий с 1 апреля 2026 года');
  });
});

describe('a condition the card has no word of', () => {
  it('«а если я работаю» after the ЕДВ: who may get it, with a lead that the answer does not say it directly and where to ask (was who may get it alone)', () => {
    const reply = lastReply('ЕДВ инвалидам', 'а если я работаю');
    expect(reply.text).toMatch(/^В ответе об этом прямо не сказано/);
    expect(reply.text).toContain('«👤 Консультант»');
    expect(reply.text).toContain('Инвалиды I, II и III группы, дети-инвалиды');
    expect(reply.buttons).toContain('👤 Консультант');
  });

  it("no lead where the card has the condition's word: «а если доход больше» after the Volgograd parental capital", () => {
    const reply = lastReply('пособие на третьего ребенка в волгограде', 'сколько', 'а если доход больше');
    expect(reply.text).not.toMatch(/прямо не сказано/);
  });

  it('nor where it says so in another form: «а если я не гражданка» after the maternity capital («…гражданином России…»)', () => {
    const reply = lastReply('материнский капитал', 'а если я не гражданка');
    expect(reply.text).not.toMatch(/прямо не сказано/);
    expect(reply.text).toContain('родитель должен быть гражданином России');
  });
});
