/**
 * An age told alone as the first message («мне 62 года», «маме 80 лет», «мне 58», «62 года», «мне 62 года пермь») asks what the same age with «что
 * положено» asks. It was refused as off the subject («С этим вопросом я, к сожалению, не помогу») or got «Я постараюсь
 * помочь…». After an answer about the pension it is still that answer's follow-up (the retirement age's line).
 */
import { describe, expect, it } from 'vitest';
import { readAgeQuestion } from '../../../../../src/dialogs/flows/benefit-finder/age-question.js';
import { lastReply } from '../../../../support/engine-chat.js';

const PRE_PENSIONERS = 'Предпенсионеры — кто это и что положено, если уволили перед пенсией';
const PENSIONERS = 'Льготы пенсионерам — что положено (все меры в одном месте)';

describe('an age told alone', () => {
  it('is read as the question of what is due only when told of someone and alone', () => {
    expect(readAgeQuestion('мне 62 года', undefined, 2026, true)).toEqual({ age: 62 });
    expect(readAgeQuestion('а мне уже 62', undefined, 2026, true)).toEqual({ age: 62 });
    expect(readAgeQuestion('маме 80 лет', undefined, 2026, true)).toEqual({ age: 80, sex: 'women' });
    // A number with a word of years is an age told (helper R: «62 года» was «не помогу»); so is one with the place
    // one lives in (it got choices of Perm's subsistence minimum and large families).
    expect(readAgeQuestion('62 года', undefined, 2026, true)).toEqual({ age: 62 });
    const perm = (word: string) => word === 'пермь';
    expect(readAgeQuestion('мне 62 года пермь', perm, 2026, true)).toEqual({ age: 62 });
    expect(readAgeQuestion('мне 62 года, живу в городе пермь', perm, 2026, true)).toEqual({ age: 62 });
    // Not where it may follow an answer, not a bare number, not with other words.
    expect(readAgeQuestion('мне 62 года', undefined, 2026)).toBeUndefined();
    expect(readAgeQuestion('62', undefined, 2026, true)).toBeUndefined();
    expect(readAgeQuestion('мне 62 года что', undefined, 2026, true)).toBeUndefined();
    expect(readAgeQuestion('мне 62 года уволили', undefined, 2026, true)).toBeUndefined();
  });

  it('gets what the same age with «что положено» gets, not the refusal', () => {
    for (const [alone, asked] of [
      ['мне 62 года', 'мне 62 года что положено'],
      ['мне 58', 'мне 58 что положено'],
      ['маме 62 года', 'маме 62 года что положено'],
      ['я 1964 года рождения', 'я 1964 года рождения что положено'],
      ['62 года', '62 года что положено'],
      ['мне 62 года пермь', 'мне 62 года что положено пермь'],
      ['мне 62 года, волгоградская область', 'мне 62 года что положено, волгоградская область'],
    ] as const) {
      const reply = lastReply(alone);
      expect(reply).toEqual(lastReply(asked));
      expect(reply.text).not.toContain('не помогу');
    }
    const own = lastReply('мне 62 года');
    expect(own.text).toContain('Вам 62: мужчина в этом возрасте — предпенсионер');
    expect(own.buttons).toEqual(expect.arrayContaining([PENSIONERS, PRE_PENSIONERS]));
    expect(lastReply('маме 62 года').text).toContain(PENSIONERS);
  });

  it('after the choices of «когда пенсия» is still the retirement age for that age', () => {
    expect(lastReply('когда пенсия', 'мне 62 года').text).toContain(
      'Женщины этого возраста уже достигли пенсионного возраста.',
    );
  });
});
