/**
 * «Куда обратиться за инвалидностью» and «…за пенсией» got «Я не уверен» with the right card only offered: two words
 * alone fell under the minimum evidence. They ask how to get it, and the card saying how is the answer.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const reply = (text: string) => engineChat().send(text);

describe('«куда обратиться за …» is answered with the card saying how to apply', () => {
  it('for a disability group, the card on getting one (the referral to MSE)', () => {
    for (const q of ['куда обратиться за инвалидностью', 'куда обращаться за инвалидностью']) {
      expect(reply(q).text, q).toMatch(
        /^Как оформить инвалидность — направление на медико-социальную экспертизу/,
      );
    }
  });

  it('for a pension, the card on applying for the old-age pension; the disability pension named stays its own', () => {
    for (const q of ['куда обратиться за пенсией', 'куда обращаться за пенсией']) {
      expect(reply(q).text, q).toMatch(/^Как оформить пенсию по старости — заявление, документы/);
    }
    expect(reply('куда обратиться за пенсией по инвалидности').text).toMatch(/^Пенсия по инвалидности/);
  });

  it('«как оформить пенсию по инвалидности» is the disability pension, not the old-age pension’s application', () => {
    // «оформить пенсию» (applying for one's pension) took the words first, and the old-age card answered confidently.
    for (const q of ['как оформить пенсию по инвалидности', 'оформление пенсии по инвалидности ребенку']) {
      expect(reply(q).text, q).toMatch(/^Пенсия по инвалидности — страховая и социальная/);
    }
    expect(reply('как оформить пенсию').text).toMatch(/^Как оформить пенсию по старости/);
  });
});
