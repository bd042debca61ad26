/**
 * A place the citizen names, through the whole engine in the citizen's own words (citizen audit 2, M3 and M4): a
 * region outside Perm and Volgograd does not lower the understanding of the question, the answer is the federal one
 * and says plainly that this region's own amounts are not in the assistant's data (with the Social Fund's number),
 * the region is remembered for the conversation (typed or pressed «Другой регион»), and a message of only a place
 * updates the region and says so instead of offering unrelated entries.
 */
import { describe, expect, it } from 'vitest';
import { buttonLabels, DialogHarness, outcomeOf, replies, replyText } from '../../support/dialog-harness.js';
import { engineChat } from '../../support/engine-chat.js';

const UNIFIED_BENEFIT = 'Единое пособие на детей до 17 лет';
/** What «сколько единое пособие» is answered with: the amount entry («единое пособие сумма», a verification pass). */
const UNIFIED_BENEFIT_AMOUNT = 'Сколько платят единое пособие на ребёнка';
const ASK_REGION = /Выберите ваш регион/;
const NOT_IN_DATA_SARATOV = /Региональных сумм для региона «Саратовская область» в моих данных нет/;
const SFR_HOTLINE = /8-800-100-00-01/;
/** Regional amounts of the served regions that must not be shown to someone from elsewhere. */
const PERM_OR_VOLGOGRAD_FIGURES = /17\u00a0424|16\u00a0901|Суммы указаны для региона/;

describe('a region outside Perm and Volgograd', () => {
  it('«я живу в саратове какие выплаты на детей» is answered as «какие выплаты на детей», federal, saying Saratov amounts are not in the data (was «Я не уверен»)', () => {
    const c = engineChat();
    const first = c.send('я живу в саратове какие выплаты на детей');
    expect(first.text).not.toMatch(/Я не уверен/);
    expect(first.text).toMatch(/^Запомнил ваш регион: Саратовская область\./);
    expect(first.text).toContain(UNIFIED_BENEFIT);
    expect(first.text).toMatch(/в среднем по России/);
    // Perm's and Volgograd's own sums are no answer for Saratov.
    expect(first.text).not.toMatch(/в Пермском крае —/);
    expect(first.text).toMatch(NOT_IN_DATA_SARATOV);
    expect(first.text).toMatch(SFR_HOTLINE);
    expect(first.text).not.toMatch(ASK_REGION);
    expect(first.buttons).not.toContain('Пермский край');
    expect(c.state()).toMatchObject({ region: 'other', otherRegion: 'saratov' });

    // The rest of the audit's conversation: where to apply is the benefit's, the amount "у нас" asks no region.
    expect(c.send('а куда обращаться').text).toMatch(/Как подать/);
    const amount = c.send('сколько единое пособие у нас');
    expect(amount.text).toContain(UNIFIED_BENEFIT_AMOUNT);
    expect(amount.text).not.toMatch(ASK_REGION);
    expect(amount.text).toMatch(NOT_IN_DATA_SARATOV);
    expect(amount.text).not.toMatch(PERM_OR_VOLGOGRAD_FIGURES);
    expect(amount.buttons).not.toContain('Другой регион');
  });

  it('«я из саратова» is acknowledged with what the assistant has for it, and the next answer does not ask the region (was the menu, then «Выберите ваш регион»)', () => {
    const c = engineChat();
    const saved = c.send('я из саратова');
    expect(saved.text).toMatch(/^Запомнил ваш регион: Саратовская область\./);
    expect(saved.text).toMatch(/Региональных выплат и сумм вашего региона в моих данных нет/);
    expect(saved.text).toMatch(SFR_HOTLINE);
    expect(saved.buttons).toContain('📞 Телефоны горячих линий');
    expect(saved.text).not.toMatch(/Я постараюсь помочь/);

    const amount = c.send('единое пособие сколько');
    expect(amount.text).toContain(UNIFIED_BENEFIT_AMOUNT);
    expect(amount.text).not.toMatch(ASK_REGION);
    expect(amount.text).toMatch(NOT_IN_DATA_SARATOV);
    // A regional question later: the federal minimum with the same words, not Perm's or Volgograd's.
    const minimum = c.send('прожиточный минимум у нас какой');
    expect(minimum.text).toMatch(NOT_IN_DATA_SARATOV);
    expect(minimum.text).not.toMatch(PERM_OR_VOLGOGRAD_FIGURES);
    expect(minimum.text).not.toMatch(ASK_REGION);
  });

  it('«Другой регион» pressed says regional amounts are not in the data and is remembered (was the same text again)', () => {
    const c = engineChat();
    expect(c.send('единое пособие сколько').text).toMatch(ASK_REGION);
    const other = c.send('[Другой регион]');
    expect(other.text).toContain(UNIFIED_BENEFIT_AMOUNT);
    expect(other.text).toMatch(/Региональных сумм для вашего региона в моих данных нет/);
    expect(other.text).toMatch(SFR_HOTLINE);
    expect(c.state().region).toBe('other');
    const later = c.send('сколько платят единое пособие на ребенка');
    expect(later.text).not.toMatch(ASK_REGION);
    expect(later.text).toMatch(/Региональных сумм для вашего региона в моих данных нет/);
    expect(later.text).not.toMatch(PERM_OR_VOLGOGRAD_FIGURES);
  });

  it('«другой регион» typed after the question for the region is the button in words (was «Если вы об ответе…»)', () => {
    const c = engineChat();
    c.send('единое пособие сколько');
    const typed = c.send('другой регион');
    expect(typed.text).toMatch(/^Запомнил: вы живёте в другом регионе\./);
    expect(typed.text).toMatch(/общероссийские правила и суммы, в вашем регионе суммы свои/);
    expect(typed.text).toMatch(SFR_HOTLINE);
    expect(c.state().region).toBe('other');
    expect(c.send('единое пособие сколько').text).not.toMatch(ASK_REGION);
  });

  it('«куда обращаться в саратове» gets where to ask there, not a refusal', () => {
    const c = engineChat();
    const where = c.send('куда обращаться в саратове');
    expect(where.text).not.toMatch(/не помогу/);
    expect(where.text).toMatch(/^Запомнил ваш регион: Саратовская область\./);
    expect(where.text).toMatch(/соцзащите вашего региона/);
    expect(where.buttons).toContain('📞 Телефоны горячих линий');
  });

  it("another region's own measure found for someone from elsewhere says whose it is instead of its figures", () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    h.text('я из саратова');
    const perm = h.kb.entry('perm-subsistence-minimum-benefits')!;
    h.search.next = {
      band: 'answer',
      hits: [{ entryId: perm.id, topic: perm.topic, score: 9 }],
      confidence: 0.8,
    };
    const effects = h.text('прожиточный минимум какой');
    expect(h.search.contexts.at(-1)).toMatchObject({ region: 'other' });
    const text = replyText(effects);
    expect(text).toMatch(/мера только для региона «Пермский край»/);
    expect(text).toMatch(/для региона «Саратовская область» в моих данных нет/);
    expect(text).not.toMatch(/17\u00a0424/);
    // The measure is one tap away: the person may be asking about Perm after all.
    expect(buttonLabels(replies(effects)[0])).toContain(perm.title);
    expect(outcomeOf(effects)).toMatchObject({ entryId: perm.id, detail: 'search:other-region' });
  });

  it('a served region named after another one replaces it, and is said', () => {
    const c = engineChat();
    c.send('я из саратова');
    expect(c.send('а нет я в перми живу').text).toMatch(/^Запомнил ваш регион: Пермский край\./);
    expect(c.state()).toMatchObject({ region: 'perm' });
    expect(c.state().otherRegion).toBeUndefined();
    expect(c.send('единое пособие сколько').text).toMatch(/Суммы указаны для региона: Пермский край/);
  });
});

describe('a regional category pressed by someone remembered as living elsewhere', () => {
  it("«📍 Пермский край» makes Perm their region and says so (its measures were answered as another region's)", () => {
    const c = engineChat();
    c.send('я из саратова');
    c.send('[🏠 Меню]');
    expect(c.send('[📍 Пермский край]').text).toMatch(/^Запомнил ваш регион: Пермский край\./);
    expect(c.state()).toMatchObject({ region: 'perm' });
    expect(c.state().otherRegion).toBeUndefined();
    expect(c.send('единое пособие сколько').text).toMatch(/Суммы указаны для региона: Пермский край/);
  });
});

describe('a region typed in the benefit finder', () => {
  it('«пермский край» at «Где вы живёте?» is the answer, not the menu label it also is (it left the questionnaire)', () => {
    const c = engineChat();
    c.send('[🧮 Подобрать меры поддержки]');
    const next = c.send('пермский край');
    expect(next.text).toMatch(/^Вопрос 2 из 9/);
    expect(next.text).not.toMatch(/Выберите тему/);
    // Outside the questionnaire the label still opens the region's menu.
    expect(engineChat().send('пермский край').text).toMatch(/^📍 Пермский край\. Выберите тему/);
  });

  it('another region by its name is «Другой регион»: «саратов» was «Не понял ответ», «в саратовской области» left the questionnaire', () => {
    for (const typed of ['саратов', 'в саратовской области', 'я из казани']) {
      const c = engineChat();
      c.send('[🧮 Подобрать меры поддержки]');
      expect(c.send(typed).text, typed).toMatch(/^Вопрос 2 из 9/);
    }
    // Pressed, the button gives the same next question.
    const c = engineChat();
    c.send('[🧮 Подобрать меры поддержки]');
    expect(c.send('[Другой регион]').text).toMatch(/^Вопрос 2 из 9/);
  });
});

describe('a town said in passing', () => {
  it("is not the citizen's region: «внук учится в томске…» keeps Perm, «из москвы пришло письмо…» names none (a verification pass: both became the region)", () => {
    const c = engineChat();
    c.send('я из перми');
    const grandson = c.send('внук учится в томске ему положена пенсия по потере кормильца?');
    expect(grandson.text).not.toMatch(/Запомнил ваш регион/);
    expect(c.state().region).toBe('perm');
    const letter = engineChat();
    expect(letter.send('из москвы пришло письмо про пенсию').text).not.toMatch(/Запомнил ваш регион/);
    expect(letter.state().region).toBeUndefined();
    // Said as where one lives, it is.
    const moved = engineChat();
    expect(moved.send('я переехала в казань какие выплаты на детей').text).toMatch(
      /^Запомнил ваш регион: Республика Татарстан\./,
    );
  });
});

describe('a message of only a place', () => {
  it('«камышин» as the first message keeps the region and offers the topics (was «С этим вопросом я не помогу»)', () => {
    const c = engineChat();
    const reply = c.send('камышин');
    expect(reply.text).toMatch(
      /^Запомнил ваш регион: Волгоградская область\.\s+Напишите ваш вопрос или выберите тему\./,
    );
    expect(reply.text).not.toMatch(/не помогу/);
    expect(reply.buttons).toContain('👵 Пенсии и пожилые');
    expect(c.state().region).toBe('volgograd');
  });

  it('«я из волжского» after the SVO answer updates the region and says so (was a choice of Volgograd contacts, minimum and parental capital)', () => {
    const c = engineChat();
    expect(c.send('вернулся с сво ранение в ногу что мне положено').text).toMatch(/Защитники Отечества/);
    const place = c.send('я из волжского');
    // The card has a Volgograd line of its own since helper P (region-lines.ts): shown again, with it.
    expect(place.text).toMatch(/^Помощь участникам СВО/);
    expect(place.text).toContain('Волгоградская область: Единый областной центр поддержки участников СВО');
    expect(place.text).not.toMatch(/Уточните, пожалуйста/);
    expect(place.buttons.join('\n')).not.toMatch(/родительский капитал/);
    expect(c.state().region).toBe('volgograd');
  });

  it('«Я ЖИВУ В КАМЫШИНЕ» after the payment dates keeps the region without the same answer again', () => {
    const c = engineChat();
    c.send('ЗДРАВСТВУЙТЕ ПОЧЕМУ МНЕ НЕ ПРИШЛА ПЕНСИЯ В ЭТОМ МЕСЯЦЕ');
    expect(c.send('Я ЖИВУ В КАМЫШИНЕ').text).toMatch(
      /^Запомнил ваш регион: Волгоградская область\. В ответе «/,
    );
  });

  it('«я из волжского» as the first message says the region is remembered before the choices', () => {
    const c = engineChat();
    expect(c.send('я из волжского').text).toMatch(/^Запомнил ваш регион: Волгоградская область\./);
  });
});

describe('a served region named after an answer of rules for all Russia', () => {
  it("says the rules are the same there and where the region's own measures are told, not that the answer is «одинаков по всей России» (it mentions the region's own centre)", () => {
    const c = engineChat();
    c.send('сын вернулся с сво ранен инвалид какие льготы');
    const region = c.send('а в волгоградской области');
    // The SVO card's Volgograd centre is a line of that region's own since helper P (region-lines.ts): the card again
    // with it, not «общероссийские правила».
    expect(region.text).toMatch(/^Помощь участникам СВО/);
    expect(region.text).toContain('Волгоградская область: Единый областной центр поддержки участников СВО');
    expect(region.text).not.toMatch(/одинаков по всей России/);
  });
});

describe('another region typed in the agency finder', () => {
  it("«саратов» and «я из казани» name the region that the directory lacks, with the Social Fund's number", () => {
    for (const [typed, region] of [
      ['саратов', 'Саратовская область'],
      ['я из казани', 'Республика Татарстан'],
      // However many words: it left the finder for the search, which answered the survivor's pension.
      ['мы с мужем из ижевска', 'Удмуртская Республика'],
    ] as const) {
      const c = engineChat();
      c.send('[📍 Куда обратиться]');
      const reply = c.send(typed);
      expect(reply.text, typed).toContain(`учреждений региона «${region}» в нём нет`);
      expect(reply.text, typed).toMatch(/8-800-100-00-01/);
    }
  });
});
