/**
 * The ИПРА asked about itself, with the project's knowledge base and search: the programme the МСЭ bureau draws up
 * with the disability decision has its own card, apart from the aids it lists and a lost copy of it.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const IPRA =
  /^ИПРА — что это и кто её составляет\n\nИПРА — индивидуальная программа реабилитации или абилитации/;

describe('questions about the ИПРА', () => {
  it('answers what it is and who makes it with the ИПРА card, which names the МСЭ bureau', () => {
    for (const question of [
      'что такое ипра',
      'где делают ипру',
      'ипр инвалида',
      'индивидуальная программа реабилитации что это',
    ]) {
      const reply = engineChat().send(question);
      expect(reply.text, question).toMatch(IPRA);
      expect(reply.text, question).toMatch(/Её составляет бюро МСЭ вместе с решением об инвалидности/);
    }
  });

  it('keeps the aids, a change for them and a lost ИПРА on their own cards', () => {
    expect(engineChat().send('тэ эс эр что такое и кому').text).toMatch(/^Как получить ТСР/);
    expect(engineChat().send('в ипра нет трости как добавить').text).toMatch(/^Как получить ТСР/);
    expect(engineChat().send('ипра потеряли').text).toMatch(/^Потеряли справку об инвалидности или ИПРА/);
  });
});
