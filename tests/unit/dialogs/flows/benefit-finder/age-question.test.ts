/**
 * «мне 58 лет, какие льготы»: an own age told with a broad question of what is due gets what the age may make the
 * person (pensioner, pre-pensioner) and the finder, whatever the search made of the message (it got «Я не уверен,
 * что правильно понял вопрос»).
 */
import { describe, expect, it } from 'vitest';
import { readAgeQuestion } from '../../../../../src/dialogs/flows/benefit-finder/age-question.js';
import { buttonLabels, outcomeOf, replies, replyText } from '../../../../support/dialog-harness.js';
import { startedServices } from '../../../../support/service-flows.js';

const FINDER = '🧮 Подобрать все меры по моей ситуации';
const PRE_PENSIONERS = 'Предпенсионеры — кто это и что положено, если уволили перед пенсией';
const PENSIONERS = 'Льготы пенсионерам — что положено (все меры в одном месте)';

/** The first reply to `text`, the search being unsure of it (as the real search is of «мне 58 лет, какие льготы»). */
function firstReply(text: string) {
  const h = startedServices();
  h.search.next = {
    band: 'handoff',
    hits: [{ entryId: 'pensioner-benefits-overview', topic: 'old-age-pension', score: 5 }],
    confidence: 0.2,
  };
  const effects = h.text(text);
  return {
    text: replyText(effects),
    buttons: buttonLabels(replies(effects).at(-1)),
    outcome: outcomeOf(effects),
  };
}

describe('an own age asked with what is due', () => {
  it('reads the age and a group named with it, and nothing else', () => {
    expect(readAgeQuestion('мне 58 лет, какие льготы')).toEqual({ age: 58 });
    expect(readAgeQuestion('Мне 63 года какие льготы положены?')).toEqual({ age: 63 });
    expect(readAgeQuestion('мне пятьдесят восемь лет что мне положено')).toEqual({ age: 58 });
    expect(readAgeQuestion('мне 58 лготы какие')).toEqual({ age: 58 });
    expect(readAgeQuestion('пенсионерка 70 лет, что мне положено')).toEqual({ age: 70, group: 'пенсионер*' });
    expect(readAgeQuestion('мне 58, что положено предпенсионеру')).toEqual({ age: 58, group: 'предпенс*' });
    expect(readAgeQuestion('мне 56 лет я женщина какие льготы')).toEqual({ age: 56, sex: 'women' });
    expect(readAgeQuestion('мне 58 положено что нибудь')).toEqual({ age: 58 });
    expect(readAgeQuestion('мне 58 лет работаю какие льготы')).toEqual({ age: 58 });
    expect(readAgeQuestion('мне 58 годиков какие льготы')).toEqual({ age: 58 });
    expect(readAgeQuestion('нам с мужем по 62 года какие льготы')).toEqual({ age: 62 });
    // A birth year with a word of birth is this year's age («я 1968 года рождения» in 2026: 58); a year alone is not.
    expect(readAgeQuestion('я 1968 года рождения какие льготы', undefined, 2026)).toEqual({
      age: 58,
      born: 1968,
    });
    expect(readAgeQuestion('1966 г.р. что положено', undefined, 2026)).toEqual({ age: 60, born: 1966 });
    expect(readAgeQuestion('родилась в 1964 какие льготы', undefined, 2026)).toEqual({ age: 62, born: 1964 });
    expect(readAgeQuestion('какие льготы в 2026 году', undefined, 2026)).toBeUndefined();
    expect(readAgeQuestion('я 1968 года рождения какие льготы')).toBeUndefined();
    const place = (word: string) => word === 'волгограде';
    expect(readAgeQuestion('мне 62 года какие льготы положены в волгограде', place)).toEqual({ age: 62 });
    // Someone else's age, more told than the age, no age, no question of what is due, not an adult's age.
    for (const other of [
      'маме 82 года какие льготы ей положены',
      'мне 58 лет, уволили, что положено',
      'мне 58 лет жена 55 какие льготы',
      'какие льготы',
      'мне 58 лет',
      'мне 45 инвалид 2 группы какие выплаты',
      'ребенку 5 лет какие пособия',
      'мне 12 какие льготы',
      'какие льготы в 2026 году',
    ])
      expect(readAgeQuestion(other), other).toBeUndefined();
  });

  it('offers the pre-pensioners, the pensioners and the finder from 55, saying what the age makes whom', () => {
    const at58 = firstReply('мне 58 лет, какие льготы');
    expect(at58.text).toMatch(/^Вам 58: женщина в этом возрасте уже предпенсионер, мужчина — ещё нет\./);
    expect(at58.text).not.toMatch(/Я не уверен/);
    expect(at58.buttons.slice(0, 3)).toEqual([PRE_PENSIONERS, PENSIONERS, FINDER]);
    expect(at58.outcome?.outcome).toBe('clarify');
    const at63 = firstReply('мне 63 года какие льготы положены');
    expect(at63.text).toMatch(
      /^Вам 63: мужчина в этом возрасте — предпенсионер, если ещё не получает пенсию; женщина — уже пенсионного возраста\./,
    );
    expect(at63.buttons.slice(0, 3)).toEqual([PENSIONERS, PRE_PENSIONERS, FINDER]);
  });

  it('answers what pensioners are due from 65, and a group named, with the finder under it', () => {
    const at75 = firstReply('мне 75 какие льготы');
    expect(at75.outcome).toMatchObject({ outcome: 'answer', entryId: 'pensioner-benefits-overview' });
    expect(at75.buttons).toContain(FINDER);
    const named = firstReply('мне 58, что положено предпенсионеру');
    expect(named.outcome).toMatchObject({ outcome: 'answer', entryId: 'pre-pensioner-rights' });
    expect(named.buttons).toContain(FINDER);
  });

  it('answers with the one overview the age makes a person of the sex said', () => {
    expect(firstReply('мне 56 лет я женщина какие льготы').outcome).toMatchObject({
      outcome: 'answer',
      entryId: 'pre-pensioner-rights',
    });
    expect(firstReply('мне 61 год мужчина что положено').outcome).toMatchObject({
      outcome: 'answer',
      entryId: 'pre-pensioner-rights',
    });
    expect(firstReply('мне 62 года я женщина, что положено').outcome).toMatchObject({
      outcome: 'answer',
      entryId: 'pensioner-benefits-overview',
    });
    // The last year before the pension: either (in 2026 women get it at 59).
    expect(firstReply('мне 59 женщина что положено').buttons.slice(0, 3)).toEqual([
      PRE_PENSIONERS,
      PENSIONERS,
      FINDER,
    ]);
    expect(firstReply('мне 57 мужчина какие льготы').text).toMatch(/^Вам 57\. До пенсионного возраста/);
  });

  it('offers the finder under 55, the age alone giving no measure', () => {
    const at45 = firstReply('мне 45 лет какие льготы');
    expect(at45.text).toMatch(/^Вам 45\. До пенсионного возраста льготы и выплаты зависят не от возраста/);
    expect(at45.buttons).toEqual([FINDER, '👤 Позвать консультанта', '🏠 Меню']);
  });
});
