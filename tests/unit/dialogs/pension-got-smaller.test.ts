/**
 * A pension that came smaller, one's own or a relative's, asked as a first message in the citizen's words, through
 * the whole engine: the card on a pension's size, whose «Сколько платят» says why a pension gets smaller.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const first = (line: string) => engineChat().send(line);

describe('a pension that came smaller', () => {
  it('«мамину пенсию урезали» gets the card on a pension’s size (it was «Я не уверен», the mother ranking the retirement age first)', () => {
    for (const q of ['мамину пенсию урезали', 'папе урезали пенсию почему', 'пенсию уменьшили почему']) {
      const reply = first(q);
      expect(reply.text, q).toContain('Как узнать размер своей пенсии');
      expect(reply.text, q).toContain('Если пенсия стала меньше');
    }
  });

  it('its «Сколько платят» says why a pension gets smaller', () => {
    const chat = engineChat();
    chat.send('мамину пенсию урезали');
    const amount = chat.send('[Сколько платят]');
    expect(amount.text).toContain('удержания');
    expect(amount.text).toContain('прекратилась социальная доплата');
  });
});
