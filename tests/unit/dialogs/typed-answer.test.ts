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
