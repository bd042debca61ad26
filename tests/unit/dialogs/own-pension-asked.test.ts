/**
 * One's own pension asked with one's age (citizen audit 7, H1): how to learn its amount, not choices led by the
 * pensioners' overview with the capital-repair compensation from 70 among them.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const reply = (text: string) => engineChat().send(text);

describe('«мне 70 лет какая пенсия»', () => {
  it('is how to learn one’s pension, in each way the audit’s citizens asked it', () => {
    for (const q of [
      'мне 70 лет какая пенсия',
      'здравствуйте мне 70 лет какая пенсия',
      'какая пенсия в 70 лет',
      'мне 70 лет какая у меня должна быть пенсия',
    ]) {
      const r = reply(q);
      expect(r.text, q).toMatch(/^Как узнать размер своей пенсии и получить справку о ней/);
      expect(r.text, q).not.toContain('Уточните');
    }
  });

  it('leaves a kind of pension named and the capital repair asked with the age to their own cards', () => {
    expect(reply('какая пенсия у вдовы').text).toMatch(/^Пенсия по потере кормильца/);
    expect(reply('инвалид 3 группы какая пенсия положена').text).toMatch(/^Пенсия по инвалидности/);
    expect(reply('мне 70 лет компенсация капремонта').text).toMatch(/^Компенсация взноса на капремонт/);
    expect(reply('мне 70 лет какие льготы').text).toMatch(/^Льготы пенсионерам/);
  });

  it('«мне 71 год какая пенсия должна быть» and «маме 75 лет какая у нее пенсия» get the same card (were «Я не уверен» and a list; helper L)', () => {
    for (const q of ['мне 71 год какая пенсия должна быть', 'маме 75 лет какая у нее пенсия']) {
      const r = reply(q);
      expect(r.text, q).toMatch(/^Как узнать размер своей пенсии и получить справку о ней/);
      expect(r.text, q).not.toMatch(/Уточните|Я не уверен/);
    }
  });
});
