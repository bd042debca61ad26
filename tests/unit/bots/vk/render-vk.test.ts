import { describe, expect, it } from 'vitest';
import { renderVkText } from '../../../../src/bots/vk/render-vk.js';
import { parseRichText } from '../../../../src/messaging/rich-text.js';

describe('renderVkText', () => {
  it('keeps bold words without markers, lists as bullets, links as "label: url"', () => {
    const text = parseRichText(
      '**Важно:** подайте заявление.\n\n- через [Госуслуги](https://www.gosuslugi.ru)\n- в МФЦ\n\nhttps://sfr.gov.ru и [8 800 100-00-01](tel:88001000001)',
    );
    expect(renderVkText(text)).toBe(
      'Важно: подайте заявление.\n\n• через Госуслуги: https://www.gosuslugi.ru\n• в МФЦ\n\nhttps://sfr.gov.ru и 8 800 100-00-01: 88001000001',
    );
  });

  it('writes a link whose label is its address once', () => {
    expect(renderVkText(parseRichText('[https://sfr.gov.ru](https://sfr.gov.ru)'))).toBe(
      'https://sfr.gov.ru',
    );
  });

  it('passes HTML-looking text through untouched (VK shows plain text)', () => {
    expect(renderVkText(parseRichText('<b>не жирный</b> & так далее'))).toBe('<b>не жирный</b> & так далее');
  });
});
