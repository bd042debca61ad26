/**
 * A husband or a wife alive is no lost breadwinner (helper S, from helper R's «noticed»): «у меня муж пьет что мне
 * положено» got «Возможно, вы об этом» with the survivor's pension, «что мне положено если муж сидит в тюрьме» and «муж
 * инвалид что мне положено» that card as the answer, on its «муж» and «положена» alone. Nobody died: the card is not
 * shown nor offered. Told with a death, however worded, it still answers.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const SURVIVOR = 'Пенсия по потере кормильца';

describe('the survivor’s pension needs a death told', () => {
  it.each([
    'у меня муж пьет что мне положено',
    'что мне положено если муж сидит в тюрьме',
    'муж в тюрьме что положено',
    'муж сидит что нам положено',
    'муж на вахте что мне положено',
    'муж инвалид что мне положено',
    'жена инвалид что мне положено',
    'муж в армии что мне положено',
    'муж ветеран что положено жене',
    'муж лежачий что мне положено',
    'муж не работает что мне положено',
  ])('«%s» is neither answered with it nor offered it', (q) => {
    const reply = engineChat().send(q);
    expect(reply.text).not.toContain(SURVIVOR);
    expect(reply.buttons.join('\n')).not.toContain(SURVIVOR);
  });

  it('a husband with a disability gets what people with a disability are entitled to, not the survivor’s pension', () => {
    const reply = engineChat().send('муж инвалид что мне положено');
    expect(reply.buttons.join('\n') + reply.text).toContain('Льготы людям с инвалидностью');
  });

  it.each([
    'муж умер что мне положено',
    'Муж разбился на машине, остались сыновья 5 и 12 лет, я работаю. Что теперь положено детям?',
    'жена умерла, дети 5 и 8 лет, что нам положено',
    'можно ли получать пенсию мужа',
    'после смерти мужа какие выплаты',
    'вдова что положено',
  ])('«%s» (a death told) is still answered with it', (q) => {
    const { text } = engineChat().send(q);
    // A death told is answered after «Примите мои соболезнования».
    expect(text.replace(/^Примите мои соболезнования\.\s*/, '').startsWith(SURVIVOR), text.slice(0, 80)).toBe(
      true,
    );
  });
});
