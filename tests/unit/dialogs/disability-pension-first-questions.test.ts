/**
 * The disability pension asked of as a first message: how to apply for it, and which pension a person disabled since
 * childhood gets. Both were choices led by the disability pension's card; that card answers both.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const first = (line: string) => engineChat().send(line);
const DISABILITY_PENSION = /^Пенсия по инвалидности — страховая и социальная/;

describe('the disability pension asked of first', () => {
  it('«страховая пенсия по инвалидности как оформить» gets its card, which says the SFR assigns it from the МСЭ’s data, with «Как подать» a button away (it was choices with the indexation)', () => {
    for (const q of [
      'страховая пенсия по инвалидности как оформить',
      'пенсия по инвалидности куда обращаться',
    ]) {
      const reply = first(q);
      expect(reply.text, q).toMatch(DISABILITY_PENSION);
      expect(reply.text, q).toContain('назначает Социальный фонд после того, как МСЭ установила группу');
      expect(reply.buttons, q).toContain('Как подать');
    }
  });

  it('«инвалид с детства, какую пенсию ему платят» gets that card, which names the social pension of those disabled since childhood (it was choices with the carer payment)', () => {
    const reply = first('инвалид с детства, какую пенсию ему платят');
    expect(reply.text).toMatch(DISABILITY_PENSION);
    expect(reply.text).toContain('инвалидам с детства и детям-инвалидам');
  });

  it('a carer of someone disabled since childhood still gets the care payment', () => {
    expect(first('ухаживаю за инвалидом с детства какую пенсию мне').text).toMatch(
      /^Выплата по уходу за ребёнком-инвалидом или инвалидом с детства I группы/,
    );
  });
});
