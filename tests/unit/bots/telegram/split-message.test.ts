import { describe, expect, it } from 'vitest';
import { splitRichText } from '../../../../src/bots/telegram/split-message.js';
import { parseRichText, type RichText, toPlainText } from '../../../../src/messaging/rich-text.js';

const lengths = (parts: RichText[]) => parts.map((p) => toPlainText(p).length);

describe('splitting long messages', () => {
  it('keeps a short message whole', () => {
    const text = parseRichText('Один абзац.\n\nДругой.');
    expect(splitRichText(text, 100)).toEqual([text]);
  });

  it('breaks between paragraphs first', () => {
    const text = parseRichText(['a'.repeat(40), 'b'.repeat(40), 'c'.repeat(40)].join('\n\n'));
    const parts = splitRichText(text, 90);
    expect(parts.map(toPlainText)).toEqual([`${'a'.repeat(40)}\n\n${'b'.repeat(40)}`, 'c'.repeat(40)]);
  });

  it('then between lines and list items, keeping formatting', () => {
    const list = parseRichText(
      Array.from({ length: 6 }, (_, i) => `- **пункт ${i}** ${'x'.repeat(20)}`).join('\n'),
    );
    const parts = splitRichText(list, 70);
    expect(parts.length).toBeGreaterThan(1);
    expect(lengths(parts).every((n) => n <= 70)).toBe(true);
    expect(parts.flat().every((b) => b.type === 'list')).toBe(true);
    expect(parts.map(toPlainText).join('\n')).toBe(toPlainText(list));

    const lines = parseRichText(
      Array.from({ length: 5 }, (_, i) => `строка ${i} ${'y'.repeat(20)}`).join('\n'),
    );
    const lineParts = splitRichText(lines, 70);
    expect(lineParts.map(toPlainText).join('\n')).toBe(toPlainText(lines));
  });

  it('hard-splits a line as a last resort, at a space when there is one, never inside an emoji', () => {
    const words = splitRichText(parseRichText('слово '.repeat(30).trim()), 50);
    expect(lengths(words).every((n) => n <= 50)).toBe(true);
    expect(words.map(toPlainText).every((t) => t.endsWith(' ') || t.endsWith('слово'))).toBe(true);
    const emoji = splitRichText(parseRichText('👍'.repeat(30)), 25);
    expect(emoji.map(toPlainText).join('')).toBe('👍'.repeat(30));
    expect(emoji.map(toPlainText).every((t) => !/[\ud800-\udbff]$/.test(t))).toBe(true);
  });

  it('does not break a link; a link longer than a message becomes text', () => {
    const text: RichText = [
      {
        type: 'paragraph',
        spans: [{ text: 'x'.repeat(30) }, { text: 'ссылка', href: 'https://example.org/long' }],
      },
    ];
    const parts = splitRichText(text, 40);
    expect(parts[1]).toEqual([
      { type: 'paragraph', spans: [{ text: 'ссылка', href: 'https://example.org/long' }] },
    ]);
    const huge: RichText = [
      { type: 'paragraph', spans: [{ text: 'ссылка', href: `https://example.org/${'p'.repeat(60)}` }] },
    ];
    expect(
      splitRichText(huge, 40)
        .flat()
        .every((b) => b.type === 'paragraph' && b.spans.every((s) => !s.href)),
    ).toBe(true);
  });
});
