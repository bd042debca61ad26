import { describe, expect, it } from 'vitest';
import {
  capabilitiesFromClientInfo,
  createCapabilitiesCache,
} from '../../../../src/bots/vk/client-capabilities.js';
import { buildVkKeyboard, fitLabel, fitRows, planKeyboard } from '../../../../src/bots/vk/vk-keyboard.js';
import type { Button } from '../../../../src/messaging/outgoing-message.js';

const modern = capabilitiesFromClientInfo({
  button_actions: ['text', 'callback', 'open_link', 'location'],
  keyboard: true,
  inline_keyboard: true,
});
const old = capabilitiesFromClientInfo({
  button_actions: ['text', 'location'],
  keyboard: true,
  inline_keyboard: false,
});
const none = capabilitiesFromClientInfo({ button_actions: [], keyboard: false, inline_keyboard: false });

const action = (label: string, payload = label): Button => ({ kind: 'action', label, payload });

describe('VK keyboards', () => {
  it('plans by what the client can show', () => {
    expect(planKeyboard(modern)).toEqual({
      style: 'inline',
      openLink: true,
      location: true,
      normalKeyboard: true,
    });
    expect(planKeyboard(old)).toEqual({
      style: 'normal',
      openLink: false,
      location: true,
      normalKeyboard: true,
    });
    expect(planKeyboard(none).style).toBe('none');
    expect(planKeyboard(undefined)).toEqual({
      style: 'normal',
      openLink: false,
      location: false,
      normalKeyboard: true,
    });
  });

  it('shortens labels to 40 characters with an ellipsis', () => {
    expect(fitLabel('коротко')).toBe('коротко');
    const long = fitLabel('Ежемесячная выплата в связи с рождением (усыновлением) ребёнка');
    expect(Array.from(long)).toHaveLength(40);
    expect(long.endsWith('…')).toBe(true);
  });

  it('leaves out a button whose payload would exceed 255 bytes', () => {
    const built = buildVkKeyboard(
      [[action('ok'), action('big', 'я'.repeat(200))]],
      false,
      planKeyboard(modern),
    );
    expect(built.keyboard?.buttons).toEqual([
      [{ action: { type: 'callback', label: 'ok', payload: '{"p":"ok"}' } }],
    ]);
    expect(built.dropped).toEqual(['big']);
  });

  it('asks for the location with a location row in the normal keyboard (also for modern clients)', () => {
    for (const client of [old, modern]) {
      const built = buildVkKeyboard([[action('Меню', 'menu')]], true, planKeyboard(client));
      expect(built.keyboard?.inline).toBeUndefined();
      expect(built.keyboard?.buttons[0]).toEqual([
        { action: { type: 'location', payload: '{"p":"location"}' } },
      ]);
    }
  });

  it('puts more buttons than an inline keyboard holds into the normal keyboard instead of dropping them', () => {
    const menu = [
      ...Array.from({ length: 7 }, (_, i) => [action(`a${i}`), action(`b${i}`)]),
      [action('Меню')],
    ];
    const built = buildVkKeyboard(menu, false, planKeyboard(modern));
    expect(built.dropped).toEqual([]);
    expect(built.keyboard).toMatchObject({ one_time: true });
    expect(built.keyboard?.buttons.flat()).toHaveLength(15);
    expect(built.keyboard?.buttons.flat().every((b) => b.action.type === 'text')).toBe(true);
    // Ten or fewer stay inline, with callback buttons.
    const small = buildVkKeyboard(menu.slice(-5), false, planKeyboard(modern));
    expect(small.keyboard).toMatchObject({ inline: true });
  });

  it('folds into the inline limits when the client has no normal keyboard', () => {
    const inlineOnly = capabilitiesFromClientInfo({
      button_actions: ['text', 'callback'],
      keyboard: false,
      inline_keyboard: true,
    });
    const menu = [
      ...Array.from({ length: 12 }, (_, i) => [action(`t${i}`)]),
      [action('Консультант'), action('Меню')],
    ];
    const built = buildVkKeyboard(menu, false, planKeyboard(inlineOnly));
    expect(built.keyboard?.inline).toBe(true);
    expect(built.keyboard?.buttons.flat()).toHaveLength(10);
    const last = built.keyboard?.buttons.at(-1)?.map((b) => ('label' in b.action ? b.action.label : ''));
    expect(last).toEqual(['Консультант', 'Меню']);
    expect(built.dropped).toHaveLength(4);
  });

  it('without keyboard support, links go to the text and there is no keyboard', () => {
    const built = buildVkKeyboard(
      [[action('Меню'), { kind: 'link', label: 'Сайт', url: 'https://example.org' }]],
      false,
      planKeyboard(none),
    );
    expect(built.keyboard).toBeUndefined();
    expect(built.linksAsText).toEqual([{ kind: 'link', label: 'Сайт', url: 'https://example.org' }]);
  });

  describe('fitRows', () => {
    it('breaks rows wider than 5', () => {
      expect(fitRows([[1, 2, 3, 4, 5, 6, 7]], 6, 10).rows).toEqual([
        [1, 2, 3, 4, 5],
        [6, 7],
      ]);
    });

    it('packs rows more densely before dropping anything, keeping the last row', () => {
      const rows = [[1], [2], [3], [4], [5], [6], [7], [8], ['menu', 'operator']];
      const fitted = fitRows<number | string>(rows, 6, 10);
      expect(fitted.dropped).toEqual([]);
      expect(fitted.rows.length).toBeLessThanOrEqual(6);
      expect(fitted.rows.at(-1)).toEqual(['menu', 'operator']);
      expect(fitted.rows.flat()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 'menu', 'operator']);
    });

    it('drops from the end of the upper rows when there are more buttons than allowed', () => {
      const rows = [...Array.from({ length: 12 }, (_, i) => [i]), ['menu', 'operator']];
      const fitted = fitRows<number | string>(rows, 6, 10);
      expect(fitted.rows.flat()).toHaveLength(10);
      expect(fitted.rows.at(-1)).toEqual(['menu', 'operator']);
      expect(fitted.dropped).toEqual([8, 9, 10, 11]);
    });

    it('fits normal keyboards into 10 rows and 40 buttons', () => {
      const rows = [...Array.from({ length: 50 }, (_, i) => [i]), ['menu']];
      const fitted = fitRows<number | string>(rows, 10, 40);
      expect(fitted.rows.length).toBeLessThanOrEqual(10);
      expect(fitted.rows.flat()).toHaveLength(40);
      expect(fitted.rows.every((row) => row.length <= 5)).toBe(true);
      expect(fitted.rows.at(-1)).toEqual(['menu']);
    });
  });

  it('remembers client capabilities for a bounded number of people, forgetting the least recent', () => {
    const cache = createCapabilitiesCache(3);
    for (const peer of [1, 2, 3]) cache.remember(peer, modern!);
    cache.remember(1, modern!); // seen again: now the most recent
    cache.remember(4, old!);
    expect(cache.size).toBe(3);
    expect(cache.get(2)).toBeUndefined();
    expect(cache.get(1)).toBeDefined();
    expect(cache.get(4)).toBe(old);
  });
});
