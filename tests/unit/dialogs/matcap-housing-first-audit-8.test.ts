/**
 * The maternity capital named with a housing use as a first message (helper S): «материнский капитал на ипотеку» got
 * «Уточните…» between the housing card, the balance (its example «часть маткапа потратили на ипотеку, остаток где
 * посмотреть») and the family mortgage. The capital's housing card is what was asked.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const HOUSING = 'Маткапитал на ипотеку, покупку и строительство жилья';

describe('the maternity capital on a mortgage', () => {
  it.each([
    'материнский капитал на ипотеку',
    'маткап на ипотеку',
    'можно ли потратить материнский капитал на ипотеку',
    'материнский капитал на ипотеку пермь',
  ])('«%s» gets the capital’s housing card', (q) => {
    const reply = engineChat().send(q);
    expect(reply.text.startsWith(HOUSING), reply.text.slice(0, 80)).toBe(true);
  });

  it('the balance and the family mortgage asked with the capital keep their own cards', () => {
    expect(engineChat().send('часть маткапа потратили на ипотеку остаток где посмотреть').text).toMatch(
      /^Как узнать остаток материнского капитала/,
    );
    expect(engineChat().send('семейная ипотека и материнский капитал').text).toMatch(
      /^Семейная и другие льготные ипотеки/,
    );
  });
});
