import { describe, expect, it } from 'vitest';
import { typedAnswer } from '../../../src/dialogs/typed-answer.js';

describe('a typed reply read as a button', () => {
  const adults = [
    { value: 1, label: 'Я один (одна)' },
    { value: 2, label: 'Двое' },
    { value: 3, label: 'Трое' },
  ];
  const disability = [
    { value: 'none', label: 'Нет' },
    { value: 'self', label: 'Да, у меня' },
    { value: 'child', label: 'Да, у ребёнка' },
  ];

  it('reads a label typed out, in any case and with punctuation, or words found in one label only', () => {
    expect(typedAnswer('двое', adults)).toBe(2);
    expect(typedAnswer('ТРОЕ!', adults)).toBe(3);
    expect(typedAnswer('один', adults)).toBe(1);
    expect(typedAnswer('да у ребенка', disability)).toBe('child');
  });

  it('reads "да" and "нет" only where the question has such an answer', () => {
    expect(typedAnswer('нет', disability, { no: 'none' })).toBe('none');
    expect(typedAnswer('неа', disability, { no: 'none' })).toBe('none');
    expect(typedAnswer('да', disability, { no: 'none' })).toBeUndefined();
    expect(typedAnswer('да', [{ value: '1', label: '✅ Да, можно' }], { yes: '1' })).toBe('1');
  });

  it('names nothing for a reply that fits several buttons, none, or is a question of its own', () => {
    expect(typedAnswer('да', disability)).toBeUndefined();
    expect(typedAnswer('пятеро', adults)).toBeUndefined();
    expect(typedAnswer('а какие документы нужны для единого пособия на ребенка', adults)).toBeUndefined();
    expect(typedAnswer('   ', adults)).toBeUndefined();
  });
});

describe('«нет» or «да» with a short reason (citizen audit 5, H2)', () => {
  const pension = [
    { value: 'pensioner', label: 'Да, я на пенсии' },
    { value: 'no', label: 'Нет' },
  ];

  it('reads «нет мы молодые», «нет не пенсионер», «да получаю» as the answer', () => {
    expect(typedAnswer('нет мы молодые', pension, { no: 'no', withReason: true })).toBe('no');
    expect(typedAnswer('нет, не пенсионер', pension, { no: 'no', withReason: true })).toBe('no');
    expect(typedAnswer('да получаю', [], { yes: 'yes', withReason: true })).toBe('yes');
    // Only where asked for: at a complaint's summary «нет подождите» is no «Отменить».
    expect(typedAnswer('нет подождите', pension, { no: 'no' })).toBeUndefined();
  });

  it('not a «нет» with a «но», a question, or a long story after it', () => {
    expect(typedAnswer('нет но муж инвалид', pension, { no: 'no', withReason: true })).toBeUndefined();
    expect(typedAnswer('нет а сколько платят', pension, { no: 'no', withReason: true })).toBeUndefined();
    expect(typedAnswer('нет мы молодые?', pension, { no: 'no', withReason: true })).toBeUndefined();
    expect(
      typedAnswer('нет у нас все сложно муж то работает', pension, { no: 'no', withReason: true }),
    ).toBeUndefined();
  });
});
