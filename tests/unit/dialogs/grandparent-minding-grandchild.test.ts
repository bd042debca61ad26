/**
 * A grandparent minding a grandchild (helper W): «сижу с внуком пенсию платят» got the card on care of the over-80s,
 * where the grandchild is the carer. The childcare benefit up to 1.5 years may go to a grandmother or grandfather who
 * cares and is insured: its card says so.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const CHILDCARE_WHO = /^Кто может получать пособие до 1,5 лет/;
const CHILDCARE_WHO_TITLE = 'Кто может получать пособие до 1,5 лет и можно ли при этом работать';

describe('a grandparent sitting with a grandchild', () => {
  it.each([
    'сижу с внуком пенсию платят',
    'я на пенсии сижу с внуком платят ли за это',
    'ухаживаю за внуком 1 год пособие положено',
  ])('«%s» gets the childcare benefit’s card, which names grandparents', (q) => {
    const text = engineChat().send(q).text;
    expect(text).toMatch(CHILDCARE_WHO);
    expect(text).toContain('бабушка, дедушка');
  });

  it.each(['сижу с внучкой что положено'])('«%s» gets choices led by the childcare benefit', (q) => {
    const reply = engineChat().send(q);
    expect(reply.text).toMatch(/^Уточните/);
    expect(reply.buttons[0]).toBe(CHILDCARE_WHO_TITLE);
  });

  // Since helper Z the card's example «какие выплаты положены, пока ребенку нет полутора лет» has «выплаты»: the card
  // the choices were led by is the answer.
  it.each(['сижу с внуком какие выплаты', 'сижу с внуком какие выплаты волгоград'])(
    '«%s» gets the childcare benefit’s card',
    (q) => {
      const text = engineChat().send(q).text;
      expect(text).toMatch(CHILDCARE_WHO);
      expect(text).toContain('бабушка, дедушка');
    },
  );

  it('a disabled grandchild keeps the carers’ payment', () => {
    expect(
      engineChat().send(
        'я бабушка, не работаю, сижу с внуком инвалидом. мне положены 10 тысяч по уходу или только матери?',
      ).text,
    ).toMatch(/^Выплата по уходу за ребёнком-инвалидом/);
  });
});
