import { describe, expect, it } from 'vitest';
import { splitMessage } from '../../../../src/bots/vk/split-message.js';

describe('splitMessage', () => {
  it('keeps a short text whole and drops an empty one', () => {
    expect(splitMessage('  привет  ')).toEqual(['привет']);
    expect(splitMessage('   ')).toEqual([]);
  });

  it('splits at paragraph breaks, packing as many paragraphs as fit', () => {
    const p = (c: string) => c.repeat(40);
    expect(splitMessage(`${p('a')}\n\n${p('b')}\n\n${p('c')}`, 90)).toEqual([
      `${p('a')}\n\n${p('b')}`,
      p('c'),
    ]);
  });

  it('falls back to line breaks, then spaces, then a hard cut', () => {
    expect(splitMessage(`${'a'.repeat(30)}\n${'b'.repeat(30)}`, 40)).toEqual([
      'a'.repeat(30),
      'b'.repeat(30),
    ]);
    expect(splitMessage('слово '.repeat(20).trim(), 30).every((part) => part.length <= 30)).toBe(true);
    expect(splitMessage('x'.repeat(100), 40)).toEqual(['x'.repeat(40), 'x'.repeat(40), 'x'.repeat(20)]);
  });

  it('never cuts a surrogate pair in two', () => {
    const parts = splitMessage(`${'a'.repeat(39)}😀${'b'.repeat(10)}`, 40);
    expect(parts.join('')).toBe(`${'a'.repeat(39)}😀${'b'.repeat(10)}`);
    expect(parts.every((part) => !/[\ud800-\udbff]$/.test(part))).toBe(true);
  });

  it('loses no words of a long answer', () => {
    const text = Array.from(
      { length: 50 },
      (_, i) => `Абзац ${i}. ${'текст '.repeat(30 + (i % 7)).trim()}`,
    ).join('\n\n');
    const parts = splitMessage(text, 4096);
    expect(parts.every((part) => part.length <= 4096)).toBe(true);
    expect(parts.join('\n\n')).toBe(text);
  });
});
