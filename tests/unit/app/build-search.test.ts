import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSearchBuilder } from '../../../src/app/build-search.js';
import { loadKnowledgeBase } from '../../../src/knowledge/knowledge-base.js';
import { compileAudience } from '../../../src/search/entry-audience.js';
import { createKnowledgeSearch } from '../../../src/search/knowledge-search.js';

const DATA_DIR = fileURLToPath(new URL('../../../data', import.meta.url));
const { kb } = loadKnowledgeBase(DATA_DIR);
const { search, understanding } = createSearchBuilder(DATA_DIR)(kb);

/** Asserts that the question is answered with this entry (a close entry of its topic may come with it). */
function expectAnswer(question: string, entryId: string): void {
  const outcome = search.search(question);
  expect({ band: outcome.band, answer: outcome.hits[0]?.entryId }, question).toEqual({
    band: 'answer',
    answer: entryId,
  });
}

/** Asserts that the question is refused as off-topic with where such questions are decided (a redirect key). */
function expectRedirect(question: string, redirect: string): void {
  const outcome = search.search(question);
  expect({ band: outcome.band, redirect: outcome.redirect }, question).toEqual({
    band: 'out_of_scope',
    redirect,
  });
}

/** Asserts that the question gets choices; returns the entries offered. */
function choicesFor(question: string): string[] {
  const outcome = search.search(question);
  expect(outcome.band, question).toBe('clarify');
  return outcome.hits.map((h) => h.entryId);
}

describe('the search the app builds from data/', () => {
  it('remembers what it read: the same outcome and reading handed out again, frozen', () => {
    expect(search.search('единое пособие')).toBe(search.search('единое пособие'));
    const terms = understanding.statedTerms('пособие по уходу');
    expect(understanding.statedTerms('пособие по уходу')).toBe(terms);
    expect(Object.isFrozen(terms)).toBe(true);
  });

  it('answers a short citizen question', () => {
    const outcome = search.search('детские на второго');
    expect(outcome.band).toBe('answer');
    expect(outcome.hits[0]?.topic).toBe('unified-child-benefit');
  });

  it('reads a follow-up about the answer shown, also with a typo or in the wrong keyboard layout', () => {
    expect(understanding.sectionRequest('а какие документы?')).toBe('documents');
    expect(understanding.sectionRequest('а какие дакументы нужны')).toBe('documents');
    expect(understanding.sectionRequest('f rfrbt ljrevtyns')).toBe('documents');
    expect(understanding.sectionRequest('скока платят')).toBe('amount');
  });

  it('takes a message that names its own subject as a new question, not as a follow-up', () => {
    expect(understanding.sectionRequest('какие документы нужны на маткапитал')).toBeUndefined();
    expect(understanding.sectionRequest('сколько платят по безработице')).toBeUndefined();
    expect(understanding.sectionRequest('куда подавать на субсидию')).toBeUndefined();
  });

  it('does not read "свой", "своих", "своего" as СВО (they share its stem), and still reads СВО', () => {
    for (const q of [
      'пособие на своего ребенка',
      'своих детей пособие',
      'хочу оформить свою пенсию',
      'свой стаж',
    ]) {
      const topics = search.search(q).hits.map((h) => h.topic);
      expect(topics, q).not.toContain('svo-participants-support');
    }
    expect(search.search('выплаты семьям сво').hits[0]?.topic).toBe('svo-participants-support');
    expect(search.search('участник СВО').hits[0]?.topic).toBe('svo-participants-support');
  });

  it.each([
    ['сколько будет пенсия с января 2027', 'pension-indexation-next-year'],
    ['положена ли компенсация за капремонт пенсионеру 80 лет', 'capital-repair-compensation-70-80'],
    ['мне положен вычет за квартиру?', 'tax-deduction-property'],
    ['доплата за ребенка пенсионеру', 'pension-children-supplement'],
    ['скока платят на втарова рибенка', 'ep-children-amount'],
    ['как продлить инвалидность', 'disability-reexamination'],
    ['как получить жилье по соцнайму', 'social-housing-queue'],
    ['пособие на ребенка в декабре когда придет', 'benefit-payment-dates'],
    ['умер муж, какие выплаты положены', 'pension-survivor'],
    ['жена умерла, дети 5 и 8 лет, что нам положено', 'pension-survivor'],
    ['налог на гараж пенсионеру', 'tax-exemption-pensioners-property'],
    ['пенсионерам налог на дачу платить надо?', 'tax-exemption-pensioners-property'],
    ['какие пособия положены матери одиночке', 'single-parent-support'],
    ['сиделка для лежачего отца от соцзащиты', 'home-social-worker'],
    ['пенсию перечисляют в почта банк, хочу в сбер', 'pension-delivery'],
    ['переезд в другой город пенсия', 'pension-delivery'],
    ['какая пенсия у инвалида 1 группы', 'pension-disability'],
    ['нечего есть, дети голодные', 'emergency-material-help'],
    ['живу одна в деревне, дрова дорогие, есть ли какая помощь на дрова?', 'housing-subsidy-eligibility'],
    ['декабрьскую пенсию выплатят раньше?', 'pension-payment-dates'],
    ['в соцзащите нахамили', 'complaint-staff-agency'],
    ['как подать заявление если нет госуслуг', 'apply-offline-or-for-relative'],
    ['уволили перед пенсией что положено', 'pre-pensioner-rights'],
    ['многодетная мать когда на пенсию', 'retirement-age-by-birth-year'],
    ['у меня четверо детей во сколько пенсия', 'retirement-age-by-birth-year'],
    ['когда мне на пенсию если я 1969 года', 'retirement-age-by-birth-year'],
    ['продуктовый набор малоимущим', 'emergency-material-help'],
    ['можно ли купить авто на материнский капитал', 'matcap-spending-education'],
    ['инвалидность ребенку с диабетом', 'disability-group-how-to-get'],
    ['мне 75 лет положена ли прибавка', 'pension-fixed-payment-increases'],
    ['повышение пенсии сельским пенсионерам', 'pension-fixed-payment-increases'],
    ['после 80 лет пенсию увеличивают?', 'pension-fixed-payment-increases'],
    ['мошенники звонят от имени соцфонда', 'personal-data-privacy'],
    ['прожиточный минимум 2027', 'subsistence-minimum-mrot'],
    ['мрот 2027', 'subsistence-minimum-mrot'],
    ['единое пособие в январе когда', 'benefit-payment-dates'],
    ['положена ли пенсия по инвалидности если я работаю', 'pension-disability'],
    ['льготу убрали', 'appeal-benefit-refusal'],
    ['приставы списали пособие', 'benefits-protected-from-debts'],
    ['удерживают 50 процентов пенсии', 'benefits-protected-from-debts'],
    ['потеряла пенсионное удостоверение', 'pension-amount-how-to-know'],
    ['жилье для сирот', 'orphans-housing'],
    ['ипотека 6 процентов', 'family-mortgage'],
    ['щас када придет пенсия', 'pension-payment-dates'],
    ['чо делать если не пришла пенсия', 'pension-payment-dates'],
    ['льготы инвалидам 2 группы', 'disability-benefits-overview'],
    ['пособие по безработице как оформить', 'unemployment-registration'],
    ['как оформить пенсию', 'pension-how-to-apply'],
    ['хочу оформить свою пенсию', 'pension-how-to-apply'],
    ['как оформить пенсию по потере кормильца', 'pension-survivor'],
    ['жена военнослужащего по призыву пособие', 'conscript-family-benefits'],
    ['жена мобилизованного пособие', 'svo-family-support'],
    ['муж военнослужащий погиб', 'svo-family-support'],
    ['когда проиндексируют единое пособие', 'ep-children-amount'],
    ['у меня ребенок инвалид, что нам положено', 'disabled-child-family-support'],
    ['уход за ребенком инвалидом выплата', 'disabled-child-carer-payment'],
    ['мне 81 год, живу одна, пенсия маленькая', 'pension-supplement-to-minimum'],
    ['аферисты звонили про пенсию', 'phone-fraud-sms-code'],
    ['сколько дней больничного на ребенка', 'sick-leave-child-care'],
    ['больничный по уходу за ребенком', 'sick-leave-child-care'],
    ['как узнать размер своей пенсии', 'pension-amount-how-to-know'],
    ['какая у меня пенсия', 'pension-amount-how-to-know'],
  ])('answers "%s", once answered wrongly or not at all, from %s', (question, entryId) => {
    const outcome = search.search(question);
    expect(outcome.band).toBe('answer');
    expect(outcome.hits[0]?.entryId).toBe(entryId);
  });

  it('asks which is meant where a message fits two measures equally, instead of answering one (was the social package only)', () => {
    const outcome = search.search('как вернуть деньги за лекарства');
    expect(outcome.band).toBe('clarify');
    expect(
      outcome.hits
        .slice(0, 2)
        .map((h) => h.entryId)
        .sort(),
    ).toEqual(['nsu-replace-with-money', 'tax-deduction-social']);
  });

  it('answers the Far North record from the entries that state its rule (was the labour-veteran title at 0.66)', () => {
    const outcome = search.search('северный стаж 15 лет женщина');
    expect(outcome.band).toBe('answer');
    expect(['retirement-age-by-birth-year', 'pension-fixed-payment-increases']).toContain(
      outcome.hits[0]?.entryId,
    );
  });

  it('a welfare word with only words of asking ("как оформить пособие") gets choices, like the word alone (was a hand-off)', () => {
    for (const q of ['как оформить пособие', 'положено ли мне пособие']) {
      const outcome = search.search(q);
      expect(outcome.band, q).toBe('clarify');
      expect(outcome.hits.length, q).toBeGreaterThan(1);
    }
  });

  it('a plea that names no measure ("помощь", "где мои деньги", one word such as "опять") is vague, not off-topic or answered from an entry that happens to use the word; Gosuslugi is in scope', () => {
    for (const q of [
      'помощь',
      'где мои деньги',
      'куда писать',
      'почему так мало',
      'плохо',
      'опять',
      'ошибка',
      'срочно',
    ])
      expect(search.search(q), q).toMatchObject({ band: 'out_of_scope', intent: 'vague' });
    expect(search.search('как приготовить борщ').intent).not.toBe('vague');
    // One word that names a measure is still answered or asked about.
    expect(search.search('соцконтракт').hits[0]?.entryId).toBe('social-contract-overview');
    expect(['answer', 'clarify']).toContain(search.search('алименты').band);
    expect(search.search('сколько ждать').hits[0]?.entryId).toBe('application-review-times');
    expect(search.search('как подать на госуслугах').band).not.toBe('out_of_scope');
  });

  it('reads a utility named alone ("свет", "газ") as the housing and utility measures to choose from, and "компенсация за газ пенсионеру" as the EDK; an outage stays off-topic', () => {
    for (const q of ['свет', 'газ', 'нечем платить за свет'])
      expect(choicesFor(q), q).toContain('housing-subsidy-eligibility');
    expectAnswer('компенсация за газ пенсионеру', 'utility-compensation-edk');
    expect(search.search('отключили свет').intent).toBe('off_topic');
  });

  it('a pension of someone disabled since childhood is not answered with the carer payment alone; the social pension and the cost of the MSE are answered', () => {
    expect(choicesFor('инвалид с детства пенсия')).toContain('pension-disability');
    expectAnswer('как оформить социальную пенсию', 'social-pension-who-gets');
    expectAnswer('сколько стоит оформить инвалидность', 'disability-group-how-to-get');
    expect(search.search('как оформить инвалидность').band).toBe('answer');
  });

  it("a lost job finds the employment centre, and a disabled child's survivor pension the survivor pension (was answered with the social contract and with the April indexation)", () => {
    for (const [q, id] of [
      ['потерял работу что делать', 'unemployment-registration'],
      ['ребенок инвалид пенсия по потере кормильца', 'pension-survivor'],
    ] as const) {
      const outcome = search.search(q);
      expect(['answer', 'clarify'], q).toContain(outcome.band);
      expect(outcome.hits[0]?.entryId, q).toBe(id);
    }
  });

  it('a benefit named alone is answered with the entry that has its name as an example question, its amount a button away: "единка" and "ЕП" were refused as off-topic, "единое пособие" was a hand-off, then choices (citizen audit 7, M4), "субсидия на ЖКУ" was answered with its renewal, then choices', () => {
    expect(search.search('что такое ЕП').hits.map((h) => h.entryId)).toContain('ep-children-overview');
    for (const q of ['единка', 'ЕП', 'единое пособие']) {
      const outcome = search.search(q);
      expect({ band: outcome.band, hits: outcome.hits.map((h) => h.entryId) }, q).toEqual({
        band: 'answer',
        hits: ['ep-children-overview', 'ep-children-amount'],
      });
    }
    for (const q of ['субсидия на ЖКУ', 'ЖКУ субсидия пермь']) expectAnswer(q, 'housing-subsidy-eligibility');
    // Without such an example question, a benefit's entries that score alike are still the choices.
    expect(choicesFor('пособие по безработице')[0]).toBe('unemployment-benefit-amount');
    // Named with what is asked about, it is answered.
    expectAnswer('как оформить субсидию на жку', 'housing-subsidy-apply');
    expectAnswer('пособие по безработице сколько', 'unemployment-benefit-amount');
    expectAnswer('что такое нсу', 'nsu-social-package-contents');
    expect(search.search('единое пособие на второго ребенка').band).toBe('answer');
  });

  it('answers how to get a SNILS, for a newborn or after marriage (was refused as off-topic, or a hand-off)', () => {
    for (const q of ['снилс ребенку как получить', 'потеряла снилс', 'как поменять снилс после замужества'])
      expectAnswer(q, 'snils-how-to-get');
  });

  it("a flat from the state is the social housing queue, not the orphans' housing; the status of an application is not refused as off-topic", () => {
    expectAnswer('как получить квартиру от государства', 'social-housing-queue');
    expectAnswer('сирота как получить квартиру от государства', 'orphans-housing');
    const status = search.search('как узнать статус заявления');
    expect(status.band).not.toBe('out_of_scope');
    expect(status.hits[0]?.entryId).toBe('application-review-times');
  });

  it('"что такое мсэ" is answered with how a disability is assessed, not with how to contest it; a refusal still with the appeal', () => {
    expectAnswer('что такое мсэ', 'disability-group-how-to-get');
    expectAnswer('мсэ отказала', 'disability-mse-appeal');
    expectAnswer('главное бюро мсэ', 'disability-mse-appeal');
  });

  it('a disability pension named alone, or with how it is calculated or applied for, is the disability pension (was a hand-off, or how to get a group)', () => {
    expectAnswer('пенсия по инвалидности', 'pension-disability');
    expectAnswer('расчет пенсии по инвалидности', 'pension-disability');
    expectAnswer('пенсия по инвалидности как оформить', 'pension-disability');
    // The pension's rules: minimum record, how it is calculated, buying years with voluntary contributions.
    expectAnswer('как рассчитать пенсию', 'pension-work-record-points');
    expectAnswer('стаж для пенсии минимальный', 'pension-work-record-points');
    expectAnswer('купить стаж для пенсии', 'pension-work-record-points');
  });

  it("compensation for firewood is a choice of the housing subsidy and the disabled people's compensation (was the latter alone), and the latter for a disabled person", () => {
    expect(choicesFor('компенсация за дрова')).toEqual(
      expect.arrayContaining(['utility-compensation-disabled', 'housing-subsidy-eligibility']),
    );
    expectAnswer('инвалиду компенсация за дрова', 'utility-compensation-disabled');
    expectAnswer('субсидия на дрова', 'housing-subsidy-eligibility');
  });

  it('a fire and a lack of money for medicines are the one-off help in hardship (were refused as off-topic)', () => {
    for (const q of ['помощь погорельцам', 'сгорел дом что делать', 'не хватает денег на лекарства'])
      expectAnswer(q, 'emergency-material-help');
    // Free medicines of a disabled person are still the social package.
    expectAnswer('бесплатные лекарства инвалиду 3 группы', 'nsu-social-package-contents');
  });

  it("a person laid off is told about the severance pay and the employment centre, not only the pre-pensioners' rights", () => {
    expect(choicesFor('уволили по сокращению что положено')).toContain('unemployment-registration');
    expectAnswer('выходное пособие при сокращении', 'unemployment-registration');
    expectAnswer('предпенсионер уволили что положено', 'pre-pensioner-rights');
    // "сокращают" stems apart from "сокращение": a lay-off near the pension is the pre-pensioners', otherwise the centre's.
    expectAnswer('меня сокращают за год до пенсии', 'pre-pensioner-rights');
    expectAnswer('сокращают на работе что делать', 'unemployment-registration');
  });

  it('care for an adult named by who they are is the care of the elderly and the disabled, not the childcare benefit', () => {
    for (const q of [
      'кто может оформить уход за мной',
      'уход за мамой оформить',
      'кто может ухаживать за бабушкой 85 лет',
    ])
      expectAnswer(q, 'care-elderly-80-disabled-1');
    expectAnswer('уход за сыном инвалидом с детства', 'disabled-child-carer-payment');
    // A grandchild with a disability is a disabled child's care (was a choice with the over-80s' care second).
    expectAnswer('бабушка ухаживает за внучкой инвалидом, платят ли ей', 'disabled-child-carer-payment');
  });

  it("a husband who lost his job is not offered the survivor's pension; a death named with it still is", () => {
    const laidOff = choicesFor('мужа уволили, денег нет');
    expect(laidOff).toContain('emergency-material-help');
    expect(laidOff).not.toContain('pension-survivor');
    expect(search.search('муж потерял работу денег нет').hits.map((h) => h.entryId)).not.toContain(
      'pension-survivor',
    );
    expectAnswer('муж умер, а меня уволили', 'pension-survivor');
    expect(search.search('меня сократили я инвалид 2 группы какая пенсия').hits[0]?.entryId).toBe(
      'pension-disability',
    );
  });

  it('a New Year payment to pensioners is answered with how such payments are made and how to spot a fraud (was a hand-off, or the payment dates)', () => {
    expectAnswer('новогодняя выплата пенсионерам 2026', 'new-year-payment-pensioners');
    expectAnswer('будет ли 13 пенсия в декабре', 'new-year-payment-pensioners');
    // The January pension paid in December is a payment date; next year's indexation is its own entry.
    expectAnswer('пенсию за январь принесут в декабре?', 'pension-payment-dates');
    expectAnswer('индексация пенсии с 1 января 2027 на сколько', 'pension-indexation-next-year');
  });

  it("a pensioner's question about benefits in general gets the overview (was a hand-off, or the property tax alone); a carer from the state is a home social worker", () => {
    expectAnswer('пенсионер живет один какие льготы', 'pensioner-benefits-overview');
    expectAnswer('какие льготы положены пенсионеру', 'pensioner-benefits-overview');
    expectAnswer('какие льготы пенсионерам', 'pensioner-benefits-overview');
    // A named measure is still answered by its own entry.
    expectAnswer('налог на квартиру пенсионеру', 'tax-exemption-pensioners-property');
    expectAnswer(
      'мне 72 года живу одна, можно не платить за капремонт?',
      'capital-repair-compensation-70-80',
    );
    expectAnswer('сиделка от государства', 'home-social-worker');
  });

  it('a lost disability certificate or rehabilitation programme is answered with the duplicate and the register extract (was how to get a group, or the TSR)', () => {
    for (const q of [
      'справка мсэ потерялась как восстановить',
      'потеряла справку об инвалидности что делать',
      'где взять копию справки об инвалидности',
      'выписка из реестра инвалидов',
      'ипра потеряли где восстановить',
    ])
      expectAnswer(q, 'disability-certificate-copy');
    // Two short questions that sat at the minimum evidence, which each new entry about disability lowered a little;
    // each is a synonym group of its own since, whose concept token keeps it well above.
    expectAnswer('как оформить инвалидность', 'disability-group-how-to-get');
    expectAnswer('льготы инвалидам', 'disability-benefits-overview');
    expectAnswer('ипра на коляску как получить', 'tsr-how-to-get');
  });

  it('free legal aid is answered with who gets it and where (was the disabled overview, or a hand-off for "нужен юрист"); asking for a person still hands over', () => {
    for (const q of [
      'бесплатная юридическая помощь',
      'нужен бесплатный адвокат пенсионеру',
      'нужен юрист',
      'кто поможет составить иск бесплатно',
    ])
      expectAnswer(q, 'free-legal-aid');
    expectAnswer('где получить бесплатную консультацию юриста', 'free-legal-aid');
    // Whoever asks for a free lawyer: free legal aid comes first (was the family payments only).
    expect(choicesFor('многодетной маме бесплатный адвокат положен в волгограде?')).toContain(
      'free-legal-aid',
    );
    expectAnswer('нужен юрист чтобы обжаловать отказ в пособии', 'appeal-benefit-refusal');
    expect(search.search('позовите юриста').intent).toBe('human');
    expectAnswer('куда обратиться за консультацией по льготам лично, запишите меня', 'talk-to-consultant');
    // Its words ("бесплатно", "помощь") do not take other questions.
    expectAnswer('санаторий пенсионеру бесплатно', 'nsu-social-package-contents');
    expect(choicesFor('помощь инвалиду')[0]).toBe('disability-benefits-overview');
  });

  it("a school uniform for a large family is answered with the large families' regional measures (was a hand-off)", () => {
    expectAnswer('школьная форма многодетным', 'large-family-benefits');
    expectAnswer('компенсация за школьную форму', 'large-family-benefits');
  });

  it('a forgotten Gosuslugi password is answered with how to get back in (was a hand-off)', () => {
    expectAnswer('не могу зайти на госуслуги забыла пароль', 'gosuslugi-apply-online');
    expectAnswer('забыл пароль госуслуги', 'gosuslugi-apply-online');
  });

  it('money for expensive treatment is the one-off help, which also names free treatment under OMS (was the tax deduction, or a choice led by the housing subsidy)', () => {
    expectAnswer('нужны деньги на дорогое лечение', 'emergency-material-help');
    expectAnswer('ребенку нужна дорогая операция где взять деньги', 'emergency-material-help');
    expectAnswer('оплатить лечение помощь от государства', 'emergency-material-help');
    expectAnswer('налоговый вычет за операцию', 'tax-deduction-social');
  });

  it("a pensioner's subsidy for the flat is the housing subsidy (was a choice led by the property tax); a benefit for a child under 3 is a choice of the monthly payment from maternity capital and the unified benefit, which replaced the first child's payment to 3 (was a choice led by the payment dates)", () => {
    expectAnswer('субсидия на квартиру пенсионеру как оформить', 'housing-subsidy-apply');
    const underThree = choicesFor('пособие на ребенка до 3 лет');
    expect(underThree.slice(0, 2)).toEqual(['matcap-monthly-payment', 'ep-children-overview']);
    expectAnswer('пособие до 1.5 лет', 'childcare-under-1-5-amount');
  });

  it('alimony withheld from a pension finds the limits on deductions (was answered with the income documents)', () => {
    expect(choicesFor('алименты с пенсии')[0]).toBe('benefits-protected-from-debts');
    expectAnswer('удерживают алименты из пенсии', 'benefits-protected-from-debts');
    expectAnswer('алименты получаю наличными, как подтвердить для пособия', 'income-certificates-documents');
  });

  it('a fraud victim is told to call the bank and the police (was a choice with the childcare benefit); help for a pensioner offers the overview, and help at home is the home social worker (was the one-off help alone)', () => {
    expectAnswer('бабушку обманули мошенники', 'personal-data-privacy');
    // The overview and the one-off help score within 2% of each other: either may lead.
    expect(choicesFor('помощь пенсионеру').slice(0, 2)).toContain('pensioner-benefits-overview');
    expectAnswer('помощь по дому пенсионеру', 'home-social-worker');
    expectAnswer('материальная помощь пенсионеру', 'emergency-material-help');
  });

  it('the unified benefit after a divorce, and the payments it replaced, are answered with its overview (were a hand-off, or a choice led by the guardianship payment)', () => {
    expectAnswer('развелись кто получает единое пособие', 'ep-children-overview');
    expectAnswer('выплата на ребенка до 7 лет', 'ep-children-overview');
  });

  it("a home-front worker's benefits are not answered with the Perm measures alone (a choice with the regional monthly payment and the utility compensation); the Perm question still finds them", () => {
    expect(choicesFor('труженик тыла льготы')).toEqual(
      expect.arrayContaining(['edv-veterans-other-categories', 'utility-compensation-edk']),
    );
    expectAnswer('труженикам тыла какие выплаты', 'edv-veterans-other-categories');
    expectAnswer('труженик тыла пермь лекарства бесплатно', 'perm-subsistence-minimum-benefits');
  });

  it("a single mother who does not work is offered the single parents' entry first, not the tax deduction", () => {
    expect(search.search('мать одиночка 3 детей не работаю что положено').hits[0]?.entryId).toBe(
      'single-parent-support',
    );
    expectAnswer('я мать одиночка, положен двойной вычет на ребенка?', 'tax-deduction-children');
  });

  it('reads "когда на пенсию" as the retirement age, and "когда придет пенсия" still as a payment date', () => {
    expect(search.search('когда на пенсию').hits[0]?.entryId).toBe('retirement-age-by-birth-year');
    expect(search.search('когда придет пенсия в декабре').hits[0]?.entryId).toBe('pension-payment-dates');
  });

  it("a pension that did not come is the pension's payment dates, not the child benefits' (citizen audit 2, M5); a benefit's is still theirs", () => {
    expectAnswer('ЗДРАВСТВУЙТЕ ПОЧЕМУ МНЕ НЕ ПРИШЛА ПЕНСИЯ В ЭТОМ МЕСЯЦЕ', 'pension-payment-dates');
    expectAnswer('пособие не пришло что делать', 'benefit-payment-dates');
    expectAnswer('детские в декабре когда перечислят', 'benefit-payment-dates');
    // «какого числа» was the child benefits' keyword alone (a verification pass).
    expectAnswer('какого числа приходит пенсия', 'pension-payment-dates');
    expectAnswer('какого числа пенсия в январе', 'pension-payment-dates');
    expectAnswer('какого числа приходит единое пособие', 'benefit-payment-dates');
  });

  it('«единое пособие сумма» is its amount, not the alimony counted in income (a verification pass)', () => {
    expectAnswer('единое пособие сумма', 'ep-children-amount');
    expectAnswer('сумма алиментов для единого пособия', 'ep-children-alimony');
  });

  it('tells an English question it cannot read from Russian in Latin letters, which it answers', () => {
    expect(search.search('Hello, I need help with pension')).toMatchObject({
      band: 'out_of_scope',
      intent: 'foreign',
    });
    expect(search.search('posobie na rebenka').band).toBe('answer');
    expect(search.search('Hello, can you help me?').intent).toBe('foreign');
    expect(search.search('hello').intent).toBe('greeting');
  });

  it('a father\'s "декрет" is the childcare leave (was the maternity benefit for working women); "декретный отпуск" alone is still the maternity leave', () => {
    for (const q of [
      'декретный отпуск отцу можно',
      'можно ли мужу в декрет',
      'папа в декрете пособие положено',
    ])
      expectAnswer(q, 'childcare-under-1-5-who');
    expect(search.search('декретный отпуск сколько длится').hits[0]?.topic).toBe('maternity-benefit');
  });

  it("relatives taking a pensioner's pension get the crisis reply (was a hand-off, or the guardianship payment)", () => {
    expectAnswer('сын пьет и отбирает пенсию', 'crisis-emergency-help');
    expect(choicesFor('внук забирает пенсию у бабушки')[0]).toBe('crisis-emergency-help');
  });

  it('"детский сад" is not read as the slang "детские" (the unified benefit): a disabled child\'s place and fee are the family support entry (was maternity capital), a place in the queue is out of scope', () => {
    for (const q of [
      'место в детском саду для ребенка инвалида',
      'надо ли платить за садик ребенку инвалиду',
    ])
      expectAnswer(q, 'disabled-child-family-support');
    for (const q of [
      'как встать в очередь в детский сад',
      'записать ребенка в садик',
      'как записать в первый класс',
    ])
      expect(search.search(q).band, q).toBe('out_of_scope');
    expect(choicesFor('компенсация за детский сад')).toContain('matcap-spending-education');
    expectAnswer('как оплатить маткапиталом садик', 'matcap-spending-education');
    expectAnswer('первоочередное место в детском саду многодетным', 'large-family-benefits');
  });

  it('"детского дома" is not the slang "детские" for the unified benefit: an orphanage leaver gets the orphans\' housing (was the unified benefit\'s property rules); "детские" still is', () => {
    expectAnswer('выпускник детского дома квартира', 'orphans-housing');
    expect(search.search('бесплатное детское питание до 3 лет').hits[0]?.topic).not.toBe(
      'unified-child-benefit',
    );
    expectAnswer('получаю детские на двоих', 'ep-children-overview');
    expectAnswer('детские в декабре когда перечислят', 'benefit-payment-dates');
  });

  it("a military pension is not answered with the SVO families' entry: how to apply says the ministry's pension body assigns it, and so does the survivor's pension", () => {
    expectAnswer('военная пенсия по выслуге куда обращаться', 'pension-how-to-apply');
    expect(choicesFor('пенсия военным пенсионерам')).toContain('pension-how-to-apply');
    expectAnswer('муж был военным пенсионером умер куда за пенсией', 'pension-survivor');
  });

  it('"статус ветерана труда" in a region is how to get the title (was a choice led by the Perm large families\' status)', () => {
    expectAnswer('как получить статус ветерана труда в перми', 'labour-veteran-title');
    expectAnswer('как получить статус многодетной семьи в перми', 'perm-large-family-status');
  });

  it('reads "when do you work?" as the service hours, and an agency\'s hours on a holiday as a question for the knowledge base', () => {
    for (const q of [
      'когда работают консультанты',
      'вы работаете в праздники?',
      'консультант в выходные отвечает',
    ])
      expect(search.search(q).intent, q).toBe('hours');
    expect(search.search('позовите консультанта').intent).toBe('human');
    expect(search.search('соцзащита работает 31 декабря').hits[0]?.entryId).toBe('hotlines-contacts');
    // An office's hours on a day the directory's cards show are the agency finder's (citizen audit 6).
    expect(search.search('когда работает мфц').intent).toBe('find_office');
    expect(search.search('когда придет пенсия').hits[0]?.entryId).toBe('pension-payment-dates');
  });

  it('leaves a utility outage to the housing services (was answered with the housing subsidy), but not a cut-off for debts', () => {
    for (const q of [
      'отопление отключили зимой',
      'нет горячей воды неделю',
      'батареи холодные, куда жаловаться',
    ]) {
      const outcome = search.search(q);
      expect(outcome.band, q).toBe('out_of_scope');
      expect(outcome.intent, q).toBe('off_topic');
    }
    expect(search.search('отключили газ за долги').intent).toBeUndefined();
    expect(search.search('субсидия на отопление').hits[0]?.entryId).toBe('housing-subsidy-eligibility');
  });

  it('leaves residence registration to the migration service (was answered with the housing subsidy), but not a benefit asked about without one; a social card goes to a person (was out of scope)', () => {
    for (const q of ['как прописаться в квартиру', 'как прописать ребенка', 'выписаться из квартиры как'])
      expect(search.search(q).band, q).toBe('out_of_scope');
    expect(search.search('нет прописки положено ли пособие').band).not.toBe('out_of_scope');
    expect(search.search('как получить социальную карту').band).toBe('handoff');
  });

  it("says where an off-topic question is decided: a doctor, the police's migration office, the housing company, the education department", () => {
    const cases: [string, string | undefined][] = [
      ['болит горло у ребенка чем лечить', 'medicine'],
      ['как записаться к терапевту', 'medicine'],
      ['как поменять паспорт после замужества', 'documents'],
      ['как прописаться в квартиру', 'documents'],
      ['отопление отключили зимой', 'utilities'],
      ['перерасчет за коммуналку если не живу', 'utilities'],
      ['как встать в очередь в детский сад', 'education'],
      ['как списать долги по кредиту если нечем платить', 'loans'],
      ['как узнать свой инн', 'taxes'],
      ['как получить полис омс', 'medicine'],
      ['курс доллара на сегодня', undefined],
    ];
    for (const [q, redirect] of cases) {
      const outcome = search.search(q);
      expect(outcome.intent, q).toBe('off_topic');
      expect(outcome.redirect, q).toBe(redirect);
    }
    expect(search.search('справка из поликлиники для пособия').redirect).toBeUndefined();
  });

  it('"удержать" and "удерживают" are one word: how much can be deducted from a pension is the debts entry (was a hand-off)', () => {
    expectAnswer('сколько могут удержать из пенсии по суду', 'benefits-protected-from-debts');
  });

  it('a smaller pension is answered with how to see the amount and the usual reasons (was the unemployment benefit); "сократили пособие" is not a layoff before retirement', () => {
    expectAnswer('почему уменьшили пенсию', 'pension-amount-how-to-know');
    expectAnswer('пенсия пришла меньше', 'pension-amount-how-to-know');
    expect(search.search('сократили пособие почему').band).not.toBe('answer');
    expectAnswer('сократили перед пенсией', 'pre-pensioner-rights');
  });

  it('a birth said the way people say it ("после родов", "родила ребенка") is the birth payments (was a hand-off); disability after a stroke is how to get a group (was a hand-off)', () => {
    expectAnswer('после родов какие выплаты', 'birth-lump-sum-amount');
    expectAnswer('родила ребенка какие пособия', 'birth-lump-sum-amount');
    expectAnswer('инвалидность после инсульта как оформить', 'disability-group-how-to-get');
  });

  it('renewing the unified benefit is its overview, which says when to apply again (was a hand-off)', () => {
    expectAnswer('когда продлевать единое пособие', 'ep-children-overview');
    expectAnswer('как продлить единое пособие', 'ep-children-overview');
  });

  it('appealing a refused subsidy is the appeal entry (was a hand-off); a relative with dementia gets guardianship over an adult (was out of scope, then a hand-off)', () => {
    expectAnswer('как обжаловать отказ в субсидии', 'appeal-benefit-refusal');
    expectAnswer('признать недееспособной маму с деменцией', 'adult-guardianship');
    expect(search.search('у папы деменция куда обратиться').hits[0]?.entryId).toBe('adult-guardianship');
  });

  it('an answer brings the entry of its topic that scored nearly as well: the participants\' own benefits under the families\' (which ranks first for "участник сво льготы"), contesting a refusal under getting a group', () => {
    const hits = (q: string) => search.search(q).hits.map((h) => h.entryId);
    expect(hits('участник сво льготы')).toEqual(['svo-family-support', 'svo-participant-support']);
    expect(hits('что такое мсэ')).toEqual(['disability-group-how-to-get', 'disability-mse-appeal']);
    // A clear answer comes alone.
    expect(hits('как оформить субсидию на жку')).toEqual(['housing-subsidy-apply']);
  });

  it("when the maternity benefit comes is the processing times, which now give its 10 working days (was the benefit's amount, which said nothing of when)", () => {
    expectAnswer(
      'через сколько дней переведут декретные после подачи больничного',
      'application-review-times',
    );
    expectAnswer('когда придут декретные после подачи', 'application-review-times');
  });

  it('care for an adult of disability group I is the compensation that went into the pension (was a choice led by the payment for the disabled since childhood); since childhood it stays that payment', () => {
    expectAnswer('уход за инвалидом 1 группы выплата', 'care-elderly-80-disabled-1');
    expectAnswer(
      'можно ли маме оформить ежемесячную выплату по уходу за мной, я инвалид 1 группы не с детства',
      'care-elderly-80-disabled-1',
    );
    // Answered or first among choices (it was the first choice; with "доплата за уход" among the entry's words it is
    // answered, and the entry says the since-childhood payment is a separate one).
    expect(
      search.search('муж инвалид 1 группы, мне 45, платят ли что-то за уход за ним').hits[0]?.entryId,
    ).toBe('care-elderly-80-disabled-1');
    expectAnswer('уход за инвалидом 1 группы с детства', 'disabled-child-carer-payment');
    // An age of 80 or more written as a number (was a choice with the childcare benefit second)
    expectAnswer(
      'хочу оформить уход за соседкой ей 82 года, что нужно и платят ли за это',
      'care-elderly-80-disabled-1',
    );
    expectAnswer('оформить уход за инвалидом с детства 1 группы 30 лет', 'disabled-child-carer-payment');
  });

  it("free medicines for a disabled adult are the set of social services (were a choice led by the disability overview); a child's stay with the family entries", () => {
    expectAnswer('инвалиду 3 группы положены бесплатные лекарства?', 'nsu-social-package-contents');
    expectAnswer(
      'положено ли бесплатное лекарство по льготе инвалиду 3 группы или только деньгами',
      'nsu-social-package-contents',
    );
    expectAnswer('инвалид 2 группы лекарства бесплатно', 'nsu-social-package-contents');
    expectAnswer('бесплатные лекарства многодетным', 'large-family-benefits');
    expectAnswer('лекарства ребенку инвалиду бесплатно', 'disabled-child-family-support');
  });

  it('work on a collective or state farm is agricultural work: the rural pension supplement (was a choice led by the supplement up to the minimum)', () => {
    expectAnswer('доплата к пенсии за стаж в колхозе', 'pension-fixed-payment-increases');
    expectAnswer('работала в совхозе дояркой надбавка к пенсии', 'pension-fixed-payment-increases');
  });

  it("the unified benefit's size next year is its amount, which says how it is recalculated (was the 2027 citizenship rule, the only entry that named the year); that rule still answers questions about citizenship", () => {
    expectAnswer('размер единого пособия в 2027', 'ep-children-amount');
    expectAnswer('единое пособие в 2027 году гражданство', 'ep-children-citizenship');
  });

  it('a year says when, not what: "сколько будет единое пособие в 2027" is the amount (was the 2027 citizenship rule, on the year alone), and who retires in 2027 leads with the retirement age (was the indexation)', () => {
    expectAnswer('сколько будет единое пособие в 2027 году', 'ep-children-amount');
    expectAnswer('сколько будет единое пособие в 2027', 'ep-children-amount');
    expectAnswer('с 2027 года детские только тем кто давно в гражданстве?', 'ep-children-citizenship');
    expect(choicesFor('кто уходит на пенсию в 2027 году')[0]).toBe('retirement-age-by-birth-year');
  });

  it('this year says only "now": "какие выплаты положены на ребенка в 2026 году" asked in 2026 is the general question (was the March 2026 alimony rule, the one entry naming the year), and next year still picks its entries', () => {
    for (const q of ['какие выплаты положены на ребенка в 2026 году', 'выплаты на детей 2026']) {
      const outcome = search.search(q, { currentYear: 2026 });
      expect({ band: outcome.band, answer: outcome.hits[0]?.entryId }, q).toEqual({
        band: 'answer',
        answer: 'ep-children-overview',
      });
      expect(search.search(q, { currentYear: 2027 }).hits[0]?.entryId, q).toBe('ep-children-alimony');
    }
    const nextYear = search.search('сколько будет пенсия в 2027 году', { currentYear: 2026 });
    expect(nextYear.hits[0]?.entryId).toBe('pension-indexation-next-year');
  });

  it('«когда проиндексируют пенсию в 2026» is the 2026 indexation (7,6% from 1 January), not the article about 2027', () => {
    for (const q of ['когда проиндексируют пенсию в 2026', 'когда индексация пенсии в 2026 году']) {
      const outcome = search.search(q, { currentYear: 2026 });
      expect({ band: outcome.band, answer: outcome.hits[0]?.entryId }, q).toEqual({
        band: 'answer',
        answer: 'pension-indexation-2026',
      });
    }
    expect(
      search.search('на сколько повысят пенсию в 2027 году', { currentYear: 2026 }).hits[0]?.entryId,
    ).toBe('pension-indexation-next-year');
    // «Поднимут… с 1 января 2026» asked in December may mean either: the 2026 indexation is a button under the
    // answer (it was the 2027 article alone).
    const either = search.search('на сколько поднимут пенсию с 1 января 2026', { currentYear: 2026 });
    expect(either.hits.map((h) => h.entryId)).toContain('pension-indexation-2026');
  });

  it("the large families' 10% rule answers only large families or an income just over the limit: a refusal for a deposit got it, with «Отказы пересмотрят сами»", () => {
    expectAnswer(
      'мне отказали в едином пособии из за вклада в банке 500 тысяч это законно',
      'ep-children-property',
    );
    for (const q of ['а сколько процентов от дохода', 'отказали в детских из за вклада']) {
      const outcome = search.search(q);
      expect(outcome.band === 'answer' && outcome.hits[0]?.entryId, q).not.toBe(
        'ep-children-large-family-10',
      );
    }
    expectAnswer('многодетным оставят единое пособие если доход чуть выше', 'ep-children-large-family-10');
    expectAnswer('закон про 10 процентов', 'ep-children-large-family-10');
  });

  it("a pensioner in Volgograd asking «сколько прожиточный минимум пенсионера» gets the region's figures, its pensioners' among them (was Russia's per-capita line)", () => {
    const outcome = search.search('сколько прожиточный минимум пенсионера', {
      region: 'volgograd',
      currentYear: 2026,
    });
    expect({ band: outcome.band, answer: outcome.hits[0]?.entryId }).toEqual({
      band: 'answer',
      answer: 'volgograd-subsistence-minimum',
    });
  });

  it('the carer payment answered for "пенсия по уходу за инвалидом" also says what became of the payment for caring for an adult of group I or someone over 80', () => {
    expectAnswer('сколько будет пенсия по уходу за инвалидом', 'disabled-child-carer-payment');
    const entry = kb.entries.find((e) => e.id === 'disabled-child-carer-payment');
    expect(entry?.short).toMatch(/старше 80 лет.*добавлены к пенсии/);
  });

  it('an entry written for conscripts\' families answers only a question that names them: "выплата беременной жене студента" gets choices led by the students\' measures, with it last at most (was answered with it)', () => {
    // The survivor's pension (nobody died) led these choices and kept the conscripts' entry out of the three; without
    // it, that entry comes last, as `requires` places an entry written for others (helper S).
    const choices = choicesFor('выплата беременной жене студента');
    expect(choices[0]).toBe('perm-birth-payment-students-svo');
    expect(choices).not.toContain('pension-survivor');
    expect(choices.indexOf('conscript-family-benefits')).toBeOneOf([-1, choices.length - 1]);
    expect(choicesFor('жена студентка беременна какие выплаты')[0]).toBe('perm-birth-payment-students-svo');
    expectAnswer('муж служит срочную, я беременна, что положено', 'conscript-family-benefits');
    expectAnswer('муж в армии жена беременна выплаты', 'conscript-family-benefits');
    const handedOff = search.search('беременной жене выплаты');
    expect(handedOff.band).toBe('handoff');
    expect(handedOff.hits[0]?.entryId).toBe('ep-pregnancy-overview');
  });

  it("the labour veterans' entries answer only questions about veterans: free buses for pensioners lead with the pensioners' overview (was answered with the veterans' benefits), an honorary donor is not told about the veteran title", () => {
    expect(choicesFor('положен ли бесплатный проезд пенсионерам в автобусе')[0]).toBe(
      'pensioner-benefits-overview',
    );
    expect(search.search('почетный донор').band).toBe('handoff');
    expectAnswer('бесплатный проезд ветеранам труда в автобусе есть?', 'labour-veteran-benefits');
    expectAnswer('как получить статус ветерана труда', 'labour-veteran-title');
  });

  it('names the group of an entry that requires one in every example question of that entry', () => {
    const tuned = createKnowledgeSearch(kb, { dataDir: DATA_DIR });
    const written = kb.entries.filter((e) => e.requires !== undefined);
    expect(written.length).toBeGreaterThan(0);
    for (const e of written) {
      const namesAudience = compileAudience(e.requires!);
      for (const q of e.questions) {
        expect(namesAudience(tuned.explain(q).query.words), `${e.id}: ${q}`).toBe(true);
      }
    }
  });

  it('"какие выплаты на ребенка" and "какие пособия положены на ребенка" are the unified benefit (were hand-offs offering the disabled people\'s monthly payment or the birth payment); a disabled child\'s stay with the family support entry', () => {
    expectAnswer('какие выплаты на ребенка', 'ep-children-overview');
    expectAnswer('какие пособия положены на ребенка', 'ep-children-overview');
    expectAnswer('выплата на ребенка', 'ep-children-overview');
    expectAnswer('какие выплаты на ребенка инвалида', 'disabled-child-family-support');
    expectAnswer('какие пособия положены на ребенка инвалида', 'disabled-child-family-support');
  });

  it("a working pensioner's pension is the working pensioners' entry, which says it is paid and what stops (was the indexation entry, before that a choice or a hand-off offering the disability pension); an unpaid benefit is a payment delay", () => {
    expectAnswer('работающим пенсионерам платят пенсию', 'pension-while-working');
    expectAnswer('платят ли пенсию если работаешь', 'pension-while-working');
    expect(search.search('не выплатили пособие уже 2 месяца куда обращаться').hits[0]?.entryId).toBe(
      'benefit-payment-dates',
    );
  });

  it("sick leave is welfare: a sick child's sick leave is that entry, not a doctor's matter (was refused as one); a quota for an operation goes to the doctors", () => {
    expectAnswer('ребенок болеет часто больничный сколько дней оплачивают', 'sick-leave-child-care');
    expectRedirect('квота на операцию', 'medicine');
  });

  it('"как получить соцконтракт" is the social contract\'s overview (was the contract for a business)', () => {
    expectAnswer('как получить соцконтракт', 'social-contract-overview');
    expectAnswer('как полчить соц контракт', 'social-contract-overview');
    expectAnswer('соцконтракт на бизнес как получить', 'social-contract-business');
  });

  it('"когда дадут пенсию по старости" asks the retirement age (was the social pension, which is for those without the record); when it comes is still a payment date', () => {
    expectAnswer('когда дадут пенсию по старости', 'retirement-age-by-birth-year');
    expect(choicesFor('пенсия по старости когда придет')[0]).toBe('pension-payment-dates');
    // The social pension is for those without the insurance record: not the answer to the old-age pension alone.
    expect(choicesFor('когда пенсия по старости')).not.toContain('social-pension-who-gets');
    expectAnswer('как оформить социальную пенсию по старости', 'social-pension-who-gets');
  });

  it('"пенсия по старости во сколько лет" and "когда выйду на пенсию" ask the retirement age too (were choices led by how to apply, and a hand-off)', () => {
    for (const q of [
      'пенсия по старости во сколько лет',
      'во сколько лет дают пенсию по старости',
      'когда выйду на пенсию',
      'когда можно выйти на пенсию',
    ])
      expectAnswer(q, 'retirement-age-by-birth-year');
  });

  it('the pension at 80 ("маме исполнилось 80 лет, пенсию увеличат?") leads with the fixed payment doubling (was answered with the care payment for the over-80s); care for the over-80s is still the care entry', () => {
    expect(choicesFor('маме исполнилось 80 лет, пенсию увеличат сами или надо в пфр идти?')[0]).toBe(
      'pension-fixed-payment-increases',
    );
    expectAnswer('после 80 лет пенсия увеличивается?', 'pension-fixed-payment-increases');
    expectAnswer('уход за пожилым старше 80 лет', 'care-elderly-80-disabled-1');
  });

  it('whether a family counts as large or low-income is the status (were the 450,000 mortgage payment and the housing queue); the mortgage and the queue keep their questions', () => {
    expect(choicesFor('третий ребенок от второго брака, мы многодетные или нет')[0]).toBe(
      'large-family-certificate',
    );
    expect(
      choicesFor('мы с сыном живем на 15 тыщ, как нам стать малоимущими официально и что за это будет')[0],
    ).toBe('low-income-status');
    expectAnswer('450 тысяч на ипотеку многодетным положено', 'mortgage-450k-overview');
    expectAnswer('как встать в очередь на жилье малоимущим', 'social-housing-queue');
  });

  it('"а работу найти помогут" is the employment centre\'s help (was "I am not sure")', () => {
    expectAnswer('а работу найти помогут', 'employment-support-training');
  });

  it("a payment for a wound is the SVO participants' fund (were choices of the New Year payment and the family payment); an injury at work is not", () => {
    expectAnswer('а выплата за ранение сколько', 'svo-participant-support');
    expect(search.search('ранение на работе больничный').hits[0]?.entryId).not.toBe(
      'svo-participant-support',
    );
  });

  it('a carer of a bedridden parent asking about a care payment gets the care entry (what happened to the compensation), not childcare choices', () => {
    expectAnswer(
      'папе 72 после инсульта лежачий я ухаживаю положена ли мне доплата за уход',
      'care-elderly-80-disabled-1',
    );
  });

  it("a survivor's pension for grandchildren whose mother is alive is answered with the rule that it needs a death", () => {
    expectAnswer('пенсия по потере кормильца внукам положена если мать жива', 'pension-survivor');
    expect(kb.entry('pension-survivor')!.short).toMatch(
      /после смерти кормильца[\s\S]*лишён родительских прав — этой пенсии нет/,
    );
  });

  it('what a foster family is paid is the guardianship payments, also with the region named (was the Perm large-family status, which counts foster children, then choices led by the payments)', () => {
    // Choices led by the payments again since guardianship over adults has an entry: «опека» is in one entry more,
    // and the Perm large-family status (which counts foster children) comes near enough to be offered.
    expect(search.search('сколько платят приемной семье в месяц в пермском крае').hits[0]?.entryId).toBe(
      'guardianship-monthly',
    );
    expectAnswer('приемная семья многодетная пермь', 'perm-large-family-status');
  });

  it("bankruptcy is for the MFC or a court, with the loans' redirect (was answered with benefits protected from debt collection); what is left of a pension during it stays a search", () => {
    expectRedirect('банкротство через мфц бесплатно как списать кредиты', 'loans');
    expect(search.search('при банкротстве пенсию арестуют?').hits[0]?.entryId).toBe(
      'benefits-protected-from-debts',
    );
  });

  it('one\'s own pension to come ("сколько у меня будет пенсия", "как узнать скока у меня будет пенсия когда выйду") is how a pension is worked out (were choices of any pension entry, and a hand-off); the pension next year is still the indexation', () => {
    for (const q of [
      'сколько у меня будет пенсия',
      'как узнать скока у меня будет пенсия когда выйду',
      'какая у меня будет пенсия',
      'как узнать какая будет пенсия',
    ])
      expectAnswer(q, 'pension-work-record-points');
    expectAnswer('сколько будет пенсия в 2027 году', 'pension-indexation-next-year');
  });

  it('applying for a relative or without the Internet is the entry on applying in person (were out of scope, a hand-off, choices without it); "пенсия за мужа" is still a survivor\'s pension, and applying on Gosuslugi still the online entry', () => {
    for (const q of [
      'можно ли подать за маму заявление',
      'маме 85 госуслуг у нее нет, как я подам за нее заявление',
      'нету интернета можно подать заявление на пособие лично',
      'заявление за маму',
    ])
      expectAnswer(q, 'apply-offline-or-for-relative');
    expectAnswer('пенсия за мужа умершего', 'pension-survivor');
    expect(choicesFor('как подать на госуслугах')[0]).toBe('gosuslugi-apply-online');
  });

  it('the unified benefit for pregnant women answers only a question about a pregnancy: applying for the unified benefit in person is not answered with it', () => {
    expect(choicesFor('как подать заявление на единое пособие через мфц если нет госуслуг')[0]).toBe(
      'apply-offline-or-for-relative',
    );
    expectAnswer('какие справки из женской консультации нужны для единого пособия', 'ep-pregnancy-apply');
    // Nor is its overview offered when no pregnancy is named (was among the choices).
    expect(choicesFor('почему не дали единое пособие')).not.toContain('ep-pregnancy-overview');
    expect(search.search('еп беременным').hits.map((h) => h.entryId)).toContain('ep-pregnancy-overview');
  });

  it('complaining about queues at an office is the complaint entry (was a hand-off: the queues were a word it did not have)', () => {
    expectAnswer('в пфр очереди по 3 часа куда пожаловаться', 'complaint-staff-agency');
    expectAnswer('очередь на жилье', 'social-housing-queue');
  });

  it("a town or region named sets the scene, it does not make a regional entry the answer to another subject (were choices led by the region's contacts or figures); the region's own contacts still answer where its offices are", () => {
    expectAnswer(
      'соцконтракт на самозанятость хочу маникюр открыть в Соликамске сколько дадут',
      'social-contract-business',
    );
    expectAnswer(
      'меня сократили с завода в Волжском, зарплата была 50 тыс. сколько будет пособие по безработице и сколько месяцев',
      'unemployment-benefit-amount',
    );
    expectAnswer(
      'куда писать заявление на социальное обслуживание на дому в Волгограде',
      'home-social-worker',
    );
    expectAnswer('где находится цсзн в волжском и как туда дозвонится', 'volgograd-social-agencies-contacts');
  });

  it('second probe batch: "индексировать" finds the indexation, "дом инвалидов" is residential care, "надо заявление или сами назначат" the pension supplement, a heart attack a reason for disability (were hand-offs and the home social worker)', () => {
    expectAnswer('будут ли индексировать пенсию работающим', 'pension-indexation-2026');
    expectAnswer(
      'какие документы нужны чтобы оформить отца в дом инвалидов',
      'nursing-home-residential-care',
    );
    expectAnswer(
      'доплата до прожиточного минимума надо заявление или сами назначат',
      'pension-supplement-to-minimum',
    );
    expectAnswer('какие документы собирать на инвалидность после инфаркта', 'disability-group-how-to-get');
  });

  it("the utility account itself (its holder after a death, paying through a bank) gets the utilities redirect (were the survivor's pension and the housing subsidy); compensations paid to a bank card stay with the search", () => {
    expectRedirect('как переоформить лицевой счет на квартиру после смерти мужа', 'utilities');
    expectRedirect('как оплатить коммуналку через сбербанк онлайн без комиссии', 'utilities');
    // The compensations to choose from, the ЕДК first: the disabled people's 50% is theirs (its `requires`).
    const paidToCard = search.search('компенсацию за коммуналку перечисляют на сбербанк онлайн?');
    expect(paidToCard.band).toBe('clarify');
    expect(paidToCard.hits[0]?.entryId).toBe('utility-compensation-edk');
  });

  it('child support itself (its share of earnings, collecting it) gets the alimony redirect (was the family payment); alimony counted in a benefit stays with the search', () => {
    expectRedirect('алименты на двоих детей сколько процентов от зарплаты', 'alimony');
    expectRedirect('бывший не платит алименты что делать', 'alimony');
    expectAnswer('нужно ли подавать на алименты в суд чтобы получить единое пособие', 'ep-children-alimony');
    expectAnswer(
      'муж должен алименты от первого брака, дадут ли нам семейную выплату',
      'family-payment-overview',
    );
  });

  it('bringing gas to a house is not a utility bill: "можно ли маткапиталом оплатить газ провести в дом" is about maternity capital (was the housing subsidy); "субсидия на газ" is still the subsidy', () => {
    expect(search.search('можно ли маткапиталом оплатить газ провести в дом').hits[0]?.topic).toBe(
      'maternity-capital-spending',
    );
    expect(search.search('субсидия на газ').hits[0]?.entryId).toBe('housing-subsidy-eligibility');
  });

  it("payments to guardians are for guardians of children: guardianship of an adult with dementia is its own entry (was answered with them); a grandchild's guardian still is", () => {
    expectAnswer(
      'как оформить опеку над бабушкой с деменцией, признать недееспособной',
      'adult-guardianship',
    );
    expectAnswer('оформила опеку над внучкой какие выплаты', 'guardianship-monthly');
    expectAnswer('сколько платят опекуну', 'guardianship-monthly');
  });

  it('"обл" is "область", not a rare word of one Volgograd entry\'s examples, and the birth payment needs a birth or a child in the question: neither is the answer to questions about something else (were)', () => {
    expect(
      search.search('пенсионерам бесплатный проезд в электричке есть в волгоградской обл?', {
        region: 'volgograd',
      }).band,
    ).not.toBe('answer');
    expect(
      search.search(
        'волгоградская обл, умер муж, денег нет вообще, есть единовременное пособие от области?',
        {
          region: 'volgograd',
        },
      ).hits[0]?.entryId,
    ).not.toMatch(/^birth-lump-sum/);
    expectAnswer('какие документы нужны на единовременное пособие при рождении', 'birth-lump-sum-apply');
    expect(
      search.search('сколько составляет пм на одного человека в волгоградской обл в этом году', {
        region: 'volgograd',
      }).hits[0]?.entryId,
    ).toBe('volgograd-subsistence-minimum');
  });

  it('what large families get in general is the large-family measures: "льготы многодетным" is answered with them (was a choice), and in a region they are offered beside its payment (was its payment alone); a discount on electricity stays the compensation', () => {
    expectAnswer('льготы многодетным', 'large-family-benefits');
    expect(
      search
        .search('многодетным в волгоградской области что положено', { region: 'volgograd' })
        .hits.map((h) => h.entryId),
    ).toContain('large-family-benefits');
    expectAnswer('льготы на оплату электроэнергии многодетным', 'utility-compensation-edk');
  });

  it("the regional birth payments need a birth in the question: a letter about a mother's disability group in Volzhsky or a husband's death in Chusovoy is not answered with them (was)", () => {
    const mse = search.search(
      'Здравствуйте. Маме 62 года, у неё сахарный диабет, ампутированы пальцы на ноге, была вторая группа. На переосвидетельствовании в Волжском поставили третью, хотя ей стало только хуже. Мы не согласны. Куда писать, в какой срок?',
      { region: 'volgograd' },
    );
    expect(mse.band === 'answer' && mse.hits[0]?.entryId === 'volgograd-young-mother-payment').toBe(false);
    const survivor = search.search(
      'Здравствуйте. Прошлой осенью погиб в аварии мой муж, ему было 45. Я осталась с двумя сыновьями, 10 и 17 лет, старший в следующем году поступает в колледж на очное. Живём в Чусовом. Положена ли детям пенсия по потере кормильца?',
      { region: 'perm' },
    );
    expect(
      survivor.band === 'answer' && survivor.hits[0]?.entryId === 'perm-birth-payment-students-svo',
    ).toBe(false);
    expectAnswer('мне 23 родила первенца в волжском, что дает область', 'volgograd-young-mother-payment');
  });

  it('a soft sign left out of a short word is put back: "ветерану труда лготы" is the veterans\' benefits (was a choice led by the title)', () => {
    expectAnswer('ветерану труда лготы', 'labour-veteran-benefits');
  });

  it('"инвалидам льготы перечень", the words the other way round and a list asked for, is the disability benefits overview (was a hand-off)', () => {
    expectAnswer('инвалидам льготы перечень', 'disability-benefits-overview');
    expectAnswer('инвалиду какие льготы', 'disability-benefits-overview');
  });

  it('years at home with children counted in a pension granted are answered with the pension\'s supplement for children (a letter about them was answered with the childcare benefit, on "полтора", then offered both)', () => {
    const letter =
      'Добрый день. Мне 60 лет, в девяностые родила и вырастила четверых детей, с каждым сидела дома по полтора-два года, поэтому стаж небольшой. Пенсию назначили маленькую. Слышала, что за детей должны что-то добавлять. Учитывали ли мне эти годы и можно ли сделать перерасчёт?';
    expectAnswer(letter, 'pension-children-supplement');
    expectAnswer('пособие по уходу за ребенком до полутора лет сколько', 'childcare-under-1-5-amount');
  });

  it("how much the unified benefit is, with the region named, leads with its amount (was the region's subsistence-minimum entry, or choices led by its contacts)", () => {
    expect(
      search.search('единка на ребенка в пермском крае скока в 2026', { region: 'perm', currentYear: 2026 })
        .hits[0]?.entryId,
    ).toBe('ep-children-amount');
    expectAnswer('100 процентов единки это сколько в пермском крае', 'ep-children-amount');
  });

  it('"маткапитал папе могут выдать?" leads with who gets the certificate, which names fathers (was spending on housing)', () => {
    expect(choicesFor('маткапитал папе могут выдать?')[0]).toBe('matcap-certificate');
    expectAnswer('папа в декрете', 'childcare-under-1-5-who');
  });

  it('"урезали" is "уменьшили": "пенсию урезали почему" is how to see the amount and why it changes (was a hand-off)', () => {
    expectAnswer('пенсию урезали почему', 'pension-amount-how-to-know');
  });

  it('what a child of two or more is entitled to is not the childcare benefit, which ends at 1.5 years (was answered with it, on its "за 2 предыдущих года"), nor the citizenship rule\'s "5 лет" (was answered with it): the unified benefit', () => {
    // Since helper Z the child's age is context, and the unified benefit's overview the answer from 1.5 years (2 years
    // were choices led by its amount, 3 and 5 choices led by the overview).
    expectAnswer('ребенку 2 года какие пособия положены', 'ep-children-overview');
    expectAnswer('ребенку 3 года какие пособия положены', 'ep-children-overview');
    expectAnswer('ребенку 5 лет какие пособия', 'ep-children-overview');
    // Under 1.5 years, who gets the childcare benefit (and the unified benefit for those not working), not its amount.
    expectAnswer('ребенку 1 год какие пособия положены', 'childcare-under-1-5-who');
    // The carer payment is for caring for a disabled child: "10 лет" is not its "10 000".
    expectAnswer('сыну 10 лет какие выплаты положены', 'ep-children-overview');
    expectAnswer('мы иностранцы с внж, можно получать единое пособие на детей', 'ep-children-citizenship');
  });

  it("the maternity benefit of students is not offered to those who do not say they study: beside the working women's (it was the button under it) or among the ways to apply (it was the second choice)", () => {
    const outcome = search.search('декретные сколько платят в 2026 году');
    expect({ band: outcome.band, hits: outcome.hits.map((h) => h.entryId) }).toEqual({
      band: 'answer',
      hits: ['maternity-benefit-working'],
    });
    // No rival either: the pregnant women's unified benefit answers it (it was a choice; citizen audit 7, M4).
    expect(
      search.search('как подать на пособие беременным через госуслуги').hits.map((h) => h.entryId),
    ).toEqual(['ep-pregnancy-apply']);
    expectAnswer('пособие беременной студентке', 'maternity-benefit-students');
  });

  it('danger at home now (being thrown out, a home lost to a fire, threats and a door broken in) is a crisis, handed to a person with the crisis help', () => {
    for (const q of [
      'меня выгоняют из дома с детьми',
      'свекровь выгоняет из квартиры',
      // Was choices of the survivor's pension and alimony.
      'После развода бывший муж приходит пьяный, ломает дверь и угрожает мне и детям. Куда бежать?',
      // Was choices of the survivor's pension and the material help.
      'Дочь с двумя детьми ночью сбежала от пьяного мужа, сидят на вокзале в чужом городе, денег нет.',
      // Was answered with the one-off material help, which takes weeks.
      'добрый вечер. после пожара остались без жилья совсем, я с двумя детьми ночую у знакомых но завтра надо уходить. Камышин. где можно временно пожить?',
    ]) {
      const outcome = search.search(q);
      expect({ band: outcome.band, intent: outcome.intent, entry: outcome.hits[0]?.entryId }, q).toEqual({
        band: 'handoff',
        intent: 'crisis',
        entry: 'crisis-emergency-help',
      });
    }
  });

  it('a long letter about something the knowledge base does not cover is not answered with an entry that shares only its asides (age, town, pension)', () => {
    for (const q of [
      'Здравствуйте. Над нами живут соседи, каждую ночь шумят, музыка, крики до трёх часов. Мне 78, мужу 80, у него сердце, не спим совсем. Участковый не приходит. Куда жаловаться на шумных соседей в Урюпинске?',
      'добрый вечер. внука 12 лет обижают одноклассники в школе в Волжском, отбирают телефон, учительница не реагирует. дочь работает, я его воспитываю, я на пенсии. куда жаловаться на школу, в управление образования?',
    ])
      expect(search.search(q).band, q).not.toBe('answer');
    // A letter that asks what an entry answers still gets it.
    expectAnswer(
      'здравствуйте. дочь с мужем хотят строить дом на своём участке в Кудымкаре, сами, без подрядчика, зять всё умеет. можно ли потратить маткапитал на такую стройку и что для этого нужно? заранее спасибо',
      'matcap-spending-housing',
    );
  });

  it('reads an abbreviation dictated letter by letter: "м с э направление где брать" and "тэ эс эр что такое" were refused as off-topic, "е д в когда придет после мсэ" was answered with getting a group', () => {
    expectAnswer('м с э направление где брать', 'disability-group-how-to-get');
    expectAnswer('тэ эс эр что такое и кому', 'tsr-how-to-get');
    expect(choicesFor('е д в когда придет после мсэ')).toContain('edv-disabled');
  });

  it('mends a word broken by a stray space: "пере освидетельствование" and "много детным" were hand-offs', () => {
    expectAnswer('пере освидетельствование 1 группы раз в сколько лет', 'disability-reexamination');
    expectAnswer('льготы много детным семьям', 'large-family-benefits');
  });

  it('reads the words people use: "инвалидка" (was choices without getting a group), "приемная мама" (was refused), "детдомовцы" (was a hand-off), "не на что купить лекарства" (was refused)', () => {
    expectAnswer('как дают инвалидку с чего начать', 'disability-group-how-to-get');
    expectAnswer('приемной маме зарплату платят?', 'guardianship-monthly');
    expectAnswer('детдомовцам квартира положена', 'orphans-housing');
    expectAnswer('помогите лекарства купить не на что', 'emergency-material-help');
  });

  it("tax on selling or letting a home is the tax service's (was answered with the pensioners' property tax relief); the relief itself stays", () => {
    expectRedirect('налог с продажи квартиры платить надо', 'taxes');
    expectRedirect('сдаю комнату студентке, как платить налог', 'taxes');
    expectAnswer('налог на квартиру пенсионеру', 'tax-exemption-pensioners-property');
  });

  it("sick leave for one's own illness is not the sick leave to care for a child (was answered with it)", () => {
    expect(search.search('больничный по своей болезни сколько платят').band).not.toBe('answer');
    expectAnswer('больничный на ребенка 3 года сколько дней', 'sick-leave-child-care');
  });

  it('a situation told around its question finds the measure asked about, not the one its illness or family names', () => {
    // Each was answered with another entry: getting a group (twice), the disability overview, the students' maternity
    // benefit, the Volgograd young mothers' payment.
    expectAnswer(
      'После инсульта мне дали вторую группу, врач советует санаторное лечение. Можно ли поехать бесплатно и как это оформить?',
      'nsu-social-package-contents',
    );
    expectAnswer(
      'У мамы после перелома шейки бедра первая группа, нужны ходунки и кресло-туалет. Оплатит ли это государство?',
      'tsr-how-to-get',
    );
    expectAnswer(
      'Я работаю официально, дочери установили инвалидность. Насколько меньше налога будут брать с моей зарплаты?',
      'tax-deduction-children',
    );
    expectAnswer(
      'Мне 66, я на пенсии, а дочь учится очно в вузе и живёт на мои деньги. Могут ли мне что-то прибавить к пенсии, пока она учится?',
      'pension-children-supplement',
    );
  });

  it("disputes with an employer, an inheritance and a bank's own loan terms are redirected, also from a welfare letter; benefits around them stay with the search", () => {
    // Each was answered with an entry: the unemployment registration, the survivor's pension, the capital repair
    // compensation, the pregnant women's benefit.
    expectRedirect('выходное пособие при сокращении сколько окладов платит работодатель', 'labour');
    expectRedirect(
      'Беременна, а работодатель ставит меня в ночные смены и грозит уволить, если откажусь. Это законно?',
      'labour',
    );
    expectRedirect(
      'Меня не берут на работу и прямо говорят — из-за беременности. Это законно и куда жаловаться?',
      'labour',
    );
    expectRedirect(
      'Работала продавцом в Урюпинске, хозяин выгнал без записи в трудовой и не заплатил за два последних месяца. Как вернуть эти деньги?',
      'labour',
    );
    expectRedirect(
      'Умер отец, после него остались кредиты в двух банках. Должна ли я их выплачивать?',
      'inheritance',
    );
    expectRedirect('как вступить в наследство на дом в деревне', 'inheritance');
    expectRedirect('кредит на ремонт пенсионерам под маленький процент', 'loans');
    expectAnswer('на работе не дают отпуск по уходу за ребенком', 'childcare-under-1-5-who');
    expectAnswer('недополученная пенсия умершего наследникам', 'deceased-unpaid-pension');
    expectAnswer('меня сокращают с работы что делать', 'unemployment-registration');
    expect(search.search('льготные кредиты для семей с детьми на квартиру').redirect).toBeUndefined();
  });

  it("a region named in passing weighs half: a student's maternity benefit in Perm is answered (was choices with the Perm birth payment)", () => {
    expectAnswer('студентка колледжа очно скока декретные в перми', 'maternity-benefit-students');
  });

  it('a misspelt word still names the group an entry is written for: "социальая пенсия возраст" is the social pension (was choices without it)', () => {
    expectAnswer('социальая пенсия возраст', 'social-pension-who-gets');
  });

  it('what large families get is the answer to what they are entitled to (was a choice led by their status; before that, the benefits gave way to other topics)', () => {
    expectAnswer(
      'нас 5 человек трое детей, что нам как многодетным полагается от государства',
      'large-family-benefits',
    );
  });

  it('a husband killed in a crash, a brother back from a contract, a housewife with no pension: each finds its measure (were the unified benefit, the social contract, the crisis help)', () => {
    expectAnswer(
      'Муж разбился на машине, остались сыновья 5 и 12 лет, я работаю. Что теперь положено детям?',
      'pension-survivor',
    );
    expectAnswer(
      'Брат вернулся с контракта без ноги, ходит на костылях, бумаги ему никто не оформил. С чего начать и кто поможет?',
      'svo-participant-support',
    );
    expectAnswer(
      'Мне 66, всю жизнь была домохозяйкой, никакой пенсии у меня нет. Положено ли мне хоть что-нибудь?',
      'social-pension-who-gets',
    );
    // A stroke that "разбил" someone is not a death.
    expect(search.search('маму разбил инсульт, кто будет за ней ухаживать').hits[0]?.entryId).not.toBe(
      'funeral-benefit',
    );
  });

  it("a temporary residence permit (РВП) asks the unified benefit's citizenship rule (was choices without it)", () => {
    expectAnswer('рвп единое пособие на детей положено', 'ep-children-citizenship');
  });

  it('a threat to sue is not a crisis', () => {
    expect(search.search('соседи угрожают нам судом из за протечки').intent).toBeUndefined();
  });

  it("a hand-off about getting a child's disability offers how to get a group (offered the disability pension)", () => {
    const outcome = search.search('инвалидность ребенку с аутизмом');
    expect(outcome.hits[0]?.entryId).toBe('disability-group-how-to-get');
    expectAnswer('пенсия по инвалидности ребенку', 'pension-disability');
  });

  it('a benefit "не дали" was refused: "почему не дали единое пособие" is a choice with the refusal reasons and the appeal (was answered with the amount, on "дали")', () => {
    expect(choicesFor('почему не дали единое пособие')).toEqual(
      expect.arrayContaining(['ep-children-property', 'appeal-benefit-refusal']),
    );
    expectAnswer('почему нам дали 50 процентов а соседям 100', 'ep-children-amount');
  });

  it("where an office is, with no place named, is the agency finder's question; with a place, that region's contacts; its phone, the hotlines", () => {
    for (const q of ['где находится соцзащита', 'адрес мфц', 'где мфц', 'как записаться в мфц'])
      expect(search.search(q).intent, q).toBe('find_office');
    expectAnswer('где мфц в волгограде', 'volgograd-social-agencies-contacts');
    expectAnswer('где находится соцзащита в перми', 'perm-social-agencies-contacts');
    expectAnswer('телефон соцзащиты', 'hotlines-contacts');
  });

  it("«где находится соцзащита в кунгуре», «где находится мфц в камышине»: a town of a served region the directory lacks gets that region's contacts (a hand-off «not sure», or «Уточните…»: «находится» was in no entry)", () => {
    for (const q of [
      'где находится соцзащита в кунгуре',
      'где находится соцзащита в березниках',
      'где находится собес в лысьве',
    ])
      expectAnswer(q, 'perm-social-agencies-contacts');
    for (const q of [
      'где находится мфц в камышине',
      'где находится соцзащита в камышине',
      'где находится пенсионный фонд в урюпинске',
    ])
      expectAnswer(q, 'volgograd-social-agencies-contacts');
  });

  it("«где соцзащита в чусовом»: the town is only where the office is, so an entry whose example names the town is no rival to the contacts (it got «Уточните…» with the large families' status)", () => {
    for (const q of ['где соцзащита в чусовом', 'где мфц в чусовом', 'где соцзащита в березниках'])
      expectAnswer(q, 'perm-social-agencies-contacts');
  });

  it("an office's hours are the agency finder's too, whose cards have them (citizen audit 6: the hotlines' entry, which says only that they differ)", () => {
    for (const q of [
      'мфц во сколько работает',
      'где мфц работает в субботу',
      'соцзащита в субботу работает?',
      'режим работы мфц',
    ])
      expect(search.search(q).intent, q).toBe('find_office');
    // Holidays are not in the directory, nor the Social Fund's offices; the consultants' hours are the assistant's own.
    expect(search.search('до скольки работает клиентская служба соцфонда').intent).toBeUndefined();
    expect(search.search('пенсионный фонд работает 31 декабря?').intent).toBeUndefined();
    expect(search.search('во сколько работают консультанты').intent).toBe('hours');
    expect(search.search('до скольки мфц принимает документы на пособие').intent).toBeUndefined();
    // An age, or a measure named, is no office's hours (verification pass 7: «Напишите ваш город»).
    for (const q of [
      'до скольки лет многодетным льготы в соцзащите',
      'центр занятости во сколько лет можно встать на учет',
      'с какого времени соцзащита назначает субсидию',
      'соцзащита в выходные помогает с продуктами',
      'до скольки лет соцзащита платит на ребенка',
    ])
      expect(search.search(q).intent, q).toBeUndefined();
    for (const q of ['соцзащита работает сегодня?', 'во сколько закрывается мфц'])
      expect(search.search(q).intent, q).toBe('find_office');
  });

  it("where an office is, then where the person lives, is the finder's question whatever village follows (was the household-farm social contract)", () => {
    for (const q of [
      'где соцзащита я живу в деревне Ключи',
      'куда обращаться я живу в деревне Ключи',
      'где мфц у нас в деревне Ключи',
    ])
      expect(search.search(q).intent, q).toBe('find_office');
    // A subject asked about stays the search's.
    expectAnswer('где оформить соцконтракт на хозяйство в деревне', 'social-contract-farm');
    expect(search.search('куда обращаться за пособием я живу в деревне').intent).toBeUndefined();
  });

  it('a misspelt welfare word is still one: "скока платят пинсионерам" is not refused as off-topic', () => {
    expect(search.search('скока платят пинсионерам').band).toBe(
      search.search('сколько платят пенсионерам').band,
    );
    expect(search.search('сколько стоит пиво').band).toBe('out_of_scope');
  });

  it('"сколько платят при рождении" is about the birth benefit, not off-topic; a birthday is still off-topic', () => {
    const birth = search.search('сколько платят при рождении');
    expect(birth.band).not.toBe('out_of_scope');
    expect(birth.hits[0]?.entryId).toBe('birth-lump-sum-amount');
    for (const q of ['с днем рождения', 'поздравляю с рождением сына'])
      expect(search.search(q).band, q).toBe('out_of_scope');
  });

  it('the lump sum at birth and the lump sum for a child taken into a family are told apart by their names', () => {
    // The guardianship entry's title («Единовременное пособие при усыновлении…») was read as the birth lump sum.
    expectAnswer('единовременное пособие при рождении сколько в 2026', 'birth-lump-sum-amount');
    expectAnswer('единовременное пособие при рождении сколько', 'birth-lump-sum-amount');
    expectAnswer('единовременное пособие при усыновлении', 'guardianship-lump-sum');
    // A guardian's lump sum too (it was the monthly payments to guardians).
    expectAnswer('единовременная выплата при опеке над внуком', 'guardianship-lump-sum');
    expectAnswer('единовременное пособие опекуну', 'guardianship-lump-sum');
  });

  it('"какие льготы пенсионерам" is one subject, answered with the pensioners\' overview (was a choice at the minimum evidence); a measure named with it still finds the measure', () => {
    for (const q of ['какие льготы пенсионерам', 'льготы пенсионерам', 'что положено пенсионеру'])
      expectAnswer(q, 'pensioner-benefits-overview');
    expect(search.search('льготы пенсионерам по налогу на имущество').hits[0]?.entryId).toBe(
      'tax-exemption-pensioners-property',
    );
  });

  it('"как оформить инвалидность" is far above the minimum evidence (it sat at 2.456 against 2.45) and still not a wheelchair', () => {
    const tuned = createKnowledgeSearch(kb, { dataDir: DATA_DIR });
    expect(tuned.explain('как оформить инвалидность').evidence).toBeGreaterThan(5);
    expectAnswer('получить инвалидность', 'disability-group-how-to-get');
    expectAnswer('как получить инвалидную коляску бесплатно', 'tsr-how-to-get');
  });

  it('"льготы инвалидам" is one subject, answered with the overview (was a choice, and a hand-off whenever another entry came to mention disabled people); a labour veteran\'s sanatorium is the veterans\' benefits (was the title)', () => {
    for (const q of ['льготы инвалидам', 'льготы для инвалидов', 'что положено инвалиду 1 группы'])
      expectAnswer(q, 'disability-benefits-overview');
    // A measure named with it leads (since the medicines hint, it is the answer).
    expect(
      search.search('положено ли бесплатное лекарство по льготе инвалиду 3 группы или только деньгами')
        .hits[0]?.entryId,
    ).toBe('nsu-social-package-contents');
    expectAnswer('как получить путевку в санаторий ветерану труда', 'labour-veteran-benefits');
  });

  it('finds the region in a message, also typed in the wrong layout', () => {
    expect(understanding.region('живу в Камышине')).toBe('volgograd');
    expect(understanding.region('gthvm')).toBe('perm');
    // The soft sign people often put in: "а в перьми?" after the Volgograd minimum got the Perm contacts.
    expect(understanding.region('а в перьми?')).toBe('perm');
    expect(understanding.region('переехали из Перми в Волгоград')).toBeUndefined();
  });

  it('a place outside the served regions is not part of the question: "я живу в саратове какие выплаты на детей" is answered as "какие выплаты на детей" (was "Я не уверен")', () => {
    expectAnswer('какие выплаты на детей', 'ep-children-overview');
    expectAnswer('я живу в саратове какие выплаты на детей', 'ep-children-overview');
    expectAnswer('какие выплаты на детей в Саратовской области', 'ep-children-overview');
    // Elsewhere every regional entry is another region's: the federal minimum, not Perm's or Volgograd's.
    expect(search.search('прожиточный минимум у нас', { region: 'other' }).hits[0]?.entryId).toBe(
      'subsistence-minimum-mrot',
    );
  });

  it("no title, example question or keyword of the knowledge base names a region elsewhere (a region's name that is also a welfare word, as «мск» for the family capital, would move the citizen's region)", () => {
    const named = kb.entries.flatMap((e) =>
      [e.title, ...e.questions, ...e.keywords]
        .filter((text) => understanding.place(text)?.otherRegion !== undefined)
        .map((text) => `${e.id}: ${text}`),
    );
    expect(named).toEqual([]);
  });

  it("a broad question of what a group is entitled to is answered with that group's overview (were a single measure sharing its age or group word, or choices), unless a measure is named", () => {
    expectAnswer('мне 70 лет, какие льготы', 'pensioner-benefits-overview');
    expectAnswer('участник сво какие льготы положены', 'svo-participant-support');
    expectAnswer('инвалидам 2 групы какие льготы вообще положены', 'disability-benefits-overview');
    expectAnswer('папа одиночка, мама умерла, какие выплаты мне на дочь', 'single-parent-support');
    expectAnswer('родили третьего, какие выплаты теперь полагаются', 'large-family-benefits');
    // Were choices led by it; a child given a disability is that overview's question (citizen audit 7, M8)
    expectAnswer('ребенку дали инвалидность аутизм, что нам положено', 'disabled-child-family-support');
    expect(choicesFor('пенсионер какие льготы на капремонт')[0]).toBe('capital-repair-compensation-70-80');
    expectAnswer('мне 70 лет, положена ли компенсация за капремонт', 'capital-repair-compensation-70-80');
  });

  it('the words that named a group are evidence for its overview: an age no entry has is still a pensioner (was «Я не уверен»)', () => {
    expectAnswer('мне 82 года какие льготы', 'pensioner-benefits-overview');
    expectAnswer('мне 75 лет какие льготы положены', 'pensioner-benefits-overview');
    // Entries matching only the age and the broad question's words («лет», «выплаты», «положено») are no rivals.
    expectAnswer('мне 68 лет какие выплаты', 'pensioner-benefits-overview');
    expectAnswer('мне 82 года что положено', 'pensioner-benefits-overview');
  });

  it('a group named with a broad question needs no rarer words: the overview ranked first is the answer (were hand-offs for want of evidence)', () => {
    expectAnswer('пенсионерам что положено в 2026', 'pensioner-benefits-overview');
    expectAnswer('я пенсионер какие выплаты есть', 'pensioner-benefits-overview');
    // Common words with no group named are still not enough.
    expect(search.search('какие выплаты есть').band).not.toBe('answer');
  });

  it('welfare questions that looked like other services are kept: a family payment "как подать" (read as "продать" with a typo), a carer for a sick grandmother, a pension taken by bailiffs, a single mother owed alimony asking what she is entitled to; "песия" is the pension', () => {
    expect(search.search('семейная выплата возврат ндфл как подать').hits[0]?.entryId).toMatch(
      /^family-payment/,
    );
    expectAnswer('бабушка болеет нужна сиделка кто поможет', 'home-social-worker');
    expect(
      search.search('кредит не могу платить пенсия маленькая приставы забирают всю пенсию').hits[0]?.entryId,
    ).toBe('benefits-protected-from-debts');
    expect(
      search.search(
        'осталась одна с двумя детьми муж ушел алименты не платит зарплата маленькая что мне положено',
      ).band,
    ).not.toBe('out_of_scope');
    expectAnswer('кагда придет песия', 'pension-payment-dates');
    expectRedirect('налог с продажи квартиры платить надо', 'taxes');
    expectRedirect('алименты на двоих детей сколько процентов от зарплаты', 'alimony');
  });

  it('"не замужем" is a single parent\'s question, not the СНИЛС one (its only match was "вышла замуж, менять ли снилс")', () => {
    const outcome = search.search('а если я не замужем');
    expect(outcome.band).not.toBe('answer');
    expect(outcome.hits[0]?.entryId).toBe('single-parent-support');
    expectAnswer('вышла замуж нужно ли менять снилс', 'snils-how-to-get');
  });

  it('unpaid wages with nothing to feed the children: where the wages go, and the emergency help', () => {
    const outcome = search.search(
      'на работе не платят зарплату 3 месяца что делать как жить детей кормить нечем',
    );
    expect(outcome.redirect).toBe('labour');
    expectAnswer(
      'на работе не платят зарплату 3 месяца что делать как жить детей кормить нечем',
      'emergency-material-help',
    );
    expectAnswer('не платят зарплату полгода, дома есть нечего', 'emergency-material-help');
    // With no employer named, wages held back are still the inspectorate's; "денег нет совсем" is a need too.
    expect(search.search('не платят зарплату 3 месяца, детей кормить нечем').redirect).toBe('labour');
    const broke = search.search(
      'работодатель задерживает зарплату, денег нет совсем, двое детей, что делать',
    );
    expect(broke).toMatchObject({ redirect: 'labour' });
    expect(broke.band).not.toBe('out_of_scope');
    expectRedirect('не платят зарплату 3 месяца', 'labour');
  });
});

describe('the emergency help', () => {
  it('is a crisis for a threat, a body in danger, a wish to die, no home, a child missing (a verification pass found them refused or «не уверен»)', () => {
    for (const q of [
      'угрожает ножом',
      'муж угрожает',
      'боюсь идти домой',
      'мне плохо с сердцем',
      'зачем жить',
      'хочу умереть',
      'нет сил жить',
      'меня выгоняет сын из квартиры',
      'дочь отобрала пенсию и не пускает домой',
      'живу на вокзале',
      'ребенок пропал',
    ]) {
      expect(search.search(q), q).toMatchObject({ band: 'handoff', intent: 'crisis' });
    }
    // Its own words still find it; a threat to sue is no crisis.
    expectAnswer('телефон доверия', 'crisis-emergency-help');
    expectAnswer('кризисный центр', 'crisis-emergency-help');
    expect(search.search('сосед угрожает судом').intent).not.toBe('crisis');
  });
});

describe('a war said in words', () => {
  it("«сын воевал под херсоном ранен», «отец воевал в афганистане», «муж воюет» are about combat veterans and the SVO (were «не уверен» and the single parents' support)", () => {
    // A wounded fighter's «какие выплаты» is the participants' overview (fund, ЕДВ and НСУ, МСЭ, rehabilitation); it
    // was the ЕДВ entry alone, and with «ранен» read as a wound the two came level (citizen audit 7, L8)
    expectAnswer('сын воевал под херсоном ранен какие выплаты', 'svo-participant-support');
    const afghanistan = choicesFor('отец воевал в афганистане какие льготы');
    expect(afghanistan).toContain('svo-participant-support');
    expect(afghanistan).not.toContain('single-parent-support');
    expectAnswer('муж воюет какие льготы семье', 'svo-family-support');
    // Not at the cost of answers it had: «афганец» and «с фронта» are left as they were (verification pass).
    expectAnswer('брат афганец умер положена ли пенсия его жене', 'pension-survivor');
    expectAnswer('сын вернулся с фронта без ноги', 'edv-veterans-other-categories');
  });
});

describe('an animal for a household farm', () => {
  it('«а на корову можно», «купить козу» are the household farm social contract (were a vague message with no hits)', () => {
    expectAnswer('а на корову можно', 'social-contract-farm');
    expectAnswer('можно ли купить козу по соцконтракту', 'social-contract-farm');
    expectAnswer('соцконтракт на корову', 'social-contract-farm');
  });
});

describe('English', () => {
  it('is said to be unread also where its words gave choices: «…I live in Perm» got three Perm entries, none about children', () => {
    expect(search.search('Hello, I need help with child benefits, I live in Perm')).toMatchObject({
      band: 'out_of_scope',
      intent: 'foreign',
    });
    // Danger said in English is a crisis all the same: 112 and an urgent consultant, not only the notice.
    for (const q of ['help me please my husband beats me', 'i want to kill myself']) {
      expect(search.search(q), q).toMatchObject({ band: 'handoff', intent: 'crisis' });
    }
    // A person asked for in English is a consultant («Consultant please» was refused in Russian, «I need a human
    // operator please» got «Я не уверен»); a short English request is said to be unread, not refused.
    for (const q of [
      'Consultant please',
      'I need a human operator please',
      'operator',
      'call me back please',
    ])
      expect(search.search(q), q).toMatchObject({ band: 'handoff', intent: 'human' });
    // «Help», «i dont speak russian» got the Russian «Я постараюсь помочь» and refusal (a verification pass).
    for (const q of ['my grandmother needs a social worker', 'social worker', 'Help', 'i dont speak russian'])
      expect(search.search(q), q).toMatchObject({ band: 'out_of_scope', intent: 'foreign' });
    // A consultant asked for in Latin letters or without the soft sign («konsultant» reads «консултант») is one
    // (it was refused as off-topic; a verification pass).
    for (const q of ['konsultant pozhaluysta', 'позовите консултанта'])
      expect(search.search(q), q).toMatchObject({ band: 'handoff', intent: 'human' });
    // Transliterated Russian is still read, choices and all.
    expect(search.search('posobie po bezrabotice')).toMatchObject({
      band: 'clarify',
      hits: [{ entryId: 'unemployment-benefit-amount' }, {}, {}],
    });
  });
});

describe('a medicine the pharmacy does not have', () => {
  it('«нет бесплатных лекарств в аптеке» is what to do then (was choices of the social services set, emergency help, large families), while who gets free medicines stays the set itself', () => {
    expectAnswer('нет бесплатных лекарств в аптеке', 'nsu-medicine-not-in-pharmacy');
    expectAnswer('в аптеке не дают лекарство по рецепту', 'nsu-medicine-not-in-pharmacy');
    expectAnswer('льготные лекарства кому положены', 'nsu-social-package-contents');
    expect(search.search('сколько стоит пиво').band).toBe('out_of_scope');
  });
});

describe('how long it takes', () => {
  it('«а сколько времени это займет?» is no loan («займ*» was also «займёт»), while a loan is still the bank’s', () => {
    expect(search.search('а сколько времени это займет?').redirect).toBeUndefined();
    expectRedirect('взяла займ в мфо не могу отдать', 'loans');
  });
});

describe('a measure asked about with a served place named', () => {
  it('offers the all-Russia measure among the region’s choices («я из перми какие выплаты на детей» got Perm’s minimum, contacts and large families only), not where the question is the region’s own', () => {
    const choices = (q: string) => search.search(q).hits.map((h) => h.entryId);
    expect(choices('я из перми какие выплаты на детей')).toContain('ep-children-overview');
    expect(choices('я в березниках живу какие выплаты на детей')).toContain('ep-children-overview');
    expect(choices('в волгограде единое пособие сколько')).toContain('ep-children-amount');
    expect(choices('куда идти в перми оформлять краевые выплаты').every((id) => id.startsWith('perm-'))).toBe(
      true,
    );
  });

  it('puts the measure asked about first, before the region’s entries that do not name it («сколько единое пособие в перми» had it third, after the contacts and the subsistence minimum)', () => {
    for (const q of ['сколько единое пособие в перми', 'сколько единое пособие в волгограде'])
      expect(search.search(q).hits[0]?.entryId, q).toBe('ep-children-amount');
    // The region's own measure named by its keywords stays first.
    expect(search.search('областной маткапитал на третьего волгоград').hits[0]?.entryId).toBe(
      'volgograd-regional-parental-capital',
    );
  });

  it('answers with the region’s contacts only a question of where to go or whom to call («маткапитал в перми» got them)', () => {
    const matcap = search.search('маткапитал в перми');
    // The capital named alone is answered with its own card since helper P (audit 8 M10), not the region's contacts.
    expect(matcap.hits[0]?.entryId).toBe('matcap-certificate');
    expect(matcap.hits.map((h) => h.entryId)).not.toContain('perm-social-agencies-contacts');
    expectAnswer('адрес соцзащиты в перми', 'perm-social-agencies-contacts');
    expectAnswer('телефон соцзащиты волгоград', 'volgograd-social-agencies-contacts');
    // «Социальная защита» in two words, a website, the way there are where to go too (a verification pass).
    expectAnswer('соц защита волжский', 'volgograd-social-agencies-contacts');
    expectAnswer('социальная защита пермь', 'perm-social-agencies-contacts');
    expectAnswer('как доехать до соц защиты в перми', 'perm-social-agencies-contacts');
    expectAnswer('сайт социальной защиты пермского края', 'perm-social-agencies-contacts');
  });
});

describe('a dismissal contested', () => {
  it('«уволили незаконно что делать», «уволили без выплаты зарплаты» go to the labour inspectorate (the first was the pre-pensioners’ answer); registering as unemployed after it stays with the search', () => {
    expectRedirect('уволили незаконно что делать', 'labour');
    expectRedirect('уволили без выплаты зарплаты, куда жаловаться', 'labour');
    expectRedirect('начальник сказал уволит если пойду на больничный', 'labour');
    // The citizen threatened is no demand to fire an employee (that is still a consultant's).
    expectRedirect('начальник грозит уволить', 'labour');
    expect(search.search('сотрудница нахамила, уволить её').intent).toBe('personal_case');
    expectAnswer('уволили незаконно, как встать на биржу', 'unemployment-registration');
  });
});

describe('entries written for one year', () => {
  it('a question naming a year gets the entry of its topic dated to it («на сколько поднимут пенсию с 1 января 2026» got the 2027 card; citizen audit 4, H12)', () => {
    expectAnswer('на сколько поднимут пенсию с 1 января 2026', 'pension-indexation-2026');
    expectAnswer('когда проиндексируют пенсию в 2026 году', 'pension-indexation-2026');
    expectAnswer('на сколько поднимут пенсию в 2027 году', 'pension-indexation-next-year');
    expect(
      search.search('работающим пенсионерам в 2027 проиндексируют пенсию?').hits.map((h) => h.entryId),
    ).toEqual(['pension-indexation-next-year']);
  });
});

describe('what an elderly person is entitled to, asked for a relative or with «год»', () => {
  it('«маме 82 года какие льготы», «мне 71 год какие выплаты», «папе 85 лет что положено» get the pensioners’ overview (were «Я не уверен» and choices led by the childcare benefit)', () => {
    expectAnswer('маме 82 года какие льготы', 'pensioner-benefits-overview');
    expectAnswer('мне 71 год какие выплаты', 'pensioner-benefits-overview');
    expectAnswer('папе 85 лет что положено', 'pensioner-benefits-overview');
  });
});

describe('a person or help asked for in English', () => {
  it('is marked as English, for the reply to say in English what happens next (citizen audit 4, H10)', () => {
    expect(search.search('Consultant please')).toMatchObject({ intent: 'human', inEnglish: true });
    expect(search.search('my husband beats me help')).toMatchObject({ intent: 'crisis', inEnglish: true });
    expect(search.search('позовите консультанта').inEnglish).toBeUndefined();
  });
});

describe('a scam in progress', () => {
  it('«…просят код из смс 4829 сказать им» is answered at once with «это мошенники» (was a choice of the New Year payment and the privacy policy; citizen audit 5, H8)', () => {
    expectAnswer(
      'позвонили сказали положена выплата к новому году 15000 просят код из смс 4829 сказать им',
      'phone-fraud-sms-code',
    );
    expectAnswer('звонят из соцзащиты просят код из смс', 'phone-fraud-sms-code');
    // The hotlines stay the answer to where to call.
    expectAnswer('куда звонить, какой телефон', 'hotlines-contacts');
  });
});

describe('a person asked for with the verb last', () => {
  it('«мне бы с человеком поговорить», «с консультантом можно связаться» call one (were how to reach a consultant; citizen audit 5, M3)', () => {
    expect(search.search('не знаю куда мне надо мне бы с человеком поговорить').intent).toBe('human');
    expect(search.search('с консультантом можно связаться').intent).toBe('human');
    expect(search.search('как связаться с консультантом').intent).toBeUndefined();
  });
});

describe('an entry with the date a rule starts in its title', () => {
  it('still answers a question naming another year («единое пособие иностранцам в 2026», «алименты и единое пособие в 2027 году»; a verification pass)', () => {
    expect(search.search('единое пособие иностранцам в 2026').hits[0]?.entryId).toBe(
      'ep-children-citizenship',
    );
    expect(search.search('алименты и единое пособие в 2027 году').hits[0]?.entryId).toBe(
      'ep-children-alimony',
    );
  });
});

describe('a code that does not come is no scam', () => {
  it('«не могу войти в госуслуги не приходит смс с кодом», «ввела код из смс на госуслугах…» are not answered with «это мошенники» (a verification pass)', () => {
    for (const q of [
      'не могу войти в госуслуги не приходит смс с кодом',
      'не приходит код из смс на госуслугах',
      'код из смс не приходит',
      'ввела код из смс на госуслугах и заявление ушло?',
    ]) {
      const outcome = search.search(q);
      expect(outcome.band === 'answer' && outcome.hits[0]?.entryId === 'phone-fraud-sms-code', q).toBe(false);
    }
    expectAnswer('я назвала код из смс что теперь делать', 'phone-fraud-sms-code');
    // Where a code does not come to log in: Gosuslugi's own help (the entry's «Не удаётся войти?» and support line).
    expectAnswer('не могу войти в госуслуги не приходит смс с кодом', 'gosuslugi-apply-online');
    expectAnswer('не приходит код из смс на госуслугах', 'gosuslugi-apply-online');
  });
});

describe('someone else’s specialist is no request for ours', () => {
  it('«врач специалист сказал связаться с бюро мсэ что дальше» is answered (was a hand-off; a verification pass)', () => {
    expect(search.search('врач специалист сказал связаться с бюро мсэ что дальше').intent).toBeUndefined();
  });
});

describe('English, further (verification pass 6, H10 and M6)', () => {
  it('«I am being beaten», «somebody is threatening me» are a crisis; «operator please» is marked English', () => {
    expect(search.search('I am being beaten')).toMatchObject({ intent: 'crisis', inEnglish: true });
    expect(search.search('somebody is threatening me')).toMatchObject({ intent: 'crisis', inEnglish: true });
    expect(search.search('operator please')).toMatchObject({ intent: 'human', inEnglish: true });
  });
});

describe('SVO participants and their families (citizen audit 7, L8)', () => {
  it('a participant speaking of his own wound, contusion or return gets the participants’ entry (the fund, ЕДВ, МСЭ), not the families’ («Если близкий погиб…»)', () => {
    for (const q of [
      'ранен на сво выплаты',
      'меня ранили на сво какие выплаты',
      'контужен на сво льготы',
      'получил ранение на сво',
      'я участник сво',
      'я участник сво какие выплаты',
      'вернулся с сво',
    ])
      expectAnswer(q, 'svo-participant-support');
    // The families keep theirs, and «рано» is no wound
    expectAnswer('сын погиб на сво что положено семье', 'svo-family-support');
    expectAnswer('муж воюет какие льготы семье', 'svo-family-support');
    expect(search.search('можно ли рано выйти на пенсию').hits[0]?.entryId).not.toBe(
      'svo-participant-support',
    );
  });

  it('a combat veteran or participant asking about utilities gets the ЖКУ compensation of beneficiaries (was the fund’s card, silent on utilities); a disabled person keeps the 50% compensation', () => {
    for (const q of ['ветеран боевых действий сво льготы на жкх', 'ветеран сво льготы жкх'])
      expectAnswer(q, 'utility-compensation-edk');
    expectAnswer('инвалид 2 группы скидка на коммуналку', 'utility-compensation-disabled');
    expectAnswer('участник сво какие льготы положены', 'svo-participant-support');
  });
});

describe('where to apply for the housing subsidy (a walk-through as an elderly citizen)', () => {
  it('«куда подавать на субсидию», «куда обратиться за субсидией» get how to apply, not the renewal or choices; a renewal said stays the renewal', () => {
    for (const q of [
      'куда подавать на субсидию',
      'куда обратиться за субсидией',
      'куда обращаться за субсидией на жкх',
    ])
      expectAnswer(q, 'housing-subsidy-apply');
    for (const q of ['субсидия закончилась куда подавать', 'куда подавать на продление субсидии'])
      expectAnswer(q, 'housing-subsidy-renewal');
  });

  it('«куда обратиться за пособием по безработице», «куда подавать на пенсию по старости» get how to apply (were choices)', () => {
    expectAnswer('куда обратиться за пособием по безработице', 'unemployment-registration');
    expectAnswer('куда подавать на пенсию по старости', 'pension-how-to-apply');
    expectAnswer('сколько пособие по безработице', 'unemployment-benefit-amount');
  });
});

describe('what was taken away, said in the words people use', () => {
  it("a disability taken away or not extended is answered with how to contest the MSE decision (was a list led by the survivor's pension, or how to get a group)", () => {
    expectAnswer('лишили инвалидности', 'disability-mse-appeal');
    expectAnswer('у меня забрали инвалидность что делать', 'disability-mse-appeal');
    expectAnswer('маме не продлили инвалидность', 'disability-mse-appeal');
    // A payment taken from a disabled person is that payment's question, not the MSE's
    expect(search.search('инвалиду 2 группы сняли льготу').hits.map((h) => h.entryId)).not.toContain(
      'disability-mse-appeal',
    );
  });

  it('a lost job offers the employment centre and the social contract, not a lost certificate, a complaint or the childcare benefit', () => {
    const choices = choicesFor('потерял работу что делать');
    expect(choices.slice(0, 2).sort()).toEqual(['social-contract-job-help', 'unemployment-registration']);
    for (const junk of ['disability-certificate-copy', 'complaint-staff-agency', 'childcare-under-1-5-who']) {
      expect(choices).not.toContain(junk);
    }
    // A lost certificate, and a job lost on parental leave, still find their own entries
    expectAnswer('потерял справку об инвалидности', 'disability-certificate-copy');
    expectAnswer('потеряла работу в декрете', 'childcare-under-1-5-who');
  });

  it('housing bills too heavy to pay offer the housing subsidy (was a list of the property tax, the overview and the supplement)', () => {
    const choices = choicesFor('пенсия 15 тысяч живу одна в квартире платить тяжело');
    expect(choices[0]).toBe('housing-subsidy-eligibility');
    expectAnswer('тяжело платить за жкх', 'housing-subsidy-eligibility');
    // A tax that is hard to pay is the tax's question
    expectAnswer('налог на квартиру платить тяжело', 'tax-exemption-pensioners-property');
  });
});
