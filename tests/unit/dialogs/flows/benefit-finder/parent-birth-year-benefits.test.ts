/**
 * «мама 1965 года рождения льготы» got choices of the retirement age, single mothers and large families: «мама» is
 * the asker's mother, 61 in 2026, of pension age. A parent or grandparent named with a birth year or an age from
 * pre-pension gets what the person's own year gets («я женщина 1965 года рождения льготы»).
 */
import { describe, expect, it } from 'vitest';
import { readAgeQuestion } from '../../../../../src/dialogs/flows/benefit-finder/age-question.js';
import { engineChat } from '../../../../support/engine-chat.js';

describe('a parent’s birth year with a bare «льготы»', () => {
  it('«мама 1965 года рождения льготы» gets her retirement-age line, with the older people’s overviews a tap away', () => {
    const reply = engineChat().send('мама 1965 года рождения льготы');
    expect(reply.text).toMatch(/^Женщинам 1965 г\. р\. в 2025 г\. исполнилось 60 лет/);
    expect(reply.text).toContain('По возрасту право на пенсию уже есть.');
    expect(reply.text).not.toMatch(/^Уточните/);
    expect(reply.buttons.join('|')).toMatch(/Льготы пенсионерам/);
    expect(reply.buttons.join('|')).not.toMatch(/Мать-одиночка/);
  });

  it('reads the sex from the word for the parent, and leaves a younger «мама» to the search', () => {
    expect(readAgeQuestion('мама 1965 года рождения льготы', () => false, 2026)).toEqual({
      age: 61,
      born: 1965,
      sex: 'women',
    });
    expect(readAgeQuestion('папе 63 года что положено')).toEqual({ age: 63, sex: 'men' });
    expect(readAgeQuestion('мама 1990 года рождения льготы', () => false, 2026)).toBeUndefined();
  });
});
