/**
 * A pension named alone or as a relative's, asked as a first message in the citizen's words, through the whole
 * engine: the card it opens with.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const first = (line: string) => engineChat().send(line);

describe('the insurance pension and a relative’s small pension', () => {
  it('«страховая пенсия» alone gets the insurance pension’s conditions (it was «Я не уверен» with the disability pension)', () => {
    const reply = first('страховая пенсия');
    expect(reply.text).toContain('Страховая пенсия по старости — условия');
    expect(reply.text).toContain('15 лет стажа');
  });

  it('«мамина пенсия маленькая что делать» leads with the supplement to the minimum («мамина» was read as «машина», and the unified benefit’s property test led)', () => {
    for (const q of ['мамина пенсия маленькая что делать', 'папина пенсия маленькая']) {
      const reply = first(q);
      expect(reply.buttons[0], q).toBe('Доплата к пенсии до прожиточного минимума');
      expect(reply.text, q).not.toMatch(/Я не уверен/);
    }
  });
});
