/**
 * Reading a short question about the offices just listed: the hours, the way there, the phone. Anything with a word
 * of its own (a measure, a town, "вы", "консультант") is not one, and goes where it went before.
 */
import { describe, expect, it } from 'vitest';
import { officeFollowUp, officeNamedAlone } from '../../../../src/dialogs/flows/agency-follow-up.js';

describe('a question about the offices just listed', () => {
  it.each([
    ['а как туда доехать', { asks: ['route'] }],
    ['как к ним добраться на автобусе?', { asks: ['route'] }],
    ['а где это', { asks: ['route'] }],
    ['адрес', { asks: ['route'] }],
    ['а часы работы какие', { asks: ['hours'] }],
    ['до скольки они работают', { asks: ['hours'] }],
    ['а обед во сколько?', { asks: ['hours'] }],
    ['а в субботу работают?', { asks: ['hours'], days: [5] }],
    ['в выходные открыто?', { asks: ['hours'], days: [5, 6] }],
    ['а завтра?', { asks: ['hours'], relativeDay: 1 }],
    ['а телефон?', { asks: ['phone'] }],
    ['подскажите номер телефона пожалуйста', { asks: ['phone'] }],
    ['адрес и телефон', { asks: ['route', 'phone'] }],
    ['а мфц в субботу работает?', { asks: ['hours'], days: [5], kind: 'mfc' }],
    ['где соцзащита', { asks: ['route'], kind: 'social-protection' }],
  ])('"%s"', (text, expected) => {
    expect(officeFollowUp(text)).toEqual(expected);
  });

  it('is nothing for a thank-you, a person, the assistant, a measure, a town, or a long message', () => {
    for (const text of [
      'спасибо',
      'консультант',
      'а вы в субботу работаете?',
      'позвонить консультанту',
      'а какие документы взять',
      'сколько платят',
      'телефон пенсионного фонда по пенсии',
      'Камышин',
      'часы работы в волжском',
      'а как туда доехать если я живу далеко от города и у меня нет машины',
    ])
      expect(officeFollowUp(text), text).toBeUndefined();
  });

  it('an office named with only "is there one" asked ("а мфц там есть?") is that kind; anything else is not', () => {
    expect(officeNamedAlone('а мфц там есть')).toBe('mfc');
    expect(officeNamedAlone('а соцзащита у них есть?')).toBe('social-protection');
    expect(officeNamedAlone('а пенсионный фонд?')).toBe('sfr-client-service');
    for (const text of ['а там есть', 'мфц выдаёт справки?', 'спасибо'])
      expect(officeNamedAlone(text), text).toBeUndefined();
  });
});
