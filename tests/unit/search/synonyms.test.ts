import { describe, expect, it } from 'vitest';
import { normalizeWords } from '../../../src/search/russian-normalizer.js';
import { stemRussian } from '../../../src/search/russian-stemmer.js';
import { CONCEPT_MARK, createSynonyms } from '../../../src/search/synonyms.js';
import { projectResources } from './fixtures/fixture-search.js';

const words = (text: string) => normalizeWords(text);
const withoutConcepts = (ws: string[]) => ws.filter((w) => !w.startsWith(CONCEPT_MARK));

describe('synonyms (the shipped dictionary)', () => {
  const synonyms = createSynonyms(projectResources().synonyms);
  const canonical = (text: string) => withoutConcepts(synonyms.canonicalize(words(text))).join(' ');

  it('expands abbreviations and slang to one canonical phrase', () => {
    expect(canonical('ЕП на второго')).toBe('единое пособие на второго');
    expect(canonical('маткап')).toBe('материнский капитал');
    expect(canonical('МСК')).toBe('материнский капитал');
    expect(canonical('коммуналка')).toBe('жилищно коммунальные услуги');
    expect(canonical('ЖКУ')).toBe('жилищно коммунальные услуги');
    expect(canonical('соцфонд')).toBe('социальный фонд');
    expect(canonical('ПФР')).toBe('социальный фонд');
    expect(canonical('декретные')).toBe('пособие по беременности и родам');
    expect(canonical('многодетка')).toBe('многодетная семья');
    expect(canonical('соцзащита')).toBe('социальная защита');
    expect(canonical('МСЭ')).toBe('медико социальная экспертиза');
    expect(canonical('ЕДВ')).toBe('ежемесячная денежная выплата');
    expect(canonical('НСУ')).toBe('набор социальных услуг');
    expect(canonical('ТСР')).toBe('технические средства реабилитации');
    expect(canonical('СВО')).toBe('специальная военная операция');
  });

  it('never reads a stop word as a content variant that shares its stem', () => {
    const resources = projectResources();
    const withStops = createSynonyms(resources.synonyms, new Set(resources.stopWords.flatMap(words)));
    const read = (text: string) => withoutConcepts(withStops.canonicalize(words(text))).join(' ');
    expect(stemRussian('своих')).toBe(stemRussian('сво'));
    expect(read('своих детей')).toBe('своих детей');
    expect(read('участник сво')).toBe('специальная военная операция');
    // A phrase whose word is a stop word itself still matches ("своё дело").
    expect(read('открыть свое дело')).toBe(canonical('открыть свое дело'));
    expect(read('открыть свое дело')).not.toBe('открыть свое дело');
  });

  it('matches any form of a variant', () => {
    expect(canonical('коммуналку')).toBe('жилищно коммунальные услуги');
    expect(canonical('маткапиталом')).toBe('материнский капитал');
    expect(canonical('соцзащиту')).toBe('социальная защита');
  });

  it('matches a word written "=form" in that form only', () => {
    expect(canonical('когда придут детские')).toBe('когда придут единое пособие');
    expect(canonical('детских не хватает')).toBe('единое пособие не хватает');
    expect(canonical('выпускник детского дома')).toBe('выпускник детского дома');
    expect(canonical('детское питание')).toBe('детское питание');
    expect(canonical('единый социальный центр')).toBe('единый социальный центр');
    expect(canonical('жаль что мало')).toBe('жаль что мало');
    expect(canonical('грубо говоря')).toBe('грубо говоря');
    expect(canonical('жалуюсь на сотрудника')).toBe('жалоба на сотрудника');
    const own = createSynonyms([
      { canonical: 'выплата', variants: ['=детские', 'пособие на детей'], subject: false },
    ]);
    const read = (text: string) => own.canonicalize(words(text)).join(' ');
    expect(read('детские пришли')).toBe('выплата пришли');
    expect(read('детского сада')).toBe('детского сада');
    expect(read('пособием на детей')).toBe('выплата');
  });

  it('prefers the longest variant', () => {
    expect(canonical('по уходу до 1,5')).toBe(canonical('пособие по уходу за ребенком'));
  });

  it('adds one concept token per multi-word name, the same for every variant', () => {
    const a = synonyms.canonicalize(words('маткап')).filter((w) => w.startsWith(CONCEPT_MARK));
    const b = synonyms.canonicalize(words('материнского капитала')).filter((w) => w.startsWith(CONCEPT_MARK));
    expect(a).toHaveLength(1);
    expect(b).toEqual(a);
  });

  it('names the subject of a message', () => {
    expect(synonyms.subjects(words('какие документы нужны на маткапитал'))).toEqual(['материнский капитал']);
    expect(synonyms.subjects(words('а какие документы нужны'))).toEqual([]);
  });

  it('leaves other words alone', () => {
    expect(canonical('погода в волгограде')).toBe('погода в волгограде');
  });
});

describe('synonyms.yaml consistency', () => {
  const groups = projectResources().synonyms;

  it('no canonical phrase contains another group’s variant outside that group’s own canonical words', () => {
    // "субсидия на оплату жилищно коммунальные услуги" may contain the canonical "жилищно коммунальные услуги",
    // but not a bare variant such as "коммуналка": canonical phrases are never rewritten again.
    const stemsOf = (text: string) => normalizeWords(text).map(stemRussian);
    const occurrences = (needle: string[], hay: string[]) => {
      const starts: number[] = [];
      for (let i = 0; i + needle.length <= hay.length; i++) {
        if (needle.every((s, k) => hay[i + k] === s)) starts.push(i);
      }
      return starts;
    };
    const problems: string[] = [];
    groups.forEach((g, gi) => {
      const hay = stemsOf(g.canonical);
      groups.forEach((h, hi) => {
        if (hi === gi) return;
        const own = stemsOf(h.canonical);
        const covered = new Set(occurrences(own, hay).flatMap((start) => own.map((_, k) => start + k)));
        for (const variant of h.variants) {
          const v = stemsOf(variant);
          if (v.length === 0) continue;
          for (const start of occurrences(v, hay)) {
            if (!v.every((_, k) => covered.has(start + k)))
              problems.push(`"${g.canonical}" contains "${variant}"`);
          }
        }
      });
    });
    expect(problems).toEqual([]);
  });

  it('no variant belongs to two groups', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const g of groups) {
      for (const v of g.variants) {
        const key = normalizeWords(v).map(stemRussian).join(' ');
        const other = seen.get(key);
        if (other && other !== g.canonical) clashes.push(`${v}: ${other} / ${g.canonical}`);
        seen.set(key, g.canonical);
      }
    }
    expect(clashes).toEqual([]);
  });
});
