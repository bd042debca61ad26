/**
 * A town or village the lists lack (citizen audit 7, a follow-up of M7): «я живу в даниловке волгоградской области»
 * was out of scope («С этим вопросом я не помогу») with the region kept unsaid, «я живу в даниловке» out of scope
 * and the region never asked, and a place of the agency directory missing from data/search/regions.yaml («я живу в
 * поселке павловский») out of scope too. The region is remembered where the data says which it is (the region
 * named beside the place, or the directory's own place) and asked once otherwise.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createSearchBuilder } from '../../../src/app/build-search.js';
import { projectKnowledge } from '../../support/dialog-harness.js';
import { engineChat, lastReply } from '../../support/engine-chat.js';

const DATA_DIR = fileURLToPath(new URL('../../../data', import.meta.url));
const REFUSAL = /не помогу/;

describe('a place the lists lack', () => {
  it('named with its region, the region is remembered and said, as for a listed town', () => {
    for (const [q, region] of [
      ['я живу в даниловке волгоградской области', 'Волгоградская область'],
      ['я из оси, пермский край', 'Пермский край'],
    ] as const) {
      const c = engineChat();
      const reply = c.send(q);
      expect(reply.text, q).toMatch(new RegExp(`^Запомнил ваш регион: ${region}\\.`));
      expect(reply.text, q).not.toMatch(REFUSAL);
      expect(c.send('какой прожиточный минимум').buttons[0], q).toContain(
        region === 'Пермский край' ? 'Пермском' : 'Волгоградской',
      );
    }
  });

  it("«📍 Куда обратиться» then lists the region's towns that have offices and its hotline, not «Напишите ваш город» again", () => {
    const listing = lastReply('я живу в даниловке волгоградской области', '[📍 Куда обратиться]');
    expect(listing.text).toMatch(/^Волгоградская область\. Выберите город или район/);
    expect(listing.text).toContain('8-800-100-00-01');
  });

  it('named alone, the region is asked with buttons, and the one pressed is remembered', () => {
    const c = engineChat();
    const ask = c.send('я живу в даниловке');
    expect(ask.text).toMatch(/^Этого места нет в моих списках\. В каком вы регионе\?/);
    expect(ask.buttons.slice(0, 3)).toEqual(['Пермский край', 'Волгоградская область', 'Другой регион']);
    expect(c.send('[Волгоградская область]').text).toMatch(/^Запомнил ваш регион: Волгоградская область\./);
    expect(c.state().region).toBe('volgograd');
    // Known already: not asked again.
    expect(c.send('мы из оси').text).not.toMatch(/В каком вы регионе|не помогу/);
  });

  it('a place of the agency directory is its region: «я живу в поселке павловский» is Perm, «во фроловском районе» Volgograd', () => {
    expect(lastReply('я живу в поселке павловский').text).toMatch(/^Запомнил ваш регион: Пермский край\./);
    expect(lastReply('я живу во фроловском районе').text).toMatch(
      /^Запомнил ваш регион: Волгоградская область\./,
    );
  });

  it('what one lives with or in is no place: «я живу одна», «я живу в общежитии» are searched', () => {
    for (const q of ['я живу одна', 'я живу в общежитии', 'я живу с мамой']) {
      expect(lastReply(q).text, q).not.toMatch(/В каком вы регионе/);
    }
  });

  it('data check: every town of data/agencies (not a district of a city) is found in its own region by data/search/regions.yaml', () => {
    const { understanding } = createSearchBuilder(DATA_DIR)(projectKnowledge());
    const missing: string[] = [];
    for (const region of ['perm', 'volgograd'] as const) {
      const directory = parse(readFileSync(`${DATA_DIR}/agencies/${region}.yaml`, 'utf8')) as {
        places: { id: string; names: string[]; parent?: string }[];
      };
      for (const place of directory.places.filter((p) => p.parent === undefined)) {
        // A city's district is left out above: «дзержинский район» is in Perm and Volgograd both, and its city says
        // which. So is a bare adjective («павловский»): a settlement of that name is in many regions.
        for (const name of place.names.filter((n) => !/^[а-яё]+ский$/.test(n))) {
          const found = understanding.region(`я живу ${name}`);
          if (found !== region) missing.push(`${region}: ${place.id}: «${name}» → ${found ?? 'nothing'}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
