/**
 * A served region's own line of a card (`- **Пермский край:** …`) is shown only to that region's citizens (audit 8
 * L8, helper P): the SVO families' card showed the Perm payment to SVO wives to a Volgograd widow and to a citizen
 * whose region is not known.
 */
import { describe, expect, it } from 'vitest';
import { keepOwnRegionLines, regionOfLine } from '../../../src/knowledge/region-lines.js';
import { lastReply } from '../../support/engine-chat.js';

const PERM_LINE = 'краевая единовременная выплата при рождении ребёнка жёнам участников СВО';
const VOLGOGRAD_CENTRE = 'Волгоградская область: Единый областной центр поддержки участников СВО';

describe('a served region’s own lines', () => {
  it('reads the bold region label at the start of a list line, and nothing else', () => {
    expect(regionOfLine('- **Пермский край:** горячие линии')).toBe('perm');
    expect(regionOfLine('- **Волгоградская область:** ЦСЗН')).toBe('volgograd');
    expect(regionOfLine('- **Соцзащита** (в Пермском крае — …)')).toBeUndefined();
    expect(regionOfLine('В Пермском крае есть компенсация')).toBeUndefined();
    const text = 'Общее.\n- **Пермский край:** п.\n- **Волгоградская область:** в.\n- Ещё общее.';
    expect(keepOwnRegionLines(text, 'perm')).toEqual({
      text: 'Общее.\n- **Пермский край:** п.\n- Ещё общее.',
      hiddenForUnknown: false,
    });
    expect(keepOwnRegionLines(text, undefined)).toEqual({
      text: 'Общее.\n- Ещё общее.',
      hiddenForUnknown: true,
    });
  });

  it('a Volgograd widow is not shown the Perm payment to SVO wives under «Сколько платят»', () => {
    const reply = lastReply('я вдова участника сво из волгограда', '[Сколько платят]');
    expect(reply.text).toContain('Выплаты семьям погибших');
    expect(reply.text).not.toContain(PERM_LINE);
    expect(reply.text).toContain('Волгоградская область: областные меры оформляют');
  });

  it('a citizen whose region is not known sees neither region’s line, and is asked for the region', () => {
    const short = lastReply('муж на сво какие выплаты');
    expect(short.text).toMatch(/^Поддержка семей участников СВО/);
    expect(short.text).not.toContain(VOLGOGRAD_CENTRE);
    expect(short.text).toContain('В каждом регионе свои меры. Выберите ваш регион');
    expect(short.buttons).toContain('Пермский край');
    const amount = lastReply('муж на сво какие выплаты', '[Сколько платят]');
    expect(amount.text).not.toContain(PERM_LINE);
    expect(amount.text).not.toContain('Волгоградская область:');
  });

  it('the region chosen shows its own line: Perm the payment to SVO wives, not the Volgograd centre', () => {
    const reply = lastReply('муж на сво какие выплаты', '[Сколько платят]', '[Пермский край]');
    expect(reply.text).toContain(PERM_LINE);
    expect(reply.text).toContain('134');
    expect(reply.text).not.toContain('Волгоградская область:');
  });

  it('a Perm wife is not shown the Volgograd centre in the short answer', () => {
    const reply = lastReply('я из перми муж погиб на сво что положено');
    expect(reply.text).toContain('Поддержка семей участников СВО');
    expect(reply.text).not.toContain(VOLGOGRAD_CENTRE);
  });
});
