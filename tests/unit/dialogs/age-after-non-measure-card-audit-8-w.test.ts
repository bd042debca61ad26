/**
 * An age asked after a card that is not a measure or has no «Кто может получить» (helper V's note; helper W):
 * «с какого возраста» or «а до какого возраста платят» after the hotlines, the privacy page, a complaint, a region's
 * contacts or the maternity capital's balance got the retirement age's card. A short question with no subject of its
 * own is about the card shown: it says no age, where to ask, and the retirement age is a button away. After a card
 * about pensions the retirement age is still the answer.
 */
import { describe, expect, it } from 'vitest';
import { engineChat, lastReplyPlainSpaces as lastReply } from '../../support/engine-chat.js';

const RETIREMENT = 'Во сколько лет выходят на пенсию — пенсионный возраст по году рождения';

describe('an age asked after a card that is not a measure', () => {
  it.each([
    ['телефон пфр бесплатный', 'с какого возраста', 'Телефоны горячих линий', 'с какого'],
    ['телефон пфр бесплатный', 'а до какого возраста платят', 'Телефоны горячих линий', 'до какого'],
    ['мои персональные данные где хранятся', 'с какого возраста', 'Ваши персональные данные', 'с какого'],
    ['как пожаловаться на соцзащиту', 'с какого возраста', 'Как пожаловаться на работу', 'с какого'],
    ['куда обращаться в пермском крае', 'с какого возраста', 'Куда обращаться в Пермском крае', 'с какого'],
    [
      'сколько осталось на маткапитале',
      'а до какого возраста платят',
      'Как узнать остаток материнского капитала',
      'до какого',
    ],
  ])(
    'after «%s», «%s» says the card has no age, and the retirement age is a button',
    (first, asked, title, age) => {
      const reply = lastReply(first, asked);
      expect(reply.text).toMatch(
        new RegExp(`^В ответе «${title}[^»]*» не сказано, ${age} возраста платят или дают`),
      );
      expect(reply.text).toContain('👤 Консультант');
      expect(reply.buttons).toContain(`➡️ Ещё: ${RETIREMENT}`);
    },
  );

  it('the button opens the retirement age', () => {
    const chat = engineChat();
    chat.send('телефон пфр бесплатный');
    chat.send('с какого возраста');
    expect(chat.send(`[➡️ Ещё: ${RETIREMENT}]`).text).toMatch(/^Во сколько лет выходят на пенсию/);
  });

  // Not «Сколько рассматривают заявления на пособия, пенсии и обращения», whose title names pensions among other
  // things applied for (see age-after-non-measure-card-audit-8-x.test.ts).
  it.each([
    ['как оформить пенсию по старости', 'а с какого возраста'],
    ['какого числа приходит пенсия', 'с какого возраста'],
  ])('after a card about pensions («%s»), «%s» is still the retirement age', (first, asked) => {
    expect(lastReply(first, asked).text).toContain(RETIREMENT);
  });
});
