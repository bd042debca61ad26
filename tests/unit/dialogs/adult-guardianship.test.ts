/**
 * Guardianship over an old or ill adult, with the project's knowledge base and search: it goes through a court, and
 * a question about it gets that card, not the payments to guardians of children.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const ADULT = 'Опека над пожилым или больным взрослым — через суд, и помощник без суда (патронаж)';
const CHILDREN = 'Ежемесячные выплаты опекунам и приёмным семьям';

describe('guardianship over an adult', () => {
  it.each([
    'как оформить опекунство над бабушкой',
    'как оформить опеку над мамой с деменцией',
    'как стать опекуном пожилого отца',
  ])('answers «%s» with the court and the guardianship body', (question) => {
    const reply = engineChat().send(question);
    expect(reply.text.startsWith(ADULT)).toBe(true);
    expect(reply.text).toMatch(/суд признал человека недееспособным/);
    expect(reply.text).toMatch(/помощника \(патронаж\)/);
  });

  it('says a guardian of an adult is not paid, when asked what the payments are', () => {
    const chat = engineChat();
    expect(chat.send('как оформить опеку над мамой с деменцией').buttons).toContain('Сколько платят');
    expect(chat.send('[Сколько платят]').text).toMatch(/по общему правилу бесплатная/);
  });

  it('keeps the payments to guardians of children for a child', () => {
    expect(engineChat().send('опека над ребенком выплаты').text.startsWith(CHILDREN)).toBe(true);
    expect(engineChat().send('как оформить опеку над внуком').text.startsWith(CHILDREN)).toBe(true);
  });
});
