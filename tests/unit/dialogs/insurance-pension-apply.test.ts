/**
 * Applying for the insurance pension, asked as a first message in the citizen's words, through the whole engine:
 * the card on applying for the old-age pension, not the pension's conditions.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const first = (line: string) => engineChat().send(line);

describe('applying for the insurance pension', () => {
  it('«страховая пенсия как оформить» gets how to apply (it was choices led by the conditions card)', () => {
    for (const q of ['страховая пенсия как оформить', 'как оформить страховую пенсию']) {
      const reply = first(q);
      expect(reply.text, q).toContain('Как оформить пенсию по старости');
      expect(reply.text, q).toContain('Заявление на пенсию подают в Социальный фонд');
    }
  });

  it('the insurance pension named alone keeps its conditions card', () => {
    expect(first('страховая пенсия').text).toContain('Страховая пенсия по старости — условия');
  });
});
