/**
 * Follow-ups right after an answer that the answer itself covers, in the citizens' own words (citizen audit 2:
 * H7, M11, M5) with the project's own search and reading of messages; and when the line of the answer is quoted
 * rather than choices offered or the answer sent again, with a scripted search.
 */
import { describe, expect, it } from 'vitest';
import { createFlowBuilder } from '../../../src/app/build-flows.js';
import { createSearchBuilder } from '../../../src/app/build-search.js';
import type { SearchContext, SearchOutcome } from '../../../src/search/search-types.js';
import {
  answerFor,
  buttonLabels,
  DialogHarness,
  findPayload,
  outcomeOf,
  projectKnowledge,
  replies,
  replyText,
  ScriptedSearch,
} from '../../support/dialog-harness.js';

const project = createSearchBuilder('data')(projectKnowledge());
const { flows } = createFlowBuilder('data')(projectKnowledge());

/** The project's search behind the harness's scripted one. */
class ProjectSearch extends ScriptedSearch {
  override search(query: string, context?: SearchContext): SearchOutcome {
    return project.search.search(query, context);
  }
}

/** A citizen's chat as the app runs it (search, reading, flows); each line gives the reply's text and buttons. */
function engineChat() {
  const h = new DialogHarness();
  h.search = new ProjectSearch();
  h.understanding = project.understanding;
  h.flows = flows;
  let last = h.send({ kind: 'start' });
  return {
    send(line: string) {
      const label = /^\[(.*)\]$/.exec(line)?.[1];
      last = label ? h.press(findPayload(last, label)) : h.text(line);
      return { text: replyText(last), buttons: replies(last).flatMap(buttonLabels) };
    },
  };
}

const SURVIVOR = 'муж погиб осталась с двумя детьми пенсия по потере кормильца';
const LARGE_FAMILY =
  'здраствуйте нам отказали в едином пособии у нас трое детей пермь доход превысил немного';

describe("a follow-up the answer just shown covers, in the citizen's words", () => {
  it("«а мне самой положена? я не работаю сижу с младшим» after the survivor's pension gets the line that says so, and «а документы какие» its documents (were choices of three other measures, then their documents)", () => {
    const chat = engineChat();
    chat.send(SURVIVOR);
    const own = chat.send('а мне самой положена? я не работаю сижу с младшим');
    expect(own.text).toMatch(/^В ответе «Пенсия по потере кормильца — кому положена/);
    expect(own.text).toContain('не работает и ухаживает за детьми умершего до 14 лет');
    expect(own.text).toMatch(/Источник: Федеральный закон № 400-ФЗ.*Проверено:/s);
    expect(own.text).not.toMatch(/Уточните, пожалуйста/);
    const documents = chat.send('а документы какие');
    expect(documents.text).toMatch(/^Пенсия по потере кормильца — кому положена .* — Документы/);
    expect(documents.text).toContain('свидетельство о смерти кормильца');
  });

  it('quotes the line for the situation told, negation included, and nothing when no line has it', () => {
    const working = engineChat();
    working.send(SURVIVOR);
    // A widow who works: the line that says she does not get it, not the one for those who do not work.
    expect(working.send('а мне положена? я работаю').text).toContain(
      'Вдова или вдовец трудоспособного возраста, который работает или не ухаживает за маленькими детьми',
    );
    const childless = engineChat();
    childless.send(SURVIVOR);
    const reply = childless.send('а мне положена? не работаю, детей нет');
    expect(reply.text).not.toMatch(/об этом сказано/);
    // A line about someone else is no answer for the person named: «лишён родительских прав» is a living parent's.
    const deprived = engineChat();
    deprived.send('пенсия по потере кормильца');
    expect(deprived.send('а если муж был лишен прав').text).not.toMatch(/об этом сказано/);
  });

  it("«а закон про 10 процентов уже действует?» and «а пересчитают сами или надо снова подавать» after the large families' 10% rule get its lines (were the whole answer again, then choices of the pension indexation, property and the subsidy)", () => {
    const chat = engineChat();
    const answer = chat.send(LARGE_FAMILY);
    expect(answer.text).toMatch(/^Многодетным сохранят единое пособие при превышении дохода до 10%/);
    const law = chat.send('а закон про 10 процентов уже действует?');
    expect(law.text).toMatch(/^В ответе «Многодетным сохранят единое пособие/);
    expect(law.text).toContain('Закон подписан 20 февраля 2026 года и уже действует');
    expect(law.text).not.toContain('сохранит единое пособие, если при продлении');
    const again = chat.send('а пересчитают сами или надо снова подавать');
    expect(again.text).toMatch(/^В ответе «Многодетным сохранят единое пособие/);
    expect(again.text).toContain('Отказы пересмотрят сами — снова подавать заявление не нужно.');
    expect(again.buttons.join(' ')).not.toMatch(/Индексация|имущества|Продление субсидии/);
  });

  it("«а если на первого уже получали» after the maternity capital's amounts is the top-up for the second (it quoted the first child's 728 921,90 ₽)", () => {
    const chat = engineChat();
    expect(chat.send('сколько маткапитал в 2026 году на второго').text).toMatch(
      /^Размер материнского капитала/,
    );
    const already = chat.send('а если на первого уже получали');
    expect(already.text).toMatch(/^В ответе «Размер материнского капитала/);
    expect(already.text).toContain(
      'если сертификат на первого уже есть, при рождении второго добавят 234\u00a0321,23',
    );
    expect(already.text).not.toContain('728');
  });
});

describe('«а куда жаловаться если не пересчитают» after an answer', () => {
  it("is how to appeal, not the answer's «Как подать»: the measure's own appeal, or the general one when the measure has none", () => {
    const family = engineChat();
    family.send(LARGE_FAMILY);
    const own = family.send('а куда жаловаться если не пересчитают');
    expect(own.text).toMatch(/^Единое пособие на детей до 17 лет .* — Как обжаловать/);
    expect(own.text).toMatch(/вышестоящий орган СФР/);
    const survivor = engineChat();
    survivor.send(SURVIVOR);
    const general = survivor.send('а куда жаловаться если не пересчитают');
    expect(general.text).toMatch(/^Отказали в выплате или льготе — как обжаловать\n[\s\S]*вышестоящий орган/);
    expect(general.text).not.toMatch(/нет раздела/);
    // «а куда подавать» is still where to apply.
    const apply = engineChat();
    apply.send(SURVIVOR);
    expect(apply.send('а куда подавать').text).toMatch(/— Как подать/);
    // With nothing before it, a recalculation is a welfare matter, not off-topic.
    expect(engineChat().send('а куда жаловаться если не пересчитают').text).not.toMatch(/не помогу/);
  });
});

describe('«а куда звонить» after the answer on a pension not paid', () => {
  it('is its part on whom to call (SFR), not the emergency help', () => {
    const chat = engineChat();
    chat.send('пенсия не пришла уже 10 число почта не несет что делать');
    const call = chat.send('а куда звонить');
    expect(call.text).toMatch(/^Когда приходит пенсия .* — Если пенсия не пришла/);
    expect(call.text).toContain('8-800-100-00-01');
    expect(call.text).not.toMatch(/112|насили/);
  });
});

describe('a slip of the keyboard after an answer («v1»)', () => {
  it('quotes no line: a number alone states nothing (it quoted the line with «I группы»)', () => {
    const chat = engineChat();
    chat.send('уход за ребенком инвалидом выплата');
    const slip = chat.send('v1');
    expect(slip.text).not.toMatch(/об этом сказано/);
    expect(slip.text).toMatch(/откройте нужную часть кнопкой/);
  });
});

describe('«ЗДРАВСТВУЙТЕ ПОЧЕМУ МНЕ НЕ ПРИШЛА ПЕНСИЯ В ЭТОМ МЕСЯЦЕ»', () => {
  it("is answered about the pension first: its date, the January pension paid in December, whom to call (was the child benefits' dates first)", () => {
    const chat = engineChat();
    const reply = chat.send('ЗДРАВСТВУЙТЕ ПОЧЕМУ МНЕ НЕ ПРИШЛА ПЕНСИЯ В ЭТОМ МЕСЯЦЕ');
    const [title, lead] = reply.text.split('\n\n');
    expect(title).toMatch(/^Когда приходит пенсия/);
    expect(lead).toMatch(/^Дату выплаты пенсии назначает отделение Социального фонда в вашем регионе/);
    expect(reply.text).toContain('в конце декабря');
    expect(reply.text).toContain('8-800-100-00-01');
    expect(reply.text).not.toMatch(/единое пособие|маткапитал/);
    const steps = chat.send('[Если пенсия не пришла]');
    expect(steps.text).toMatch(/позвоните в отделение почты/);
    expect(steps.text).toMatch(/6 месяцев подряд/);
  });
});

describe('a follow-up that the search alone reads as another measure', () => {
  it("«а кто платит если умерший не работал» after the funeral benefit is its line on who pays (was the survivor's pension)", () => {
    const chat = engineChat();
    chat.send('пособие на погребение сколько дают');
    const who = chat.send('а кто платит если умерший не работал');
    expect(who.text).toMatch(/^В ответе «Пособие на похороны/);
    expect(who.text).toContain('не работал и не был пенсионером — в соцзащиту');
    expect(who.text).not.toMatch(/кормильц/);
  });

  it("«а сколько процентов от дохода» after how to apply for the housing subsidy is the subsidy's 22% rule (was the large families' 10% rule with «Отказы пересмотрят сами»)", () => {
    const chat = engineChat();
    chat.send('субсидия на коммуналку как оформить пенсионерке одна живу');
    expect(chat.send('а если долг за свет есть').text).toContain('сведения об отсутствии долга');
    const share = chat.send('а сколько процентов от дохода');
    expect(share.text).toMatch(/^В ответе «Субсидия на оплату ЖКУ — кому положена/);
    expect(share.text).toMatch(/больше 22% совокупного дохода семьи.*регион может установить меньше/s);
    expect(share.text).not.toMatch(/Многодетным|пересмотрят/);
    // One word shared is chance: «а многодетным?» after the amount is not the property rules' line on a second car.
    const amount = engineChat();
    amount.send('сколько платят единое пособие');
    expect(amount.send('а многодетным?').text).not.toMatch(
      /^В ответе «Отказ в едином пособии из-за имущества/,
    );
  });

  it('«а работающим?» and «а сколько процентов» after the 2026 indexation are its lines: working pensioners too, 7,6% (were «откройте нужную часть»)', () => {
    const chat = engineChat();
    expect(chat.send('когда проиндексируют пенсию в 2026').text).toMatch(
      /^Индексация страховых пенсий в 2026 году/,
    );
    const working = chat.send('а работающим?');
    expect(working.text).toMatch(/^В ответе «Индексация страховых пенсий в 2026 году/);
    expect(working.text).toContain('и неработающим, и работающим пенсионерам');
    const percent = chat.send('а сколько процентов');
    expect(percent.text).toContain('выросли на 7,6%');
  });
});

describe('a region chosen with its menu button', () => {
  it("is the citizen's region: «сколько прожиточный минимум пенсионера» after «📍 Волгоградская область» is the region's pensioners' figure, not Russia's per-capita line asking for the region", () => {
    const chat = engineChat();
    chat.send('[📍 Волгоградская область]');
    const reply = chat.send('сколько прожиточный минимум пенсионера');
    expect(reply.text).toMatch(/пенсионеры — 14\s008\s₽/);
    expect(reply.text).not.toMatch(/Выберите ваш регион/);
  });
});

/** The scripted search finds these entries (best first) with this band. */
function searchFinds(h: DialogHarness, band: SearchOutcome['band'], entryIds: string[]): void {
  const hits = entryIds.map((entryId, i) => ({ entryId, topic: h.kb.entry(entryId)!.topic, score: 10 - i }));
  h.search.next = { band, hits, confidence: band === 'answer' ? 0.8 : 0.4 };
}

describe('a follow-up of the answer shown that the search answers otherwise', () => {
  /** The survivor's pension just answered. */
  function survivorAnswered() {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    answerFor(h, 'pension-survivor');
    h.text('пенсия по потере кормильца кому положена');
    return h;
  }

  it('is quoted instead of choices of other entries, and the talk stays on that answer', () => {
    const h = survivorAnswered();
    searchFinds(h, 'clarify', ['ep-children-zero-income', 'care-elderly-80-disabled-1']);
    const effects = h.text('а если студент очной формы учится');
    expect(replyText(effects)).toMatch(/студентам очной формы — до 23 лет/);
    expect(outcomeOf(effects)).toMatchObject({ entryId: 'pension-survivor', detail: 'follow-up:quote' });
    expect(h.state.lastEntryId).toBe('pension-survivor');
  });

  it('is quoted instead of the same answer again', () => {
    const h = survivorAnswered();
    answerFor(h, 'pension-survivor');
    const effects = h.text('а если студент очной формы учится');
    expect(outcomeOf(effects)).toMatchObject({ entryId: 'pension-survivor', detail: 'follow-up:quote' });
  });

  it('is a new question when the search answers it with another entry, unless it asks for someone, or when no line of the answer has its words', () => {
    const h = survivorAnswered();
    answerFor(h, 'funeral-benefit');
    expect(outcomeOf(h.text('а пособие на погребение студенту очной формы'))).toMatchObject({
      entryId: 'funeral-benefit',
      detail: 'search',
    });
    // Asked for someone, it asks whether the answer shown holds for them.
    const mine = survivorAnswered();
    answerFor(mine, 'funeral-benefit');
    expect(outcomeOf(mine.text('а мне положена? я студент очной формы'))).toMatchObject({
      entryId: 'pension-survivor',
      detail: 'follow-up:quote',
    });
    const other = survivorAnswered();
    searchFinds(other, 'clarify', ['ep-children-zero-income', 'care-elderly-80-disabled-1']);
    expect(outcomeOf(other.text('а если машина в кредите'))).toMatchObject({ outcome: 'clarify' });
  });
});

describe('a part the answer lacks, from the entry of the same measure (`same_measure`)', () => {
  it("«а сколько будут платить» after how to register as unemployed gets the benefit's amounts, not «нет раздела»", () => {
    const chat = engineChat();
    chat.send('меня сократили как встать на биржу труда');
    const amount = chat.send('а сколько будут платить');
    expect(amount.text).not.toMatch(/нет раздела/);
    expect(amount.text).toMatch(/^Сколько платят пособие по безработице в 2026 году/);
    expect(amount.text).toContain('Месяцы 1–3: 75% среднего заработка');
  });

  it('«а документы?» after the amount of the childcare benefit to 1.5 years gets its documents', () => {
    const chat = engineChat();
    chat.send('сколько платят по уходу за ребенком до полутора лет');
    const documents = chat.send('а документы?');
    expect(documents.text).not.toMatch(/нет раздела/);
    expect(documents.text).toMatch(/^Кто может получать пособие до 1,5 лет/);
    expect(documents.text).toContain('Свидетельство о рождении ребёнка');
  });
});

describe('«а на корову можно» after the social contract for a business', () => {
  it('is answered with the household farm direction (was «откройте нужную часть кнопкой»)', () => {
    const chat = engineChat();
    chat.send('соцконтракт на открытие бизнеса сколько дают');
    const cow = chat.send('а на корову можно');
    expect(cow.text).toMatch(/^Соцконтракт на личное подсобное хозяйство \(ЛПХ\)/);
    expect(cow.text).not.toMatch(/откройте нужную часть/);
  });
});

describe('a follow-up the answer shown leaves out, said by another entry of the same measure', () => {
  it("«а самозанятым» after when to apply for the family payment quotes its overview's line that they get none (was «откройте нужную часть кнопкой»)", () => {
    const chat = engineChat();
    chat.send('семейная выплата возврат ндфл когда подавать');
    const selfEmployed = chat.send('а самозанятым');
    expect(selfEmployed.text).toMatch(/^В ответе «Ежегодная семейная выплата \(возврат НДФЛ\)/);
    expect(selfEmployed.text).toContain('самозанятым и ИП на спецрежимах');
    expect(selfEmployed.text).not.toMatch(/откройте нужную часть/);
  });

  it('«а если меня уволили за прогул» after the unemployment benefit quotes nothing: no entry of the measure says so', () => {
    const chat = engineChat();
    chat.send('пособие по безработице сколько максимально');
    const fired = chat.send('а если меня уволили за прогул');
    expect(fired.text).not.toMatch(/^В ответе/);
    // A consultant one tap away (the not-sure reply's «Позвать консультанта», since a lost job is about welfare).
    expect(fired.buttons.some((b) => /^👤 (Консультант|Позвать консультанта)$/.test(b))).toBe(true);
  });
});

describe('a follow-up another entry of the same measure is written for', () => {
  it("«а если я работаю?» after the childcare benefit's amount gets the entry on whether one may work and keep it (was the line «Положено тем, кто работал»)", () => {
    const chat = engineChat();
    chat.send('сколько платят по уходу за ребенком до полутора лет');
    const working = chat.send('а если я работаю?');
    expect(working.text).toMatch(/^Кто может получать пособие до 1,5 лет и можно ли при этом работать/);
    expect(working.text).toContain('Пособие сохраняется, если выйти на работу на неполный день');
  });
});

describe("a short follow-up the search alone offers choices for, one of them the answer's own measure", () => {
  it("«а какие льготы дает» after how to get the labour veteran title is the labour veteran's benefits, and «а проезд бесплатный?» then quotes them (were choices of the low-income status, large families, the НСУ)", () => {
    const chat = engineChat();
    chat.send('как получить ветерана труда в пермском крае');
    const benefits = chat.send('а какие льготы дает');
    expect(benefits.text).toMatch(/^Льготы ветерану труда — что положено и кто их даёт/);
    expect(benefits.text).not.toMatch(/Уточните, пожалуйста/);
    const fare = chat.send('а проезд бесплатный?');
    expect(fare.text).toMatch(/^В ответе «Льготы ветерану труда/);
    expect(fare.text).toContain('проезд');
    expect(fare.buttons).not.toContain('Какие льготы и выплаты положены многодетным');
  });

  it('«можно на ремонт потратить?» after the maternity capital for education is its housing entry, which says repairs are not paid (was a choice with the capital repair compensation for pensioners)', () => {
    const chat = engineChat();
    chat.send('маткапитал на учебу ребенка');
    const repair = chat.send('можно на ремонт потратить?');
    expect(repair.text).toMatch(/^Маткапитал на ипотеку, покупку и строительство жилья/);
    expect(repair.text).toContain(
      'Ремонт, автокредит и потребительские кредиты маткапиталом оплатить нельзя',
    );
    expect(repair.buttons).not.toContain('Компенсация взноса на капремонт пенсионерам с 70 и 80 лет');
  });
});

/** The reply to `followUp` sent right after `question`. */
function replyToFollowUp(question: string, followUp: string): string {
  const chat = engineChat();
  chat.send(question);
  return chat.send(followUp).text;
}

describe('a follow-up the answer shown has a line for, which the search alone missed', () => {
  it("«а сколько времени есть» after how to appeal the МСЭ's decision quotes «в течение месяца…» (was the emergency help with 112: the stemmer cut «времени» like «временное жильё»)", () => {
    const reply = replyToFollowUp('как обжаловать решение мсэ', 'а сколько времени есть');
    expect(reply).toMatch(/^В ответе «Как обжаловать решение МСЭ/);
    expect(reply).toContain('в течение месяца подайте заявление');
    expect(reply).not.toContain('112');
  });

  it("«а на машину?» after the maternity capital for a kindergarten quotes «Машину… оплатить федеральным маткапиталом нельзя», a word of the answer's own keywords (was the unified benefit's property rules)", () => {
    const reply = replyToFollowUp('можно ли оплатить детский сад материнским капиталом', 'а на машину?');
    expect(reply).toMatch(/^В ответе «Маткапитал на учёбу/);
    expect(reply).toContain('оплатить федеральным маткапиталом нельзя');
    expect(reply).not.toMatch(/едином пособии/);
  });

  it("«а ЕДВ?», «а капремонт?» after an overview of a group's measures are those measures' own answers, not the overview's line on them (a verification pass)", () => {
    expect(replyToFollowUp('какие льготы положены инвалидам', 'а ЕДВ?')).toMatch(/^ЕДВ инвалидам/);
    expect(replyToFollowUp('какие льготы положены пенсионерам', 'а капремонт?')).toMatch(
      /^Компенсация взноса на капремонт/,
    );
  });

  it("«а соцпакет?» after the ЕДВ, whose keywords name it, is the set of social services' own answer: only «а на …?», «… можно?» ask what the measure shown may go to", () => {
    expect(replyToFollowUp('ЕДВ инвалидам сколько платят', 'а соцпакет?')).toMatch(/^Набор социальных услуг/);
  });

  it('«а если я работаю» after how to get the labour veteran title is told that working does not stand in the way (was the line on those who began working as minors in the Great Patriotic War)', () => {
    const reply = replyToFollowUp('как получить ветерана труда', 'а если я работаю');
    expect(reply).toContain('Звание дают и тем, кто ещё работает');
    expect(reply).not.toContain('Великой Отечественной');
  });
});

describe('a lost job', () => {
  it('«меня уволили» offers the employment centre among choices and «уволили за прогул» a consultant (both were «С этим вопросом я не помогу»)', () => {
    const fired = engineChat().send('меня уволили');
    expect(fired.buttons).toContain('Как встать на учёт в центр занятости и кого не признают безработным');
    const truant = engineChat().send('уволили за прогул');
    expect(truant.text).not.toMatch(/не помогу/);
    expect(truant.buttons).toContain('👤 Позвать консультанта');
  });
});

describe('a follow-up about another measure of the same category as the answer shown (citizen audit 4, H8)', () => {
  const AUTISM = 'у ребенка аутизм хотим оформить инвалидность что положено';

  it("«а пенсия ребенку сколько» after how to get a disability established gets the amounts of the disabled child's measures (was «В этом ответе нет раздела «Сколько платят»»)", () => {
    const chat = engineChat();
    expect(chat.send(AUTISM).text).toMatch(/^Как оформить инвалидность/);
    const pension = chat.send('а пенсия ребенку сколько');
    expect(pension.text).toMatch(/^Ребёнок-инвалид — что положено ребёнку и родителям .* — Сколько платят/);
    expect(pension.text).toMatch(/Выплата по уходу — 10\s000\s₽ в месяц/);
    expect(pension.text).not.toContain('нет раздела');
  });

  it("«а мне за уход сколько» there is a choice of the carer's payment and the disabled child's measures (was the parts of the same answer)", () => {
    const chat = engineChat();
    chat.send(AUTISM);
    const care = chat.send('а мне за уход сколько');
    expect(care.text).toMatch(/^Уточните, пожалуйста/);
    expect(care.buttons).toContain('Выплата по уходу за ребёнком-инвалидом или инвалидом с детства I группы');
    expect(care.text).not.toContain('откройте нужную часть');
  });

  it('«а продлевать надо» after who gets the housing subsidy is its renewal (was the parts of the same answer)', () => {
    const reply = replyToFollowUp('субсидия на жку кому положена', 'а продлевать надо');
    expect(reply).toMatch(/^Продление субсидии на ЖКУ каждые 6 месяцев/);
  });

  it('«а документы какие» names no other measure: the answer shown says it has no such part, as before', () => {
    const chat = engineChat();
    chat.send('сколько рассматривают заявление на пособие');
    expect(chat.send('а документы какие').text).toMatch(/^В этом ответе нет раздела «Документы»/);
  });
});

describe('a question with an application’s number in it (citizen audit 4, H7)', () => {
  it('says the application cannot be checked here, answers the question around the number, and «а статус где смотреть» quotes where', () => {
    const chat = engineChat();
    const first = chat.send('заявление номер 1234567890 на единое пособие подала 10 ноября когда рассмотрят');
    expect(first.text).toMatch(/^Я не вижу заявления и личные дела, поэтому проверить ваше не могу/);
    expect(first.text).toContain('Сколько рассматривают заявления на пособия, пенсии и обращения');
    expect(first.text).toContain('единое пособие — 10 рабочих дней');
    expect(first.text).not.toContain('не присылайте');
    const status = chat.send('а статус где смотреть');
    expect(status.text).toContain('Статус заявления виден в личном кабинете Госуслуг');
  });

  it('says it only where the answer follows: not in a complaint’s story, and after the warning about a СНИЛС (citizen audit 6)', () => {
    const chat = engineChat();
    for (const line of ['[✍️ Подать жалобу]', '[🏢 На учреждение]', '[Пермский край]']) chat.send(line);
    const office = chat.send('[МФЦ, ул. Попова, 23]');
    expect(office.text).toMatch(/Опишите|Что случилось/);
    const story = chat.send(
      'сотрудница накричала на маму пенсионерку 3 декабря, не приняла документы на субсидию, мой снилс 123-456-789 01',
    );
    expect(story.text).toContain('не присылайте сюда номера СНИЛС');
    expect(story.text).not.toContain('А в общем случае');
    expect(story.text).toContain('Чего вы хотите добиться?');
  });

  it('a request to check one’s application is still only told where to see it', () => {
    const chat = engineChat();
    expect(chat.send('проверьте мое заявление на единое пособие').text).toMatch(/^Я не вижу личные дела/);
  });
});

describe('a follow-up the search sends elsewhere, which the answer shown has a line for', () => {
  it('«а если алименты не платит вообще» after the unified benefit with alimony quotes what it means for the benefit (was «Алименты — это суд и судебные приставы…» and «Я отвечаю о мерах…»; citizen audit 4, H11)', () => {
    const reply = replyToFollowUp(
      'единое пособие на ребенка алименты учитывают',
      'а если алименты не платит вообще',
    );
    expect(reply).toMatch(/^В ответе «Алименты и единое пособие/);
    expect(reply).toContain('если второй родитель не платит, лучше взыскать алименты через суд');
    expect(reply).not.toContain('Я отвечаю о мерах');
  });

  it('an off-topic follow-up the answer has no line for is still refused («а штраф гибдд?»)', () => {
    const reply = replyToFollowUp('единое пособие на ребенка алименты учитывают', 'а штраф гибдд?');
    expect(reply).toContain('Я отвечаю о мерах социальной поддержки');
    expect(reply).not.toContain('В ответе «');
  });
});

describe('a person asked for in English (citizen audit 4, H10)', () => {
  it('is told in English that a consultant will answer here, before the Russian hand-off', () => {
    const chat = engineChat();
    const reply = chat.send('Consultant please');
    expect(reply.text).toMatch(/^I have passed your message to a consultant/);
    expect(reply.text).toContain('Передаю ваш вопрос консультанту');
    expect(chat.send('позовите консультанта').text).not.toContain('I have passed');
  });
});

describe('a part the answer lacks, from the entry the curators marked as the same measure (citizen audit 5, H6)', () => {
  it.each([
    [
      'коммуналка 7 тысяч а пенсия 16 тысяч можно субсидию получить',
      'а документы какие',
      'Как оформить субсидию на ЖКУ — документы и куда подать — Документы',
    ],
    [
      'продление субсидии на жку',
      'а документы',
      'Как оформить субсидию на ЖКУ — документы и куда подать — Документы',
    ],
    [
      'семейная выплата возврат ндфл кому положена',
      'а куда подавать',
      'Как и когда подавать заявление на семейную выплату — Как подать',
    ],
    [
      'кто считается многодетной семьей',
      'а документы',
      'Удостоверение многодетной семьи — как получить — Документы',
    ],
  ])('«%s» / «%s» gets «%s» (was «В этом ответе нет раздела»)', (question, followUp, heading) => {
    expect(replyToFollowUp(question, followUp)).toMatch(new RegExp(`^${heading}`));
  });
});

describe('a condition put to the answer shown (citizen audit 5, H1)', () => {
  it('«а если я работаю на полставки» after the disabled child’s measures quotes the carer payment’s rule, not the childcare benefit’s «Пособие сохраняется…»', () => {
    const reply = replyToFollowUp(
      'сколько платят на ребенка инвалида по уходу',
      'а если я работаю на полставки',
    );
    expect(reply).toMatch(/^В ответе «Выплата по уходу за ребёнком-инвалидом/);
    expect(reply).toContain('Не назначают, если ухаживающий работает');
    expect(reply).not.toContain('Пособие сохраняется');
  });

  it('«а если я на пенсии» after the disabled child’s measures quotes that the carer payment is not for those on a pension, not the parents’ early pension (verification pass 6)', () => {
    const reply = replyToFollowUp('ребенку дали инвалидность что положено', 'а если я на пенсии');
    expect(reply).toMatch(/^В ответе «Ребёнок-инвалид/);
    expect(reply).toContain('не получает пенсию и ухаживает');
    expect(reply).not.toContain('пенсия раньше');
  });

  it('«а если я студентка» after the maternity pay of a woman not working still gets the students’ own entry (same topic)', () => {
    const reply = replyToFollowUp('декретные если не работаю', 'а если я студентка');
    expect(reply).toMatch(/^Декретные студенткам очной формы обучения/);
  });
});

describe('a region named right after "which of these?" (citizen audit 5, H4)', () => {
  it('«а в волгограде» after the choices for «какие пособия в перми» offers them again for Volgograd (was «Запомнил ваш регион» and the main menu)', () => {
    const chat = engineChat();
    expect(chat.send('какие пособия в перми').buttons).toContain(
      'Прожиточный минимум в Пермском крае на 2026 год и краевые меры для взрослых',
    );
    const again = chat.send('а в волгограде');
    expect(again.text).toMatch(/^Запомнил ваш регион: Волгоградская область\.[\s\S]*Уточните, пожалуйста/);
    expect(again.buttons).toContain(
      'Прожиточный минимум в Волгоградской области на 2026 год и областные меры',
    );
    expect(again.buttons.join(' ')).not.toMatch(/Пермск/);
  });

  it('«а в волгограде» after the unified benefit’s amounts for Perm (answered since citizen audit 7, M4) shows them for Volgograd', () => {
    const chat = engineChat();
    expect(chat.send('сколько единое пособие в перми').text).toMatch(/^Сколько платят единое пособие/);
    const again = chat.send('а в волгограде');
    expect(again.text).toMatch(/^Сколько платят единое пособие/);
    expect(again.text.replace(/\s/g, ' ')).toContain('15 799 ₽ в месяц');
  });
});

describe('a later year asked about (citizen audit 5, H10 and M4)', () => {
  it('«а на 2027» after the Perm subsistence minimum shows its amounts and says that 2027’s are not in yet (was the parts of the answer)', () => {
    const reply = replyToFollowUp('какой прожиточный минимум в пермском крае', 'а на 2027');
    expect(reply).toMatch(/^Прожиточный минимум в Пермском крае на 2026 год.* — Сколько платят/);
    expect(reply).toContain(
      'Суммы на 2027 год здесь ещё не указаны: показаны действующие, они изменятся с 01.01.2027',
    );
  });

  it('«единое пособие с 1 января 2027 сколько будет» gets this year’s amounts with that note; a question about this year none', () => {
    const chat = engineChat();
    expect(chat.send('единое пособие с 1 января 2027 сколько будет').text).toContain(
      'Суммы на 2027 год здесь ещё не указаны',
    );
    expect(engineChat().send('сколько единое пособие на ребенка').text).not.toContain('Суммы на');
  });
});

describe('a sum the citizen names that an entry shows (citizen audit 4, H5; citizen audit 5, M8)', () => {
  it('«мне пришло 28450 рублей 45 копеек это что за деньги родила 3 недели назад» is the birth lump sum (was how long applications are reviewed)', () => {
    expect(
      engineChat().send('мне пришло 28450 рублей 45 копеек это что за деньги родила 3 недели назад').text,
    ).toMatch(/^Единовременное пособие при рождении ребёнка/);
  });

  it('«а 9678 рублей кто платит» after the funeral benefit’s amount is that benefit (was the unified benefit among choices)', () => {
    const reply = replyToFollowUp('пособие на погребение сколько', 'а 9678 рублей кто платит');
    expect(reply).toMatch(/^Пособие на похороны/);
  });

  it('a sum in a question the search answers surely does not override it («тетя ухаживает за племянником инвалидом, ей тоже 10000 или только 1200»)', () => {
    expect(
      engineChat().send('тетя ухаживает за племянником инвалидом, ей тоже 10000 или только 1200').text,
    ).toMatch(/^Выплата по уходу за ребёнком-инвалидом/);
  });
});

describe('a short follow-up naming the answer’s own measure and a part (citizen audit 5, M2)', () => {
  it('«а сколько доплатят» after the pension supplement is its «Сколько платят» (was a line about who pays it)', () => {
    const reply = replyToFollowUp('доплата к пенсии до прожиточного минимума', 'а сколько доплатят');
    expect(reply).toMatch(/^Доплата к пенсии до прожиточного минимума.* — Сколько платят/);
  });

  it('«а размер единого пособия?» after its amounts is that part, not a line of another entry of the topic', () => {
    const reply = replyToFollowUp('сколько платят единое пособие на ребенка', 'а размер единого пособия?');
    expect(reply).toMatch(/^Сколько платят единое пособие на ребёнка — 50, 75 или 100%/);
    expect(reply).not.toMatch(/^В ответе «/);
  });
});

describe('an aspect any measure may have is no other measure (verification pass 6, H3)', () => {
  it.each([
    ['компенсация 50 процентов жку инвалидам', 'а продлевать надо', 'Продление субсидии'],
    ['ЕДК ветеранам труда за коммуналку', 'а продлевать надо', 'Продление субсидии'],
    ['выплата по уходу за ребенком инвалидом', 'а индексируют', 'ЕДВ инвалидам'],
    ['субсидия на жку кому положена', 'а квартира съемная', 'Жильё для детей-сирот'],
  ])('«%s» / «%s» does not get «%s…»', (question, followUp, wrong) => {
    expect(replyToFollowUp(question, followUp)).not.toMatch(new RegExp(`^${wrong}`));
  });
});

describe('a condition the answer shown has no line for (verification pass 6, H7)', () => {
  it('«а если я работаю удаленно» after the disabled child’s measures quotes the carer payment’s rule (was the childcare benefit’s «Пособие сохраняется… удалённо»)', () => {
    const reply = replyToFollowUp(
      'у ребенка инвалидность что положено родителям',
      'а если я работаю удаленно',
    );
    expect(reply).toContain('Не назначают, если ухаживающий работает');
  });

  it('«а если муж работает» there gets the answer’s parts, not another category’s card (was the survivor’s pension)', () => {
    const reply = replyToFollowUp('у ребенка инвалидность что положено родителям', 'а если муж работает');
    expect(reply).toMatch(/^Если вы об ответе «Ребёнок-инвалид/);
  });

  it('«а если я студентка» after the unified pregnancy benefit, of the same category, still gets the students’ maternity pay', () => {
    expect(replyToFollowUp('единое пособие беременным кому положено', 'а если я студентка')).toMatch(
      /^Декретные студенткам очной формы обучения/,
    );
  });
});

describe('one choice left for the region named', () => {
  it('is answered, not offered alone («выплаты в перми / а в волгограде»; a verification pass)', () => {
    const chat = engineChat();
    chat.send('выплаты в перми');
    expect(chat.send('а в волгограде').text).toMatch(
      /^Запомнил ваш регион[\s\S]*Прожиточный минимум в Волгоградской области/,
    );
  });
});
