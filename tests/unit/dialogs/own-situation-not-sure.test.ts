/**
 * One's own situation asked whole that the search does not understand (helper R, from helper N's «noticed»): «муж ушел
 * к другой что мне положено» got «Я не уверен…» and the consultant alone (earlier a hand-off offering the housing
 * subsidy). What is due depends on whether there are children and on the income, which the finder asks: the reply
 * says so and offers it, a question back rather than a guessed card.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const FINDER = '🧮 Подобрать все меры по моей ситуации';

describe('one’s own situation not understood', () => {
  it('«муж ушел к другой что мне положено» is asked about children and income through the finder, with the consultant', () => {
    const chat = engineChat();
    const reply = chat.send('муж ушел к другой что мне положено');
    expect(reply.text).toContain(
      'Что положено, зависит от вашей ситуации: есть ли дети, какой доход в семье',
    );
    expect(reply.text).toContain(`Нажмите «${FINDER}»`);
    expect(reply.buttons).toContain(FINDER);
    expect(reply.buttons).toContain('👤 Позвать консультанта');
    expect(reply.buttons.join('\n')).not.toMatch(/кормильца|Субсидия/);
    expect(chat.send(`[${FINDER}]`).text).toContain('Подберу меры поддержки');
  });

  it('a question that is not of one’s own situation keeps the plain «Я не уверен» offer', () => {
    const reply = engineChat().send('почему у сестры выплата больше');
    expect(reply.text).toMatch(/^Я не уверен, что правильно понял вопрос\. Попробуйте написать по-другому/);
    expect(reply.buttons).not.toContain(FINDER);
  });
});
