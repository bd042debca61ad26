/**
 * Someone stuck with the chat itself: «я не понимаю что нажимать» and «как пользоваться ботом» got «Я не уверен, что
 * правильно понял вопрос», «ничего не получается» «С этим вопросом я, к сожалению, не помогу». They get what /help
 * says: write the question in your own words, or pick a topic, or press «Консультант».
 */
import { describe, expect, it } from 'vitest';
import { engineChat, lastReplyPlainSpaces as lastReply } from '../../support/engine-chat.js';

const HELP = /^Я отвечаю на вопросы о мерах социальной поддержки[\s\S]*Напишите вопрос своими словами/;

describe('how to use the assistant, asked', () => {
  it.each([
    'я не понимаю что нажимать',
    'как пользоваться ботом',
    'а как пользоваться?',
    'ничего не получается',
    'у меня не получается',
    'что вы умеете?',
    'как задать вопрос',
  ])('«%s» gets the help, with a person one tap away', (text) => {
    const reply = lastReply(text);
    expect(reply.text).toMatch(HELP);
    expect(reply.buttons).toContain('👤 Консультант');
  });

  it('right after an answer, first offers that answer’s parts, then the help', () => {
    const chat = engineChat();
    chat.send('единое пособие');
    expect(chat.send('что нажимать').text).toMatch(/^Давайте по-другому\. Ответ «Единое пособие/);
    expect(chat.send('что нажимать').text).toMatch(HELP);
  });

  it.each([
    'как пользоваться материнским капиталом',
    'не умею пользоваться интернетом, куда идти лично',
    'не получается оформить пособие',
    'что нажимать чтобы получить пособие',
  ])('«%s» names a measure and is searched', (text) => {
    expect(lastReply(text).text).not.toMatch(HELP);
  });
});
