import { describe, expect, it } from 'vitest';
import {
  ButtonPayloadTooLongError,
  escapeAttribute,
  escapeHtml,
  renderInlineKeyboard,
  renderTelegramHtml,
  safeWebUrl,
} from '../../../../src/bots/telegram/render-telegram.js';
import { parseRichText } from '../../../../src/messaging/rich-text.js';

describe('Telegram HTML rendering', () => {
  it('escapes the characters Telegram reads as markup', () => {
    expect(escapeHtml('<b>&amp; "x"</b>')).toBe('&lt;b&gt;&amp;amp; "x"&lt;/b&gt;');
    expect(escapeAttribute('a"b<c>&')).toBe('a&quot;b&lt;c&gt;&amp;');
  });

  it('renders paragraphs, bold, links and lists', () => {
    const html = renderTelegramHtml(
      parseRichText(
        '**Единое пособие** — см. [Госуслуги](https://www.gosuslugi.ru/)\n\n- паспорт\n- СНИЛС & ИНН',
      ),
    );
    expect(html).toBe(
      '<b>Единое пособие</b> — см. <a href="https://www.gosuslugi.ru/">Госуслуги</a>\n\n• паспорт\n• СНИЛС &amp; ИНН',
    );
  });

  it('keeps a quote in a link address from closing the attribute', () => {
    const html = renderTelegramHtml([
      { type: 'paragraph', spans: [{ text: 'x', href: 'https://a.example/"onclick="y' }] },
    ]);
    expect(html).toBe('<a href="https://a.example/%22onclick=%22y">x</a>');
  });

  it('accepts only absolute http(s) addresses for links', () => {
    expect(safeWebUrl('https://sfr.gov.ru/')).toBe('https://sfr.gov.ru/');
    expect(safeWebUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeWebUrl('tel:88001000001')).toBeUndefined();
    expect(safeWebUrl('//evil.example')).toBeUndefined();
  });

  it('builds inline keyboards and polices callback data', () => {
    const keyboard = renderInlineKeyboard(
      [
        [{ kind: 'action', label: 'Да', payload: 'rate:up' }],
        [],
        [{ kind: 'link', label: 'Сайт', url: 'https://sfr.gov.ru' }],
      ],
      { strict: true },
    );
    expect(keyboard).toEqual({
      inline_keyboard: [
        [{ text: 'Да', callback_data: 'rate:up' }],
        [{ text: 'Сайт', url: 'https://sfr.gov.ru/' }],
      ],
    });
    // 33 Cyrillic letters are 66 bytes in UTF-8.
    const long = [[{ kind: 'action' as const, label: 'Длинно', payload: 'я'.repeat(33) }]];
    expect(() => renderInlineKeyboard(long, { strict: true })).toThrow(ButtonPayloadTooLongError);
    const dropped: string[] = [];
    expect(renderInlineKeyboard(long, { strict: false, onDropped: (r) => dropped.push(r) })).toBeUndefined();
    expect(dropped[0]).toContain('66 bytes');
  });
});
