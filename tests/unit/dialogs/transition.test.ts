import { describe, expect, it } from 'vitest';
import { DIALOG_STATE_VERSION, restoreState } from '../../../src/dialogs/dialog-state.js';
import type { Effect } from '../../../src/dialogs/effects.js';
import { decodePayload, encodePayload } from '../../../src/dialogs/payloads.js';
import { MAX_PAYLOAD_BYTES, payloadBytes } from '../../../src/messaging/outgoing-message.js';
import type { SearchContext, SearchOutcome, SpecialIntent } from '../../../src/search/search-types.js';
import {
  answerFor,
  buttonLabels,
  DialogHarness,
  findPayload,
  outcomeOf,
  replies,
  replyText,
  ScriptedSearch,
} from '../../support/dialog-harness.js';

/** The scripted search finds these entries (best first) with this band and confidence. */
function searchFinds(h: DialogHarness, band: SearchOutcome['band'], entryIds: string[], confidence: number) {
  const hits = entryIds.map((entryId, i) => ({ entryId, topic: h.kb.entry(entryId)!.topic, score: 10 - i }));
  h.search.next = { band, hits, confidence };
}

/** The scripted search reads the next message as one of the intents answered without a knowledge-base entry. */
function intentIs(h: DialogHarness, intent: SpecialIntent) {
  h.search.next = { band: 'out_of_scope', intent, hits: [], confidence: 1 };
}

/** The reply recorded a 👎 against the entry and handed the chat to a consultant. */
function expectDislikedAndHandedOver(effects: Effect[], entryId: string, detail: string) {
  expect(effects).toContainEqual({ type: 'feedback', entryId, helpful: false });
  expect(effects.some((e) => e.type === 'handoff')).toBe(true);
  expect(outcomeOf(effects)).toMatchObject({ outcome: 'handoff', detail });
}

/** A first 👎 (or "нет", "не помогло"): recorded, the consultant offered one tap away, nobody queued yet. */
function expectDislikedAndOffered(effects: Effect[], entryId: string, detail: string) {
  expect(effects).toContainEqual({ type: 'feedback', entryId, helpful: false });
  expect(effects.some((e) => e.type === 'handoff')).toBe(false);
  expect(replyText(effects)).toMatch(/^Жаль, что ответ не помог\. Напишите вопрос другими словами/);
  expect(buttonLabels(replies(effects)[0])).toContain('👤 Позвать консультанта');
  expect(outcomeOf(effects)).toMatchObject({ outcome: 'other', detail: `${detail}:offered` });
}

const EP = 'ep-children-overview';

/** A dialog that has just answered a question from the unified-benefit entry. */
function answered() {
  const h = new DialogHarness();
  h.send({ kind: 'start' });
  const entry = answerFor(h, EP);
  h.text('детские пособия кому положены');
  return { h, entry };
}

/** A dialog that has just asked "which of these do you mean?" between two unified-benefit entries. */
function clarified() {
  const h = new DialogHarness();
  h.send({ kind: 'start' });
  searchFinds(h, 'clarify', [EP, 'ep-pregnancy-overview'], 0.5);
  h.text('детские пособия кому положены');
  return h;
}

describe('first contact', () => {
  it('/start greets, shows the personal-data notice with /privacy and the menu of life situations', () => {
    const h = new DialogHarness();
    const effects = h.send({ kind: 'start' });
    const [menu] = replies(effects);
    const text = replyText(effects);
    expect(text).toMatch(/Здравствуйте/);
    expect(text).toMatch(/\/privacy/);
    const labels = buttonLabels(menu);
    expect(labels).toContain('👵 Пенсии и пожилые');
    expect(labels).toContain('👤 Консультант');
    expect(labels.length).toBe(h.kb.taxonomy.categories.length + 1);
    expect(effects).toContainEqual({ type: 'citizen', patch: { consentAt: h.now } });
  });

  it('a question as the very first message is answered first, then the notice follows once', () => {
    const h = new DialogHarness();
    answerFor(h, EP);
    const first = replies(h.text('положено ли единое пособие'));
    expect(first).toHaveLength(2);
    expect(replyText(h.text('ещё вопрос про пособие'))).not.toMatch(/\/privacy/);
  });

  it('browsing a category lists its topics, a topic opens its answer or its entries', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    const category = h.press('c:family-children');
    expect(buttonLabels(replies(category)[0])).toContain('Единое пособие на детей до 17 лет');
    const topic = h.press('t:unified-child-benefit');
    const entries = h.kb.entriesOfTopic('unified-child-benefit');
    if (entries.length > 1) {
      expect(buttonLabels(replies(topic)[0])).toEqual(expect.arrayContaining(entries.map((e) => e.title)));
    } else {
      expect(outcomeOf(topic)?.outcome).toBe('answer');
    }
  });
});

describe('personal numbers sent', () => {
  it('says not to send a СНИЛС, a passport or a card number, before whatever the reply is; a phone number is no such thing', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    h.search.next = { band: 'handoff', intent: 'personal_case', hits: [], confidence: 1 };
    const text = replyText(h.text('мой снилс 123-456-789 64, паспорт 5712 345678, почему не пришла пенсия'));
    expect(text).toMatch(
      /^Пожалуйста, не присылайте сюда номера СНИЛС, паспорта и карт[\s\S]*Я не вижу личные дела/,
    );
    h.search.next = { band: 'handoff', intent: 'human', hits: [], confidence: 1 };
    expect(replyText(h.text('мой телефон 89123456789, перезвоните'))).not.toMatch(/не присылайте/);
  });
});

describe('questions outside social welfare', () => {
  it('beside an urgent need say where the rest is decided, then answer the need (unpaid wages, nothing to feed the children)', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    h.search.next = {
      band: 'clarify',
      redirect: 'labour',
      hits: [
        { entryId: 'emergency-material-help', topic: 'state-social-assistance', score: 10 },
        { entryId: 'social-contract-job-help', topic: 'social-contract', score: 9 },
      ],
      confidence: 0.5,
    };
    const effects = h.text('не платят зарплату 3 месяца, детей кормить нечем');
    expect(replyText(effects)).toMatch(
      /^Споры с работодателем .* решает трудовая инспекция[\s\S]*Если дома нет денег на еду, помочь может соцзащита[\s\S]*Уточните/,
    );
    expect(buttonLabels(replies(effects)[0])).toContain(
      'Разовая материальная помощь в трудной жизненной ситуации',
    );
    expect(outcomeOf(effects)?.outcome).toBe('clarify');
  });

  it('say first where such questions are decided, when the search knows, then what the assistant answers', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    h.search.next = {
      band: 'out_of_scope',
      intent: 'off_topic',
      redirect: 'utilities',
      hits: [],
      confidence: 1,
    };
    const text = replyText(h.text('отопление отключили'));
    expect(text).toMatch(
      /^Аварии, отключения, перерасчёты, ошибки в квитанции и сам лицевой счёт .* решает ваша управляющая компания/,
    );
    expect(text).toMatch(/Я отвечаю о мерах социальной поддержки/);
    expect(text).not.toMatch(/не помогу/);
    intentIs(h, 'off_topic');
    expect(replyText(h.text('какая погода'))).toMatch(
      /^С этим вопросом я, к сожалению, не помогу\. Я отвечаю о мерах/,
    );
  });
});

describe('the same text again', () => {
  it('within seconds and with nothing between is a double tap: answered once', () => {
    const h = new DialogHarness();
    answerFor(h, EP);
    expect(replies(h.text('единое пособие на детей'))).not.toHaveLength(0);
    const again = h.text('единое пособие  на детей');
    expect(replies(again)).toHaveLength(0);
    expect(outcomeOf(again)?.detail).toBe('repeat');
  });

  it('after a button press or a command in between is asked again: answered again', () => {
    const h = new DialogHarness();
    answerFor(h, EP);
    h.text('хочу поговорить с живым человеком');
    h.press('m');
    answerFor(h, EP);
    expect(replies(h.text('хочу поговорить с живым человеком'))).not.toHaveLength(0);
    h.send({ kind: 'command', command: 'menu', args: '' });
    answerFor(h, EP);
    expect(replies(h.text('хочу поговорить с живым человеком'))).not.toHaveLength(0);
  });
});

describe('answers', () => {
  it('from an entry past its review date warn that amounts may have changed, in the short answer and its parts', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    const entry = answerFor(h, EP);
    const warning = /нужно было перепроверить до (\d\d\.\d\d\.\d{4})\. Суммы и правила могли измениться/;
    expect(replyText(h.text('детские пособия кому положены'))).not.toMatch(warning);
    h.now = Date.parse(`${entry.reviewBy}T00:00:00Z`) + 24 * 3600_000;
    answerFor(h, EP);
    const overdue = h.text('а единое пособие кому дают');
    const [y, m, d] = entry.reviewBy.split('-');
    expect(replyText(overdue).match(warning)?.[1]).toBe(`${d}.${m}.${y}`);
    expect(replyText(h.press(findPayload(overdue, 'Документы')))).toMatch(warning);
    answerFor(h, 'tax-exemption-pensioners-property');
    expect(h.kb.entry('tax-exemption-pensioners-property')!.reviewBy > entry.reviewBy).toBe(true);
    expect(replyText(h.text('налог на гараж пенсионеру'))).not.toMatch(warning);
  });

  it('show the short answer first, its source and check date, section buttons and 👍/👎', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    const entry = answerFor(h, EP);
    const effects = h.text('детские пособия кому положены');
    const [message] = replies(effects);
    const text = replyText(effects);
    expect(text.startsWith(entry.title)).toBe(true);
    expect(text).toMatch(/Источник: .+Проверено: \d\d\.\d\d\.\d{4}/s);
    const labels = buttonLabels(message);
    expect(labels).toEqual(
      expect.arrayContaining([
        'Кто может получить',
        'Документы',
        '👍 Помогло',
        '👎 Не помогло',
        '👤 Консультант',
      ]),
    );
    expect(outcomeOf(effects)).toMatchObject({
      outcome: 'answer',
      entryId: EP,
      topics: ['unified-child-benefit'],
    });
  });

  it('offer another entry of the topic that the search found nearly as fitting, as a button that opens it', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    const other = h.kb.entry('ep-children-amount')!;
    searchFinds(h, 'answer', [EP, other.id], 0.8);
    const effects = h.text('детские пособия кому положены');
    expect(outcomeOf(effects)).toMatchObject({ outcome: 'answer', entryId: EP });
    const label = `➡️ Ещё: ${other.title}`;
    expect(buttonLabels(replies(effects)[0])).toContain(label);

    const opened = h.press(findPayload(effects, label));
    expect(replyText(opened).startsWith(other.title)).toBe(true);
    expect(outcomeOf(opened)).toMatchObject({ outcome: 'answer', entryId: other.id });

    // An answer found alone has no such button.
    answerFor(h, EP);
    expect(buttonLabels(replies(h.text('единое пособие кому'))[0]).some((l) => l.startsWith('➡️'))).toBe(
      false,
    );
  });

  it('fill regional figures for a known region and ask for the region otherwise', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    answerFor(h, EP);
    const unknown = replyText(h.press(encodePayload({ a: 'section', id: EP, section: 'amount' })));
    // Three amounts on one line from the Russian average, said so once, and the region asked for under them. The two
    // regions' own beside the first of them were read as if the other two were theirs too (a citizen audit).
    expect(unknown.match(/в среднем по России/g)).toHaveLength(1);
    expect(unknown).toMatch(/\(в среднем по России; в вашем регионе — своя сумма\)/);
    expect(unknown).not.toMatch(/в Пермском крае —/);
    expect(unknown).toMatch(/Выберите ваш регион/);
    const perm = replyText(h.press(`r:perm:${EP}`));
    expect(perm).toMatch(/16\u00a0901\u00a0₽/);
    expect(perm).toMatch(/Пермский край/);
    expect(h.state.region).toBe('perm');
  });

  it('a region picked under a part shows that part for the region, not the short answer (citizen audit 7, L4)', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    answerFor(h, EP);
    h.text('единое пособие');
    const amount = h.press(encodePayload({ a: 'section', id: EP, section: 'amount' }));
    const perm = h.press(findPayload(amount, 'Пермский край'));
    expect(outcomeOf(perm)).toMatchObject({ entryId: EP, detail: 'region:section:amount' });
    expect(replyText(perm)).toMatch(/— Сколько платят/);
    expect(replyText(perm)).toMatch(/8\u00a0450,50\u00a0₽/);
    expect(h.state.region).toBe('perm');
    // The payload carries the part, and reads back as it was written.
    const payload = encodePayload({ a: 'region', region: 'volgograd', id: EP, section: 'amount' });
    expect(decodePayload(payload)).toEqual({ a: 'region', region: 'volgograd', id: EP, section: 'amount' });
    expect(payload.length).toBeLessThanOrEqual(64);
  });

  it('tell the search the year it is and the region known, so "в 2026 году" weighs as "now" and regional entries come first', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    h.now = Date.UTC(2026, 11, 31, 12, 0, 0);
    answerFor(h, EP);
    h.text('какие выплаты положены на ребенка в 2026 году');
    expect(h.search.contexts.at(-1)).toEqual({ currentYear: 2026 });
    h.now = Date.UTC(2027, 0, 2, 12, 0, 0);
    h.text('пермь какие выплаты на ребенка');
    expect(h.search.contexts.at(-1)).toEqual({ region: 'perm', currentYear: 2027 });
  });

  it('a section button replaces the answer in place and shows that section', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    answerFor(h, EP);
    const answer = h.text('единое пособие');
    const effects = h.press(findPayload(answer, 'Документы'));
    expect(effects[0]).toMatchObject({ type: 'reply', edit: true });
    expect(replyText(effects)).toMatch(/Документы/);
    expect(buttonLabels(replies(effects)[0])).toContain('📄 Кратко');
  });

  it('follow-ups keep the context: "а какие документы?" opens that section of the same entry without a search', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    answerFor(h, EP);
    h.text('единое пособие на детей');
    const searches = h.search.queries.length;
    const effects = h.text('а какие документы?');
    expect(h.search.queries.length).toBe(searches + 1); // crisis check only; the answer is not from search
    expect(outcomeOf(effects)).toMatchObject({
      outcome: 'answer',
      entryId: EP,
      detail: 'follow-up:documents',
    });
    expect(replyText(effects)).toMatch(/Документы/);
  });

  it('a follow-up about a part the last answer lacks is searched as a new question when search finds something', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    answerFor(h, 'disability-mse-appeal'); // has no "how much" part
    h.text('не согласен с группой инвалидности');
    const guardianship = h.kb.entry('guardianship-monthly')!;
    searchFinds(h, 'clarify', [guardianship.id, EP], 0.5);
    const effects = h.text('внук со мной живёт, сколько дают');
    expect(outcomeOf(effects)).toMatchObject({ outcome: 'clarify', detail: 'search' });
    expect(replyText(effects)).not.toMatch(/нет раздела/);
    expect(buttonLabels(replies(effects)[0])).toContain(guardianship.title);
  });

  it('a follow-up about a part the last answer lacks, with nothing found for it alone, lists the parts there are', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    answerFor(h, 'disability-mse-appeal');
    h.text('не согласен с группой инвалидности');
    h.search.next = { band: 'out_of_scope', hits: [], confidence: 0 };
    const effects = h.text('а сколько платят?');
    expect(outcomeOf(effects)).toMatchObject({
      entryId: 'disability-mse-appeal',
      detail: 'follow-up:amount',
    });
    expect(replyText(effects)).toMatch(/нет раздела «Сколько платят»/);
  });

  it('a part the answer lacks comes from the entry of the same measure that has it, its overview first ("а документы?" after the amount)', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    answerFor(h, 'ep-children-amount');
    h.text('детские на второго');
    h.search.next = { band: 'out_of_scope', hits: [], confidence: 0 };
    const effects = h.text('а документы?');
    expect(outcomeOf(effects)).toMatchObject({ entryId: EP, detail: 'follow-up:documents:topic' });
    expect(replyText(effects)).not.toMatch(/нет раздела/);
    expect(replyText(effects)).toContain(`${h.kb.entry(EP)!.title} — Документы`);
    // The talk is about the overview now: the next follow-up reads its parts.
    expect(outcomeOf(h.text('а как подать'))).toMatchObject({ entryId: EP, detail: 'follow-up:apply' });
  });

  it('a part the answer lacks is not taken from another measure of its topic (the monthly guardianship payment is not the lump sum)', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    answerFor(h, 'guardianship-monthly');
    h.text('выплаты опекунам');
    h.search.next = { band: 'out_of_scope', hits: [], confidence: 0 };
    const effects = h.text('а документы');
    // No list is in its entry: said so, with where to apply (helper O; it was «нет раздела «Документы»»).
    expect(replyText(effects)).toMatch(/^Списка документов для этой меры в моих данных нет/);
    expect(outcomeOf(effects)).toMatchObject({
      entryId: 'guardianship-monthly',
      detail: 'follow-up:documents:apply',
    });
    expect(replyText(effects)).not.toMatch(/Единовременное пособие при усыновлении/);
    // The same measure's other entry still gives it.
    const birth = new DialogHarness();
    birth.send({ kind: 'start' });
    answerFor(birth, 'birth-lump-sum-amount');
    birth.text('сколько платят при рождении ребенка');
    birth.search.next = { band: 'out_of_scope', hits: [], confidence: 0 };
    expect(outcomeOf(birth.text('а документы'))).toMatchObject({
      entryId: 'birth-lump-sum-apply',
      detail: 'follow-up:documents:topic',
    });
  });

  it('a follow-up with no answer before it asks which measure is meant, with the topics, instead of "not my subject"', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    h.search.next = { band: 'out_of_scope', hits: [], confidence: 0.1 };
    const effects = h.text('а какие документы?');
    expect(replyText(effects)).toMatch(/О какой выплате или льготе вы спрашиваете/);
    expect(replyText(effects)).not.toMatch(/не помогу/);
    expect(buttonLabels(replies(effects)[0])).toContain('👵 Пенсии и пожилые');
    expect(outcomeOf(effects)).toMatchObject({ outcome: 'clarify', detail: 'follow-up:documents:no-answer' });
  });

  it('after "which of these do you mean?", a follow-up is not taken as one about the answer before it', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    answerFor(h, 'disability-mse-appeal');
    h.text('не согласен с группой инвалидности');
    const matcap = h.kb.entriesOfTopic('maternity-capital-spending');
    searchFinds(
      h,
      'clarify',
      matcap.slice(0, 2).map((e) => e.id),
      0.5,
    );
    expect(outcomeOf(h.text('на что можно потратить маткапитал'))?.outcome).toBe('clarify');
    h.search.next = { band: 'out_of_scope', hits: [], confidence: 0 };
    const effects = h.text('а сколько он');
    expect(replyText(effects)).not.toMatch(/нет раздела/);
    // The part asked for, of the first choice that has it: the same choices again, each opening that part, looked
    // like the question unheard (citizen audit 7, M4).
    const withAmount = matcap.slice(0, 2).find((e) => e.sections.amount !== undefined)!;
    expect(outcomeOf(effects)).toMatchObject({ entryId: withAmount.id, detail: 'section:amount' });
    expect(replyText(effects)).toMatch(/Сколько платят/);
    expect(replyText(effects)).not.toMatch(/Покажу раздел/);
  });

  it('a bare part typed at "which of these?" opens it in the choice whose title names it, else the first that has it', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    searchFinds(h, 'clarify', ['matcap-certificate', 'matcap-amount', 'matcap-monthly-payment'], 0.5);
    h.text('материнский капитал на первого ребенка');
    h.search.next = { band: 'out_of_scope', hits: [], confidence: 0 };
    // «Размер материнского капитала…» names the amount, though the certificate's entry comes first.
    expect(outcomeOf(h.text('сколько'))).toMatchObject({
      entryId: 'matcap-amount',
      detail: 'section:amount',
    });
    const docs = new DialogHarness();
    docs.send({ kind: 'start' });
    searchFinds(docs, 'clarify', ['matcap-amount', 'matcap-certificate'], 0.5);
    docs.text('материнский капитал на первого ребенка');
    docs.search.next = { band: 'out_of_scope', hits: [], confidence: 0 };
    // The amount's entry has no documents: the certificate's.
    expect(outcomeOf(docs.text('а документы'))).toMatchObject({
      entryId: 'matcap-certificate',
      detail: 'section:documents',
    });
  });

  it('the choices of a clarifying question last until the next message only', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    const matcap = h.kb.entriesOfTopic('maternity-capital-spending');
    searchFinds(
      h,
      'clarify',
      matcap.slice(0, 2).map((e) => e.id),
      0.5,
    );
    h.text('на что можно потратить маткапитал');
    h.search.next = { band: 'out_of_scope', hits: [], confidence: 0 };
    h.text('погода');
    expect(outcomeOf(h.text('а сколько платят'))).toMatchObject({ detail: 'follow-up:amount:no-answer' });
  });

  it('a very long message is answered from its beginning, with a note', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    answerFor(h, EP);
    const effects = h.text(`единое пособие ${'очень '.repeat(2000)}`);
    expect(h.search.queries.at(-1)!.length).toBeLessThanOrEqual(1000);
    expect(replyText(effects)).toMatch(/очень длинное/);
    expect(outcomeOf(effects)).toMatchObject({ outcome: 'answer', entryId: EP });
  });
});

/** A scripted search that answers each query with the next outcome of its list (the last one repeats). */
class SearchSequence extends ScriptedSearch {
  constructor(private readonly outcomes: SearchOutcome[]) {
    super();
  }
  override search(query: string, context?: SearchContext): SearchOutcome {
    super.search(query, context);
    return this.outcomes.length > 1 ? this.outcomes.shift()! : this.outcomes[0]!;
  }
}

const NOTHING: SearchOutcome = { band: 'out_of_scope', hits: [], confidence: 0 };

describe('a question that asks for the documents', () => {
  it('gets the documents part of the entry found, not its short answer; documents merely named do not', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    const entry = answerFor(h, EP);
    const effects = h.text('какие документы нужны на единое пособие');
    expect(replyText(effects)).toContain(`${entry.title} — Документы`);
    expect(outcomeOf(effects)).toMatchObject({ outcome: 'answer', entryId: EP, detail: 'search:documents' });
    // The talk is about that entry: "а сколько?" next is its amount.
    h.search.next = { band: 'out_of_scope', hits: [], confidence: 0 };
    expect(outcomeOf(h.text('а сколько платят?'))).toMatchObject({ entryId: EP, detail: 'follow-up:amount' });
    const fresh = new DialogHarness();
    fresh.send({ kind: 'start' });
    answerFor(fresh, EP);
    expect(outcomeOf(fresh.text('не приняли документы, где жаловаться'))).toMatchObject({ detail: 'search' });
  });
});

describe('a follow-up the search finds nothing in, right after an answer', () => {
  it('offers the parts of that answer, instead of calling it out of scope ("а зимой?")', () => {
    const { h, entry } = answered();
    h.search.next = NOTHING;
    const effects = h.text('а зимой?');
    const text = replyText(effects);
    expect(text).toContain(`Если вы об ответе «${entry.title}»`);
    expect(text).not.toMatch(/не помогу/);
    expect(outcomeOf(effects)).toMatchObject({ outcome: 'other', entryId: EP, detail: 'follow-up:parts' });
    // Searched again with the answer's title: the words of the follow-up may name another entry with it.
    expect(h.search.queries.at(-1)).toBe(`а зимой? ${entry.title}`);
  });

  it('quotes the line of the answer that says what the follow-up asks ("а работающим тоже?")', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    const entry = answerFor(h, 'pension-indexation-next-year');
    h.text('что изменится с 1 января 2027 года для пенсионеров');
    h.search.next = NOTHING;
    const effects = h.text('а работающим тоже');
    const text = replyText(effects);
    expect(text).toContain(`В ответе «${entry.title}» об этом сказано`);
    expect(text).toMatch(/с 1 января, и работающим тоже/);
    expect(text).toMatch(/Проверено:/);
    expect(outcomeOf(effects)).toMatchObject({
      outcome: 'answer',
      entryId: entry.id,
      detail: 'follow-up:quote',
    });
    // Words the answer does not have: its parts, as before.
    h.search.next = NOTHING;
    expect(replyText(h.text('а долго ждать'))).toContain(`Если вы об ответе «${entry.title}»`);
  });

  it('answers from the entry the follow-up names together with the answer', () => {
    const { h } = answered();
    const income = h.kb.entry('ep-children-income-rules')!;
    h.search = new SearchSequence([
      NOTHING,
      { band: 'answer', hits: [{ entryId: income.id, topic: income.topic, score: 9 }], confidence: 0.7 },
    ]);
    const effects = h.text('а если зарплата серая?');
    expect(replyText(effects)).toContain(income.title);
    expect(outcomeOf(effects)).toMatchObject({
      outcome: 'answer',
      entryId: income.id,
      detail: 'follow-up:context',
    });
  });

  it('shows the answer again for a region named ("а в волгоградской области?"), which now applies', () => {
    const { h, entry } = answered();
    h.search.next = NOTHING;
    const effects = h.text('а в волгоградской области?');
    expect(replyText(effects)).toContain(entry.title);
    expect(outcomeOf(effects)).toMatchObject({ outcome: 'answer', entryId: EP, detail: 'follow-up:region' });
    expect(h.state.region).toBe('volgograd');
  });

  it('says the region is kept instead of sending the same answer again when the answer is the same everywhere', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    const entry = answerFor(h, 'benefit-payment-dates');
    h.text('почему не пришла пенсия');
    h.search.next = NOTHING;
    const effects = h.text('а в волгоградской области?');
    expect(replyText(effects)).toMatch(/^Запомнил ваш регион: Волгоградская область\. В ответе «/);
    expect(replyText(effects)).not.toContain(entry.short.slice(0, 40));
    expect(outcomeOf(effects)).toMatchObject({ entryId: entry.id, detail: 'follow-up:region:same' });
    expect(h.state.region).toBe('volgograd');
  });

  it('"а в Перми?" asks the answer\'s question for that region, though the search found the region\'s contacts for it', () => {
    const { h, entry } = answered();
    const contacts = h.kb.entry('perm-social-agencies-contacts')!;
    h.search = new SearchSequence([
      { band: 'answer', hits: [{ entryId: contacts.id, topic: contacts.topic, score: 9 }], confidence: 0.8 },
      { band: 'answer', hits: [{ entryId: EP, topic: entry.topic, score: 9 }], confidence: 0.8 },
    ]);
    const effects = h.text('а в Перми?');
    expect(outcomeOf(effects)).toMatchObject({ outcome: 'answer', entryId: EP, detail: 'follow-up:region' });
    expect(replyText(effects)).toMatch(/16\u00a0901\u00a0₽/);
    // A longer message naming a region is a question of its own.
    h.search = new SearchSequence([
      { band: 'answer', hits: [{ entryId: contacts.id, topic: contacts.topic, score: 9 }], confidence: 0.8 },
    ]);
    expect(outcomeOf(h.text('а где в перми соцзащита и какие часы работы у неё'))).toMatchObject({
      entryId: contacts.id,
    });
  });

  it('"а в Перми?" after another region\'s own measure, answered or among the choices, is the Perm entry about it', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    const contacts = h.kb.entry('perm-social-agencies-contacts')!;
    const permContacts: SearchOutcome = {
      band: 'answer',
      hits: [{ entryId: contacts.id, topic: contacts.topic, score: 9 }],
      confidence: 0.8,
    };
    h.press('e:volgograd-subsistence-minimum');
    h.search.next = permContacts;
    expect(outcomeOf(h.text('а в Перми?'))).toMatchObject({
      entryId: 'perm-subsistence-minimum-benefits',
      detail: 'follow-up:region',
    });

    h.search.next = {
      band: 'clarify',
      hits: [
        { entryId: 'volgograd-subsistence-minimum', topic: 'volgograd-regional-benefits', score: 9 },
        { entryId: 'subsistence-minimum-mrot', topic: 'state-social-assistance', score: 8 },
      ],
      confidence: 0.5,
    };
    expect(outcomeOf(h.text('прожиточный минимум'))?.outcome).toBe('clarify');
    h.search.next = permContacts;
    expect(outcomeOf(h.text('а в перми?'))).toMatchObject({ entryId: 'perm-subsistence-minimum-benefits' });
  });

  it('is still out of scope with no answer before it, or when the search says it is off-topic', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    expect(replyText(h.text('а если я работаю?'))).toMatch(/не помогу/);
    const { h: after } = answered();
    intentIs(after, 'off_topic');
    expect(replyText(after.text('а какая завтра погода'))).toMatch(/не помогу/);
  });
});

describe('a short «а …» right after "which of these?", which the search finds nothing in', () => {
  const choices: SearchOutcome = {
    band: 'clarify',
    hits: [
      { entryId: 'pension-supplement-to-minimum', topic: 'pension-social-supplement', score: 9 },
      { entryId: 'housing-subsidy-eligibility', topic: 'housing-utility-subsidy', score: 8 },
      { entryId: 'pension-children-supplement', topic: 'old-age-pension', score: 7 },
    ],
    confidence: 0.5,
  };
  const nothing: SearchOutcome = { band: 'out_of_scope', hits: [], confidence: 0.6 };

  it('answers the one choice it names, narrows to those it names, or offers the choices again instead of refusing', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    h.search.next = choices;
    h.text('маме положена доплата и субсидия?');
    h.search.next = nothing;
    const narrowed = h.text('а доплата');
    expect(outcomeOf(narrowed)?.outcome).toBe('clarify');
    expect(replyText(narrowed)).not.toMatch(/не помогу/);
    expect(buttonLabels(replies(narrowed)[0]).filter((l) => /Доплата/.test(l))).toHaveLength(2);
    expect(buttonLabels(replies(narrowed)[0]).join(' ')).not.toMatch(/Субсидия/);
    h.search.next = nothing;
    expect(outcomeOf(h.text('а за детей'))).toMatchObject({ entryId: 'pension-children-supplement' });

    const again = new DialogHarness();
    again.send({ kind: 'start' });
    again.search.next = choices;
    again.text('маме положена доплата и субсидия?');
    again.search.next = nothing;
    const same = again.text('а на второго');
    expect(outcomeOf(same)?.outcome).toBe('clarify');
    expect(buttonLabels(replies(same)[0])).toContain('Доплата к пенсии до прожиточного минимума');
    // A question of its own is still refused when the search says it is off-topic.
    intentIs(again, 'off_topic');
    expect(replyText(again.text('а погода завтра'))).toMatch(/не помогу/);
  });

  it('opens the choice picked by its number, typed («третье», «3», «давайте первое»); not after the next message', () => {
    for (const [typed, id] of [
      ['третье', 'pension-children-supplement'],
      ['3', 'pension-children-supplement'],
      ['давайте первое', 'pension-supplement-to-minimum'],
      ['Вариант 2.', 'housing-subsidy-eligibility'],
      // Forms people write (a verification pass): «да первое», «3-е», «2й», «второе наверное».
      ['да первое', 'pension-supplement-to-minimum'],
      ['3-е', 'pension-children-supplement'],
      ['2й', 'housing-subsidy-eligibility'],
      ['второе наверное', 'housing-subsidy-eligibility'],
    ] as const) {
      const h = new DialogHarness();
      h.send({ kind: 'start' });
      h.search.next = choices;
      h.text('маме положена доплата и субсидия?');
      h.search.next = nothing;
      expect(outcomeOf(h.text(typed)), typed).toMatchObject({ outcome: 'answer', entryId: id });
    }
    // Two numbers, a fourth of three, or a number once the choices are gone are no pick.
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    h.search.next = choices;
    h.text('маме положена доплата и субсидия?');
    h.search.next = nothing;
    expect(outcomeOf(h.text('1 и 3'))?.entryId).toBeUndefined();
    h.search.next = choices;
    h.text('маме положена доплата и субсидия?');
    h.search.next = nothing;
    // A number past the last choice gets the choices again (it was searched: «4» was an entry with a 4 in it).
    expect(outcomeOf(h.text('четвертое'))).toMatchObject({
      outcome: 'clarify',
      detail: 'typed-choice:again',
    });
    intentIs(h, 'off_topic');
    h.text('какая завтра погода');
    h.search.next = nothing;
    expect(outcomeOf(h.text('второе'))?.entryId).toBeUndefined();
  });
});

describe('when unsure', () => {
  it('offers up to three entries and "none of these: consultant"', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    const ids = h.kb.entries.slice(0, 4).map((e) => e.id);
    h.search.next = {
      band: 'clarify',
      hits: ids.map((entryId) => ({ entryId, topic: h.kb.entry(entryId)!.topic, score: 1 })),
      confidence: 0.4,
    };
    const effects = h.text('выплата');
    const labels = buttonLabels(replies(effects)[0]);
    expect(labels).toHaveLength(4);
    expect(labels.at(-1)).toMatch(/Ничего не подходит/);
    expect(outcomeOf(effects)?.outcome).toBe('clarify');
    const none = h.press(findPayload(effects, /Ничего не подходит/));
    expect(none).toContainEqual({ type: 'handoff', reason: 'not_found', priority: 'normal' });
  });

  it('two failed searches in a row hand the chat to a consultant', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    h.search.next = { band: 'handoff', hits: [], confidence: 0.1 };
    const first = h.text('помогите с выплатой');
    expect(first.some((e) => e.type === 'handoff')).toBe(false);
    expect(buttonLabels(replies(first)[0])).toContain('👤 Позвать консультанта');
    const second = h.text('ну та выплата от соцзащиты');
    expect(second).toContainEqual({ type: 'handoff', reason: 'failed_searches', priority: 'normal' });
    expect(replyText(second)).toMatch(/Передаю ваш вопрос консультанту/);
  });

  it('a likely entry search could not answer from is offered as a possibility, next to the consultant', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    const entry = h.kb.entry('pension-how-to-apply')!;
    searchFinds(h, 'handoff', [entry.id], 0.7);
    const effects = h.text('хочу оформить свою пенсию');
    expect(outcomeOf(effects)).toMatchObject({ outcome: 'handoff', detail: 'search:not_sure' });
    expect(replyText(effects)).toMatch(/Возможно, вы об этом/);
    expect(buttonLabels(replies(effects)[0])).toEqual([entry.title, '👤 Позвать консультанта', '🏠 Меню']);
    const opened = h.press(findPayload(effects, entry.title));
    expect(outcomeOf(opened)).toMatchObject({ outcome: 'answer', entryId: entry.id });
    expect(h.state.failedSearches).toBe(0);
  });

  it('"да" to the possibility offered opens it; "нет" goes to a consultant', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    const entry = h.kb.entry('pension-how-to-apply')!;
    searchFinds(h, 'handoff', [entry.id], 0.7);
    h.text('хочу оформить свою пенсию');
    intentIs(h, 'agree');
    const yes = h.text('да');
    expect(outcomeOf(yes)).toMatchObject({ outcome: 'answer', entryId: entry.id, detail: 'intent:agree' });
    expect(replyText(yes).startsWith(entry.title)).toBe(true);

    searchFinds(h, 'handoff', [entry.id], 0.7);
    h.text('оформить пенсию как');
    intentIs(h, 'disagree');
    expect(h.text('нет')).toContainEqual(expect.objectContaining({ type: 'handoff', reason: 'not_found' }));
  });

  it('a weak guess is not offered: only the consultant and the menu', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    const entry = h.kb.entry('pension-how-to-apply')!;
    searchFinds(h, 'handoff', [entry.id], 0.1);
    const effects = h.text('у меня проблема с выплатой');
    expect(replyText(effects)).not.toMatch(/Возможно/);
    expect(buttonLabels(replies(effects)[0])).toEqual(['👤 Позвать консультанта', '🏠 Меню']);
  });

  it('out-of-scope questions get a polite refusal that says what the assistant does', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    h.search.next = { band: 'out_of_scope', intent: 'off_topic', hits: [], confidence: 0 };
    const effects = h.text('погода на выходных');
    expect(outcomeOf(effects)?.outcome).toBe('refuse');
    expect(replyText(effects)).toMatch(/пособия и выплаты семьям, пенсии/);
  });

  it('a plea with nothing to search by asks what happened, with the topics and the consultant', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    intentIs(h, 'vague');
    const effects = h.text('помогите пожалуйста очень нужно');
    expect(replyText(effects)).toMatch(/Я постараюсь помочь/);
    expect(replyText(effects)).not.toMatch(/не помогу/);
    expect(buttonLabels(replies(effects)[0])).toContain('👤 Консультант');
    expect(outcomeOf(effects)).toMatchObject({ outcome: 'refuse', detail: 'intent:vague' });
  });

  it('an English question is told, in English too, that questions are read in Russian, with the consultant one tap away', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    intentIs(h, 'foreign');
    const effects = h.text('Hello, I need help with pension');
    expect(replyText(effects)).toMatch(/только на русском языке/);
    expect(replyText(effects)).toMatch(/I can only read questions in Russian/);
    expect(buttonLabels(replies(effects)[0])).toContain('👤 Консультант');
    expect(outcomeOf(effects)).toMatchObject({ outcome: 'refuse', detail: 'intent:foreign' });
  });

  it('a plea right after an answer ("почему так мало?") offers the parts of the answer first, with the consultant', () => {
    const { h, entry } = answered();
    intentIs(h, 'vague');
    const effects = h.text('почему так мало');
    expect(replyText(effects)).toMatch(new RegExp(`Если вы об ответе «${entry.title.slice(0, 20)}`));
    expect(buttonLabels(replies(effects)[0])).toEqual(
      expect.arrayContaining(['Сколько платят', '👤 Консультант']),
    );
    expect(outcomeOf(effects)).toMatchObject({ outcome: 'other', entryId: entry.id, detail: 'intent:vague' });
  });

  it('a personal-case request explains what we cannot see and offers a consultant', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    h.search.next = { band: 'handoff', intent: 'personal_case', hits: [], confidence: 0 };
    const effects = h.text('проверьте моё заявление номер 123');
    expect(outcomeOf(effects)?.outcome).toBe('handoff');
    expect(replyText(effects)).toMatch(/8-800-100-00-01/);
  });
});

describe('hand-off', () => {
  it('an explicit request for a person starts the hand-off with a confirmation', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    h.search.next = { band: 'handoff', intent: 'human', hits: [], confidence: 1 };
    const effects = h.text('позовите живого человека');
    expect(effects).toContainEqual({ type: 'handoff', reason: 'user_request', priority: 'normal' });
    expect(replyText(effects)).toMatch(/консультант/i);
  });

  it('/operator hands off; 👎 offers the consultant (two audits: it queued people at once), a second 👎 hands off', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    expect(h.send({ kind: 'command', command: 'operator', args: '' })).toContainEqual({
      type: 'handoff',
      reason: 'user_request',
      priority: 'normal',
    });
    const g = new DialogHarness();
    g.send({ kind: 'start' });
    answerFor(g, EP);
    const answer = g.text('единое пособие');
    const down = g.press(findPayload(answer, '👎 Не помогло'));
    expectDislikedAndOffered(down, EP, 'feedback:down');
    // The next question is the assistant's again.
    expect(g.state.handoff).toBeUndefined();
    const twice = g.press(findPayload(answer, '👎 Не помогло'));
    expect(twice).toContainEqual({ type: 'handoff', reason: 'negative_feedback', priority: 'normal' });
    expect(replyText(twice)).toMatch(/Жаль, что ответ не помог/);
  });

  it('while waiting, messages go to the consultant (acknowledged once), and the citizen can go back', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    h.send({ kind: 'command', command: 'operator', args: '' });
    h.search.next = {
      band: 'answer',
      hits: [{ entryId: EP, topic: 'unified-child-benefit', score: 30 }],
      confidence: 0.9,
    };
    const first = h.text('у меня трое детей');
    expect(outcomeOf(first)?.detail).toBe('relayed');
    expect(replyText(first)).toMatch(/Передал консультанту/);
    h.now += 1000;
    expect(replies(h.text('и муж не работает'))).toHaveLength(0);
    // After a pause, a message is acknowledged again (five minutes of silence read as a broken chat).
    h.now += 90_000;
    expect(replyText(h.text('что делать то'))).toMatch(/Передал консультанту/);
    const back = h.press('hx');
    expect(back).toContainEqual({ type: 'handoff-cancel' });
    expect(h.state.handoff).toBeUndefined();
  });

  it('danger to life gets emergency contacts at once and an urgent hand-off', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    h.search.next = { band: 'handoff', intent: 'crisis', hits: [], confidence: 1 };
    const effects = h.text('муж бьёт, боюсь за жизнь');
    expect(replyText(effects)).toMatch(/112/);
    expect(effects).toContainEqual({ type: 'handoff', reason: 'crisis', priority: 'urgent' });
    expect(outcomeOf(effects)?.topics).toEqual(['crisis-support']);
  });

  it("names a part by the entry's own name where the common one misleads: «Даты выплат», not «Сколько платят», on the payment dates", () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    h.search.next = {
      band: 'answer',
      hits: [{ entryId: 'benefit-payment-dates', topic: 'processing-times', score: 10 }],
      confidence: 0.9,
    };
    const effects = h.text('когда приходят детские');
    const labels = buttonLabels(replies(effects)[0]);
    expect(labels).toContain('Даты выплат');
    expect(labels).not.toContain('Сколько платят');
    const dates = replyText(h.press(findPayload(effects, 'Даты выплат')));
    // The title already says the part: not «…даты выплаты пособий — Даты выплат» (a stammer, a citizen audit).
    expect(dates).toMatch(
      /^Когда приходят деньги — даты выплаты пособий\n[\s\S]*единое пособие на детей и беременным — 3-го числа/,
    );
    expect(dates).not.toMatch(/— Даты выплат/);
    // Typed as it reads on the button, it is the button (the section cues do not know an entry's own names).
    h.press(encodePayload({ a: 'entry', id: 'benefit-payment-dates' }));
    expect(replyText(h.text('даты выплат'))).toMatch(
      /^Когда приходят деньги — даты выплаты пособий\n[\s\S]*3-го числа/,
    );
  });

  it('keeps «Title — Part» where the title says several parts: «…документы и куда подать» has «— Документы» and «— Как подать»', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    answerFor(h, 'housing-subsidy-apply');
    const documents = replyText(
      h.press(encodePayload({ a: 'section', id: 'housing-subsidy-apply', section: 'documents' })),
    );
    const apply = replyText(
      h.press(encodePayload({ a: 'section', id: 'housing-subsidy-apply', section: 'apply' })),
    );
    expect(documents).toMatch(/^Как оформить субсидию на ЖКУ — документы и куда подать — Документы\n/);
    expect(apply).toMatch(/^Как оформить субсидию на ЖКУ — документы и куда подать — Как подать\n/);
  });

  it('danger to life found in the knowledge base: the emergency entry with its source, then the urgent hand-off', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    h.search.next = {
      band: 'handoff',
      intent: 'crisis',
      hits: [{ entryId: 'crisis-emergency-help', topic: 'crisis-support', score: 0 }],
      confidence: 1,
    };
    const effects = h.text('сожитель угрожает убить');
    const text = replyText(effects);
    expect(text).toMatch(/112/);
    expect(text).toMatch(/Источник/);
    // No "Помог ли ответ?" and 👍/👎 beside 112 for someone in danger.
    expect(text).not.toMatch(/Помог ли ответ/);
    const payloads = replies(effects).flatMap((m) =>
      (m.buttons ?? []).flat().map((b) => (b.kind === 'action' ? b.payload : '')),
    );
    expect(payloads.map((p) => decodePayload(p)?.a)).not.toContain('feedback');
    expect(payloads.map((p) => decodePayload(p)?.a)).toContain('section');
    // Where to call and go, by that name; not «Кто может получить» or «Правовая основа», as if it were a benefit.
    const labels = buttonLabels(replies(effects)[0]);
    expect(labels).toContain('📞 Куда звонить и обращаться');
    expect(labels).not.toContain('Кто может получить');
    expect(labels).not.toContain('Правовая основа');
    const where = h.press(findPayload(effects, '📞 Куда звонить и обращаться'));
    expect(replyText(where)).toMatch(/— 📞 Куда звонить и обращаться[\s\S]*Мысли о самоубийстве/);
    expect(effects).toContainEqual({ type: 'handoff', reason: 'crisis', priority: 'urgent' });
    const recorded = effects.filter((e) => e.type === 'outcome');
    expect(recorded).toEqual([
      expect.objectContaining({ outcome: 'answer', entryId: 'crisis-emergency-help' }),
    ]);
    expect(h.state.handoff?.reason).toBe('crisis');
  });
});

describe('small talk', () => {
  it('"are you a bot?" gets a plain "a program, not a person", with the consultant one tap away', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    intentIs(h, 'about');
    const effects = h.text('вы бот?');
    expect(replyText(effects)).toMatch(/автоматический помощник \(программа\), а не человек/);
    expect(replyText(effects)).not.toMatch(/не помогу/);
    expect(buttonLabels(replies(effects)[0])).toContain('👤 Консультант');
    expect(outcomeOf(effects)).toMatchObject({ outcome: 'refuse', detail: 'intent:about' });
  });

  it('a bare hello at first contact gets the greeting, the data notice and the menu; later a short hello and the menu', () => {
    const h = new DialogHarness();
    intentIs(h, 'greeting');
    const first = h.text('привет');
    expect(replyText(first)).toMatch(/Я помощник по мерам социальной поддержки/);
    expect(replyText(first)).toMatch(/\/privacy/);
    expect(replyText(first)).not.toMatch(/не помогу/);
    expect(buttonLabels(replies(first)[0])).toContain('👤 Консультант');
    h.now += 10_000;
    const again = h.text('здравствуйте');
    expect(replyText(again)).toMatch(/^Здравствуйте! Напишите ваш вопрос/);
    expect(replyText(again)).not.toMatch(/privacy/);
    expect(buttonLabels(replies(again)[0]).length).toBeGreaterThan(5);
  });

  it('"не помогло" in words is the 👎 of the last answer: recorded against it, and the consultant offered', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    const entry = h.kb.entries[0]!;
    h.search.next = {
      band: 'answer',
      hits: [{ entryId: entry.id, topic: entry.topic, score: 9 }],
      confidence: 0.9,
    };
    h.text('вопрос про пособие');
    intentIs(h, 'unhelpful');
    const effects = h.text('спасибо, но не помогло');
    expectDislikedAndOffered(effects, entry.id, 'intent:unhelpful');

    // After "не понял" and the answer's parts, "не помогло" is the second sign: a person answers.
    const { h: g, entry: answer } = answered();
    intentIs(g, 'not_understood');
    g.text('не понял');
    intentIs(g, 'unhelpful');
    expectDislikedAndHandedOver(g.text('не помогло'), answer.id, 'intent:unhelpful');
  });

  it('"не понял" after an answer offers its parts and a consultant; a second one, also after a part, hands over (not as a 👎)', () => {
    const { h, entry } = answered();
    intentIs(h, 'not_understood');
    const offer = h.text('не понял');
    expect(replyText(offer)).toMatch(/^Давайте по-другому\. Ответ «.+» разбит на части/);
    expect(buttonLabels(replies(offer)[0])).toEqual(
      expect.arrayContaining(['Кто может получить', 'Документы', '👤 Консультант']),
    );
    expect(offer.some((e) => e.type === 'handoff' || e.type === 'feedback')).toBe(false);
    expect(outcomeOf(offer)).toMatchObject({
      outcome: 'other',
      entryId: entry.id,
      detail: 'intent:not_understood',
    });

    expect(replyText(h.press(findPayload(offer, 'Документы')))).toMatch(/Документы/);
    intentIs(h, 'not_understood');
    const second = h.text('всё равно не понятно');
    // A person explains in plain words; "Жаль, что ответ не помог. Напишите другими словами" answered "объясните
    // попроще", and the answer was counted as disliked (a citizen audit).
    expect(second.some((e) => e.type === 'handoff')).toBe(true);
    expect(second.some((e) => e.type === 'feedback')).toBe(false);
    expect(replyText(second)).toMatch(
      /^Давайте я позову человека — консультант объяснит всё простыми словами/,
    );
    expect(replyText(second)).not.toMatch(/Жаль/);
    expect(outcomeOf(second)).toMatchObject({ outcome: 'handoff', detail: 'intent:not_understood' });
  });

  it('"не понял" about a new answer offers its parts again; with no answer before it, a consultant takes over', () => {
    const { h } = answered();
    intentIs(h, 'not_understood');
    h.text('не понял');
    answerFor(h, 'pension-survivor');
    h.text('муж умер, положена ли мне его пенсия');
    intentIs(h, 'not_understood');
    expect(replyText(h.text('не понял'))).toMatch(/Ответ «Пенсия по потере кормильца/);

    const fresh = new DialogHarness();
    fresh.send({ kind: 'start' });
    intentIs(fresh, 'not_understood');
    expect(fresh.text('не понял').some((e) => e.type === 'handoff')).toBe(true);
  });

  it('a typed "да" or 👍 after an answer is its 👍 (recorded, a short reply); "нет" or 👎 is its 👎 (a consultant offered, then called)', () => {
    const { h, entry } = answered();
    intentIs(h, 'agree');
    const yes = h.text('да');
    expect(yes).toContainEqual({ type: 'feedback', entryId: entry.id, helpful: true });
    expect(replyText(yes)).toMatch(/^Хорошо, рад, что помог/);
    const thumb = h.text('👍🏻');
    expect(replyText(thumb)).toMatch(/^Хорошо, рад, что помог/);

    intentIs(h, 'disagree');
    const no = h.text('нет');
    expectDislikedAndOffered(no, entry.id, 'intent:disagree');
    // Said again a minute later (not a double send): a person answers; the 👎 is not counted twice.
    h.now += 60_000;
    const again = h.text('нет');
    expect(again.some((e) => e.type === 'handoff')).toBe(true);
    expect(again.some((e) => e.type === 'feedback')).toBe(false);
  });

  it('counts one 👍 and one 👎 per answer shown: a repeat is thanked, not recorded again; a new answer can be rated again', () => {
    const feedbackIn = (effects: Effect[]) => effects.filter((e) => e.type === 'feedback');
    const { h, entry } = answered();
    const up = encodePayload({ a: 'feedback', id: entry.id, helpful: true });
    expect(feedbackIn(h.press(up))).toEqual([{ type: 'feedback', entryId: entry.id, helpful: true }]);
    const again = h.press(up);
    expect(feedbackIn(again)).toEqual([]);
    expect(replyText(again)).toMatch(/Спасибо/);
    intentIs(h, 'agree');
    expect(feedbackIn(h.text('да'))).toEqual([]);
    expect(feedbackIn(h.text('👍'))).toEqual([]);

    // A change of mind is its own reaction.
    const down = encodePayload({ a: 'feedback', id: entry.id, helpful: false });
    expect(feedbackIn(h.press(down))).toEqual([{ type: 'feedback', entryId: entry.id, helpful: false }]);
    expect(feedbackIn(h.press(down))).toEqual([]);

    // The same entry answered again later is a new answer.
    h.press(encodePayload({ a: 'handoff-cancel' }));
    answerFor(h, EP);
    h.text('единое пособие кому положено');
    expect(feedbackIn(h.press(up))).toEqual([{ type: 'feedback', entryId: entry.id, helpful: true }]);
  });

  it('/cancel while waiting for a consultant goes back to the assistant; otherwise it shows the menu', () => {
    const { h } = answered();
    h.send({ kind: 'command', command: 'operator', args: '' });
    const back = h.send({ kind: 'command', command: 'cancel', args: '' });
    expect(back.some((e) => e.type === 'handoff-cancel')).toBe(true);
    expect(replyText(back)).toMatch(/вы снова говорите с помощником/);
    const menu = h.send({ kind: 'command', command: 'cancel', args: '' });
    expect(buttonLabels(replies(menu)[0])).toContain('👤 Консультант');
    expect(replyText(menu)).not.toMatch(/Не знаю такой команды/);
  });

  it('"не надо уже", "отмена" typed while waiting withdraw the request (they were relayed to the consultant); once a consultant has the chat, "не надо" is theirs', () => {
    for (const typed of ['не надо уже отмена', 'Отмена!', 'я передумала']) {
      const { h } = answered();
      h.send({ kind: 'command', command: 'operator', args: '' });
      const back = h.text(typed);
      expect(
        back.some((e) => e.type === 'handoff-cancel'),
        typed,
      ).toBe(true);
      expect(replyText(back), typed).toMatch(/запрос консультанту отменён/);
      expect(h.state.handoff, typed).toBeUndefined();
    }
    const { h } = answered();
    h.send({ kind: 'command', command: 'operator', args: '' });
    h.state.handoff = { ...h.state.handoff!, taken: true };
    expect(h.text('не надо').some((e) => e.type === 'handoff-cancel')).toBe(false);
    expect(h.state.handoff).toBeDefined();
    // A question that only starts like one is relayed as usual.
    const { h: asking } = answered();
    asking.send({ kind: 'command', command: 'operator', args: '' });
    expect(
      asking.text('не надо мне единое пособие, мне бы субсидию').some((e) => e.type === 'handoff-cancel'),
    ).toBe(false);
  });

  it('"меню" typed while waiting for a consultant shows the menu with the way out of the queue first (it was only relayed); the wait goes on', () => {
    const { h } = answered();
    h.send({ kind: 'command', command: 'operator', args: '' });
    for (const typed of ['меню', 'В начало']) {
      const menu = h.text(typed);
      const labels = buttonLabels(replies(menu)[0]);
      // The button says what it does: it was «Вернуться к помощнику», and a citizen learnt only after pressing it that
      // the request was cancelled (citizen audit 7, L3).
      expect(labels[0], typed).toBe('↩️ Отменить запрос консультанту');
      expect(labels, typed).toContain('👵 Пенсии и пожилые');
      expect(replyText(menu), typed).toMatch(/по-прежнему в очереди/);
      expect(replyText(menu), typed).not.toMatch(/Передал консультанту/);
      expect(menu.some((e) => e.type === 'handoff-cancel')).toBe(false);
    }
    // The menu button says the same while waiting; other text is still the consultant's.
    expect(replyText(h.press(encodePayload({ a: 'menu' })))).toMatch(/по-прежнему в очереди/);
    expect(replyText(h.text('у меня вопрос про пенсию мамы'))).toMatch(/Передал консультанту/);
  });

  it('after a hand-off, "да" is not taken as a 👍 of the answer given before the consultant was called', () => {
    const { h } = answered();
    h.send({ kind: 'command', command: 'operator', args: '' });
    h.press(encodePayload({ a: 'handoff-cancel' }));
    intentIs(h, 'agree');
    const yes = h.text('да');
    expect(yes.some((e) => e.type === 'feedback')).toBe(false);
    expect(replyText(yes)).toMatch(/^Хорошо\. Напишите вопрос своими словами/);
  });

  it('"не понял" to "which of these do you mean?" calls a person to explain, without "sorry the answer did not help"', () => {
    const h = clarified();
    intentIs(h, 'not_understood');
    const effects = h.text('не понял');
    expect(effects.some((e) => e.type === 'handoff')).toBe(true);
    expect(effects.some((e) => e.type === 'feedback')).toBe(false);
    expect(replyText(effects)).toMatch(/консультант объяснит/);
    expect(replyText(effects)).not.toMatch(/Жаль, что ответ не помог/);
    expect(outcomeOf(effects)).toMatchObject({ outcome: 'handoff', detail: 'intent:not_understood' });
  });

  it('"нет" to "which of these do you mean?" is its "none of these": a consultant takes over', () => {
    const h = clarified();
    intentIs(h, 'disagree');
    const no = h.text('нет');
    expect(no).toContainEqual(expect.objectContaining({ type: 'handoff', reason: 'not_found' }));
    expect(outcomeOf(no)).toMatchObject({ outcome: 'handoff', detail: 'intent:disagree' });
  });

  it('"да" or "нет" with no answer before it records nothing; 👎 with no words asks for words while a consultant has the chat', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    intentIs(h, 'agree');
    const yes = h.text('да');
    expect(yes.some((e) => e.type === 'feedback')).toBe(false);
    expect(replyText(yes)).toMatch(/^Хорошо\. Напишите вопрос своими словами/);
    intentIs(h, 'disagree');
    const no = h.text('нет');
    expect(no.some((e) => e.type === 'feedback' || e.type === 'handoff')).toBe(false);
    expect(replyText(no)).toMatch(/Я постараюсь помочь/);

    const waiting = new DialogHarness();
    waiting.send({ kind: 'start' });
    answerFor(waiting, EP);
    waiting.text('детские пособия кому положены');
    waiting.send({ kind: 'command', command: 'operator', args: '' });
    const emoji = waiting.text('👎');
    expect(emoji.some((e) => e.type === 'feedback')).toBe(false);
  });

  it('thanks gets a short "you are welcome" with the consultant and menu buttons', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    intentIs(h, 'thanks');
    const effects = h.text('спасибо большое');
    expect(replyText(effects)).toMatch(/^Пожалуйста!/);
    expect(outcomeOf(effects)).toMatchObject({ outcome: 'other', detail: 'intent:thanks' });
  });
});

describe('commands', () => {
  it('/lang switches the language and the menu follows it', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    const choose = h.send({ kind: 'command', command: 'lang', args: '' });
    const effects = h.press(findPayload(choose, 'English'));
    expect(effects).toContainEqual({ type: 'citizen', patch: { locale: 'en' } });
    expect(buttonLabels(replies(effects)[0])).toContain('👵 Pensions and the elderly');
    expect(replyText(h.send({ kind: 'command', command: 'help', args: '' }))).toMatch(/I answer questions/);
  });

  it('a phone set to English whose owner writes in Russian gets Russian from then on, unless English was picked', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    h.state = { ...h.state, locale: 'en' };
    h.search.next = { band: 'out_of_scope', intent: 'thanks', hits: [], confidence: 1 };
    const effects = h.text('спасибо большое');
    expect(effects).toContainEqual({ type: 'citizen', patch: { locale: 'ru' } });
    expect(replyText(effects)).toMatch(/^Отвечаю по-русски\. Сменить язык — команда \/lang\.\s+Пожалуйста!/);
    expect(h.state.locale).toBe('ru');
    // Notes about the message add up: the language switched and the numbers not to send.
    const both = new DialogHarness();
    both.send({ kind: 'start' });
    both.state = { ...both.state, locale: 'en' };
    both.search.next = { band: 'handoff', intent: 'personal_case', hits: [], confidence: 1 };
    expect(replyText(both.text('мой снилс 123-456-789 64, почему нет пенсии'))).toMatch(
      /^Отвечаю по-русски\.[\s\S]*Пожалуйста, не присылайте сюда номера СНИЛС/,
    );

    const chosen = new DialogHarness();
    chosen.send({ kind: 'start' });
    chosen.press(findPayload(chosen.send({ kind: 'command', command: 'lang', args: '' }), 'English'));
    chosen.search.next = { band: 'out_of_scope', intent: 'thanks', hits: [], confidence: 1 };
    expect(chosen.text('спасибо большое').some((e) => e.type === 'citizen')).toBe(false);
    expect(chosen.state.locale).toBe('en');
  });

  it('/forget deletes only after the confirmation button', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    const ask = h.send({ kind: 'command', command: 'forget', args: '' });
    expect(ask.some((e) => e.type === 'forget')).toBe(false);
    const no = h.press(findPayload(ask, 'Нет, оставить'));
    expect(no.some((e) => e.type === 'forget')).toBe(false);
    // The old confirmation button no longer deletes anything.
    expect(h.press('fg:y').some((e) => e.type === 'forget')).toBe(false);
    const again = h.send({ kind: 'command', command: 'forget', args: '' });
    const yes = h.press(findPayload(again, 'Да, удалить'));
    expect(yes).toContainEqual({ type: 'forget' });
    expect(replyText(yes)).toMatch(/данные удалены/);
  });

  it('/privacy shows the full text; an unknown command shows help', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    expect(replyText(h.send({ kind: 'command', command: 'privacy', args: '' }))).toMatch(/152-ФЗ/);
    expect(replyText(h.send({ kind: 'command', command: 'xyz', args: '' }))).toMatch(/Не знаю такой команды/);
  });

  it('/privacy says after how many days a conversation is anonymised, in words that agree with the number', () => {
    const privacy = (days: number, locale?: 'en') => {
      const h = new DialogHarness();
      h.retentionDays = days;
      h.send({ kind: 'start' });
      if (locale) h.state = { ...h.state, locale, localeChosen: true };
      return replyText(h.send({ kind: 'command', command: 'privacy', args: '' }));
    };
    expect(privacy(365)).toMatch(/Переписку старше 365 дней мы обезличиваем/);
    expect(privacy(31)).toMatch(/старше 31 дня /);
    expect(privacy(3)).toMatch(/старше 3 дней /);
    // The law it rests on still closes the text.
    expect(privacy(90)).toMatch(/обезличиваем[\s\S]*152-ФЗ/);
    expect(privacy(1, 'en')).toMatch(/older than 1 day are anonymised/);
    expect(privacy(30, 'en')).toMatch(/older than 30 days are anonymised/);
  });
});

describe('any input is safe', () => {
  it.each([
    ['empty', ''],
    ['spaces', '   \n  '],
    ['emoji only', '🙏🙏🙏'],
  ])('%s text gets a polite "write in words"', (_name, text) => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    expect(replyText(h.text(text))).toMatch(/Напишите, пожалуйста, вопрос словами/);
  });

  it('crying or a broken heart alone is answered warmly, with a person one tap away (citizen audit 6: «напишите словами»)', () => {
    for (const text of ['😭😭😭', '💔', '😢']) {
      const h = new DialogHarness();
      h.send({ kind: 'start' });
      const reply = h.text(text);
      expect(replyText(reply), text).toMatch(/^Вижу, что вам тяжело\. Напишите, что случилось/);
      expect(buttonLabels(replies(reply)[0])).toContain('👤 Консультант');
    }
  });

  it.each([
    ['sticker', /читаю только текст/],
    ['video', /читаю только текст/],
    ['voice', /Голосовые сообщения я пока не слушаю/],
    ['audio', /Голосовые сообщения я пока не слушаю/],
    ['photo', /не присылайте снимки документов/],
    ['document', /не присылайте снимки документов/],
  ] as const)('a %s gets a polite "please type" that fits it', (media, expected) => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    const effects = h.send({ kind: 'unsupported', media });
    expect(replyText(effects)).toMatch(expected);
    expect(buttonLabels(replies(effects)[0])).toContain('👤 Консультант');
  });

  it('stale or forged buttons get the current menu', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    for (const payload of [
      'zzz',
      'e:entry-that-was-removed',
      's:x:9',
      'c:<script>',
      '',
      `e:${EP}:mars`,
      `s:${EP}:1:x`,
    ]) {
      const effects = h.press(payload);
      expect(replyText(effects)).toMatch(/кнопка устарела/);
    }
  });

  it('the same message five times in a second is answered once', () => {
    const h = new DialogHarness();
    h.send({ kind: 'start' });
    answerFor(h, EP);
    const counts = [0, 200, 400, 600, 800].map((dt) => {
      h.now += dt === 0 ? 0 : 200;
      return replies(h.text('Единое пособие')).length;
    });
    expect(counts).toEqual([1, 0, 0, 0, 0]);
  });

  it('every button payload fits Telegram callback data and decodes back', () => {
    const h = new DialogHarness();
    const all = [h.send({ kind: 'start' })];
    for (const c of h.kb.taxonomy.categories) all.push(h.press(`c:${c.slug}`));
    for (const t of h.kb.taxonomy.topics) all.push(h.press(`t:${t.slug}`));
    for (const e of h.kb.entries) {
      all.push(h.press(`e:${e.id}`));
      for (const s of ['0', '1', '2', '3', '4', '5']) all.push(h.press(`s:${e.id}:${s}`));
      // Buttons that carry a region a flow answered for (the longest region name).
      all.push(h.press(`e:${e.id}:volgograd`), h.press(`s:${e.id}:1:volgograd`));
    }
    const payloads = all
      .flatMap(replies)
      .flatMap((m) => (m.buttons ?? []).flat())
      .flatMap((b) => (b.kind === 'action' ? [b.payload] : []));
    expect(payloads.length).toBeGreaterThan(100);
    for (const p of payloads) {
      expect(payloadBytes(p)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
      const decoded = decodePayload(p);
      expect(decoded, p).toBeDefined();
      expect(encodePayload(decoded!)).toBe(p);
    }
  });
});

describe('state', () => {
  it('a snapshot of another version starts a fresh dialog instead of failing', () => {
    expect(restoreState({ version: 999, state: { v: 999 } }, 'en')).toMatchObject({
      v: DIALOG_STATE_VERSION,
      locale: 'en',
      greeted: false,
    });
    expect(restoreState({ version: DIALOG_STATE_VERSION, state: null }, 'ru').greeted).toBe(false);
  });
});
