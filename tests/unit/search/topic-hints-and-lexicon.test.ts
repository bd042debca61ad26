import { fileURLToPath } from 'node:url';
import SearchableMap from 'minisearch/SearchableMap';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../../src/knowledge/knowledge-base.js';
import { corpusWords } from '../../../src/search/corpus-words.js';
import { createLexicon, createLexiconFromCounts } from '../../../src/search/lexicon.js';
import { normalizeWords } from '../../../src/search/russian-normalizer.js';
import { createTopicHints } from '../../../src/search/topic-hints.js';
import { fixtureKb, projectResources } from './fixtures/fixture-search.js';

describe('topic hints (the shipped labelling rules)', () => {
  const topics = new Set(fixtureKb().taxonomy.topics.map((t) => t.slug));
  const hints = createTopicHints(projectResources().topicHints, topics);
  const boosts = (text: string) => Object.fromEntries(hints.read(normalizeWords(text)).topics);

  it('sends an appeal against a refused benefit to appeal-refusal, whatever the benefit', () => {
    expect(boosts('пфр отказал в доплате к пенсии, хочу обжаловать')['appeal-refusal']).toBeGreaterThan(2);
  });

  it('sends contesting an MSE decision to disability-assessment instead', () => {
    const b = boosts('не согласна с решением мсэ, сняли группу, как обжаловать');
    expect(b['disability-assessment']).toBeGreaterThan(1);
    expect(b['appeal-refusal']).toBeUndefined();
  });

  it('tells payment dates from application deadlines', () => {
    expect(boosts('какого числа приходит пенсия')['processing-times']).toBeGreaterThan(1);
    expect(boosts('до какого числа подать заявление на набор услуг')['processing-times']).toBeUndefined();
  });

  it('leaves ordinary questions alone', () => {
    expect(boosts('как оформить маткапитал')).toEqual({});
    expect(boosts('какие документы на субсидию')).toEqual({});
  });

  it("puts the unified benefit's own topic first when its amount is asked (a region named brings in regional entries that mention it)", () => {
    expect(boosts('сколько платят единое пособие')).toEqual({
      'unified-child-benefit': 1.4,
      'unified-benefit-pregnancy': 0.8,
    });
  });

  it('reads the unified benefit named without a pregnancy as the children’s, and a pregnancy’s weeks as no waiting time', () => {
    expect(boosts('как оформить единое пособие')).toEqual({ 'unified-benefit-pregnancy': 0.8 });
    expect(boosts('как оформить единое пособие беременной')).toEqual({});
    expect(boosts('почему не дали единое пособие')).toEqual({});
    expect(boosts('хочу оформить единое пособие беременной срок 10 недель')).toEqual({
      'processing-times': 0.5,
    });
    expect(boosts('подала на пособие беременной 2 недели назад когда будет решение')).not.toHaveProperty(
      'processing-times',
      0.5,
    );
    expect(boosts('материнский капитал на первого ребенка')).toEqual({ 'maternity-capital': 1.3 });
    // A housing use named: how the capital is spent on housing, not the capital for that child (helper S).
    expect(boosts('маткапитал на второго ребенка на ипотеку')).toEqual({ 'maternity-capital-spending': 1.3 });
  });

  it('refuses a hint for a topic the taxonomy does not have', () => {
    const data = { fuzzyMinLength: 7, hints: [{ when: 'слово', boost: { 'no-such-topic': 2 } }] };
    expect(() => createTopicHints(data, topics)).toThrow(/no-such-topic/);
  });

  it('boosts one entry of a topic when a hint names it in boost_entries, apart from the topics', () => {
    const data = {
      fuzzyMinLength: 7,
      hints: [{ when: 'слово', boost: {}, boostEntries: { 'some-entry': 2 } }],
    };
    const read = createTopicHints(data, topics).read(normalizeWords('одно слово'));
    expect(Object.fromEntries(read.entries)).toEqual({ 'some-entry': 2 });
    expect(read.topics.size).toBe(0);
  });

  it("sends one's own pension asked with one's age to how to learn it, and not a kind of pension named", () => {
    const entries = (text: string) => Object.fromEntries(hints.read(normalizeWords(text)).entries);
    expect(entries('мне 70 лет какая пенсия')).toEqual({ 'pension-amount-how-to-know': 2 });
    expect(entries('какая пенсия в 70 лет')).toEqual({ 'pension-amount-how-to-know': 2 });
    expect(entries('какая пенсия у вдовы')).toEqual({});
    expect(entries('мне 70 лет какая доплата к пенсии')).toEqual({});
  });
});

describe('lexicon', () => {
  const lexicon = createLexicon(
    normalizeWords(
      'удостоверение многодетной семьи удостоверение инвалидность пособие по безработице справляется',
    ),
  );

  it('corrects a typo in a long word to the known word', () => {
    expect(lexicon.correct('удосиоверение')).toBe('удостоверение');
    expect(lexicon.correct('безработеце')).toBe('безработице');
  });

  it('reads a genitive ending written as said ("втарова" for "второго")', () => {
    const spoken = createLexicon(normalizeWords('на второго ребенка третьего ребенка'));
    expect(spoken.correct('втарова')).toBe('второго');
    expect(spoken.correct('третьева')).toBe('третьего');
    expect(spoken.correct('основа')).toBeUndefined();
  });

  it('puts back a left-out soft sign in a short word ("лготы" → "льготы"), and makes no other edit there', () => {
    const short = createLexicon(normalizeWords('льготы пенсионерам семья'));
    expect(short.correct('лготы')).toBe('льготы');
    expect(short.correct('сеья')).toBeUndefined();
    expect(short.correct('лгот')).toBeUndefined();
  });

  it('tells a typo that can only be one word from one that could be either of two', () => {
    const words = createLexicon(normalizeWords('пенсия по старости пенсии интернет интернат'));
    expect(words.correct('старасти')).toBe('старости');
    expect(words.correctsSurely('старасти')).toBe(true);
    // Two forms of one word are one meaning.
    expect(words.correctsSurely('пенсея')).toBe(true);
    // «интернт» is «интернет» or «интернат».
    expect(words.correct('интернт')).toBeDefined();
    expect(words.correctsSurely('интернт')).toBe(false);
    expect(words.correctsSurely('старости')).toBe(false);
  });

  it('leaves short, known and unrelated words alone', () => {
    expect(lexicon.correct('пособ')).toBeUndefined();
    expect(lexicon.correct('пособие')).toBeUndefined();
    expect(lexicon.correct('велосипед')).toBeUndefined();
  });

  it('knows other forms of a known word', () => {
    expect(lexicon.knows('пособия')).toBe(true);
    expect(lexicon.knows('самокат')).toBe(false);
  });

  it('corrects typos of the knowledge base’s words to the same word as minisearch’s SearchableMap, ties included', () => {
    // The lexicon walked a SearchableMap before its own letter tree: among equally close and common words the one
    // that map found first won («интернт» → «интернет», not «интернат»), and the tree must keep to it.
    const { kb } = loadKnowledgeBase(fileURLToPath(new URL('../../../data', import.meta.url)));
    const counts = new Map<string, number>();
    for (const e of kb.entries)
      for (const text of [e.title, e.short, ...e.questions, ...e.keywords, ...Object.values(e.sections)])
        for (const w of corpusWords(String(text))) counts.set(w, (counts.get(w) ?? 0) + 1);
    const reference = new SearchableMap<number>();
    for (const [w, n] of counts) reference.set(w, n);
    /** The word SearchableMap's walk gives, and whether another was as close and as common (the order decides). */
    const expected = (word: string, budget: number) => {
      let best: { word: string; distance: number; count: number } | undefined;
      let tied = false;
      for (const [candidate, [count, distance]] of reference.fuzzyGet(word, budget)) {
        if (!best || distance < best.distance || (distance === best.distance && count > best.count)) {
          best = { word: candidate, distance, count };
          tied = false;
        } else if (distance === best.distance && count === best.count) tied = true;
      }
      return { word: best?.word, tied };
    };
    const tree = createLexiconFromCounts(counts);
    const letters = 'абвгдежзийклмнопрстуфхцчшщыьэюя';
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    let compared = 0;
    let ties = 0;
    for (const w of [...counts.keys()].filter((k) => k.length >= 6 && /^[а-я]+$/.test(k)).slice(0, 3000)) {
      const at = Math.floor(random() * w.length);
      const c = letters[Math.floor(random() * letters.length)]!;
      const typo = [`${w.slice(0, at)}${c}${w.slice(at + 1)}`, `${w.slice(0, at)}${w.slice(at + 1)}`][
        compared % 2
      ]!;
      if (typo.length < 6 || tree.knows(typo)) continue;
      const budget = typo.length >= 10 ? 2 : 1;
      const want = expected(typo, budget);
      if (want.tied) ties += 1;
      expect(tree.correct(typo), typo).toBe(want.word);
      compared += 1;
    }
    expect(compared).toBeGreaterThan(2000);
    expect(ties).toBeGreaterThan(20);
  });

  it('corrects a typo of every word, whichever word’s end falls where the letter tree grows', () => {
    // A word's end made just as the tree's arrays grew lost its word, and a typo of it crashed the walk (a new entry
    // of the knowledge base put one there). A first word of 1 to 9 letters moves every later node by one each time.
    const letters = 'абвгдежзиклмнопрст';
    const words = Array.from({ length: 300 }, (_, i) => {
      let word = '';
      for (let j = 0, n = i * 7919 + 104729; j < 7; j++, n = Math.floor(n / letters.length) + 3)
        word += letters[n % letters.length];
      return word;
    });
    for (let shift = 1; shift <= 9; shift++) {
      const counts = new Map(['ю'.repeat(shift), ...words].map((w) => [w, 1]));
      const lexicon = createLexiconFromCounts(counts);
      for (const word of words) {
        const typo = `${word.slice(0, 6)}я`;
        if (!counts.has(typo)) expect(lexicon.correct(typo), typo).toBe(word);
      }
    }
  });

  it('scores Russian-looking strings above keyboard noise', () => {
    expect(lexicon.russianLikeness('пособия')).toBeGreaterThan(lexicon.russianLikeness('щлзщш'));
  });
});
