/**
 * The tuned search the dialog engine uses: Russian text analysis, synonyms, typo and layout recovery, intents
 * that override ranking, region-aware ranking, and the confidence bands. `createKnowledgeSearch(kb)` is all a
 * caller needs; `explain` shows the inner numbers for evaluation and debugging.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { judge } from './confidence.js';
import { createDatedEntries } from './dated-entries.js';
import { compileAudience } from './entry-audience.js';
import { createEntryOverviews, type OverviewsAsked } from './entry-overviews.js';
import { asksForPersonInEnglish, looksEnglish, saysCrisisInEnglish } from './foreign-language.js';
import { createIntentDetector } from './intent-detector.js';
import {
  buildKnowledgeIndex,
  type RankedEntry,
  type RankOptions,
  type TermMatch,
} from './knowledge-index.js';
import { createRegionDetector, type PlaceMention, type RegionMention } from './region-detector.js';
import { stemRussian } from './russian-stemmer.js';
import {
  bandsFor,
  resolveSearchConfig,
  type SearchConfig,
  type SearchConfigOverrides,
} from './search-config.js';
import { loadSearchResources, type SearchResources, type ServedRegion } from './search-data.js';
import type { KnowledgeSearch, SearchBand, SearchContext, SearchHit, SearchOutcome } from './search-types.js';
import { createSectionRequestDetector } from './section-request.js';
import { CONCEPT_MARK } from './synonyms.js';
import { type AnalysedQuery, CONTEXT_EVIDENCE, type QueryTerm, type TextAnalyzer } from './text-analyzer.js';
import { createTopicHints } from './topic-hints.js';

export interface KnowledgeSearchOptions {
  /** Where `search/*.yaml` lives (default: the project's `data/`). Ignored when `resources` is given. */
  dataDir?: string;
  /** Already loaded search data (tests, or several indexes sharing one load). */
  resources?: SearchResources;
  /** Overrides on top of the defaults and of `search-config.yaml`. */
  config?: SearchConfigOverrides;
}

/** What the search saw and weighed for one query. */
export interface SearchExplanation {
  outcome: SearchOutcome;
  query: AnalysedQuery;
  region?: ServedRegion | 'other';
  /** The best few entries with their scores and matched words. */
  ranked: RankedEntry[];
  evidence: number;
  coverage: number;
  runnerUpRatio: number;
  queryMass: number;
}

export interface TunedKnowledgeSearch extends KnowledgeSearch {
  explain(query: string, context?: SearchContext): SearchExplanation;
  readonly config: SearchConfig;
  /** How this search reads text (shared with the follow-up and region understanding, see build-search). */
  readonly analyzer: TextAnalyzer;
}

/** The topics special intents point at, when the knowledge base has entries for them. */
const CRISIS_TOPIC = 'crisis-support';
const CONSULTANT_TOPIC = 'talk-to-consultant';

/**
 * Unknown words (no entry has them) weigh this share of the rarest known word in the query's total: a typo
 * nobody could correct or a name should lower confidence somewhat, not sink a clear match.
 */
const UNKNOWN_WORD_SHARE = 0.6;

/**
 * The score kept by an entry that matches only the words that asked for an overview (see withGroupWords): a half,
 * like the overview's own boost of 2 the other way.
 */
const NOT_A_RIVAL = 0.5;

const NO_STEMS: ReadonlySet<string> = new Set();

/** A word that may be a year of birth («1965»): four digits from 19 or 20. */
const looksLikeYear = (word: string) => word.length === 4 && (word.startsWith('19') || word.startsWith('20'));

/** How a message names one benefit (see subjectNaming). */
type SubjectNaming = 'only' | 'with-filler';

/** Builds the tuned search over a loaded knowledge base. Index build is synchronous and fast (see bench:search). */
export function createKnowledgeSearch(
  kb: KnowledgeBase,
  options: KnowledgeSearchOptions = {},
): TunedKnowledgeSearch {
  const resources = options.resources ?? loadSearchResources(options.dataDir);
  const config = resolveSearchConfig(resources.config, options.config);
  const judging: SearchConfig = { ...config, bands: bandsFor(config.bands, kb.entries.length) };
  const index = buildKnowledgeIndex(kb.entries, resources, config);
  const { analyzer } = index;
  const intents = createIntentDetector(resources.intents);
  // The entries the displaced people's reply offers, those of them the knowledge base has.
  const displacedOffers = entryHits(kb, resources.intents.offers.displaced ?? []);
  const regions = createRegionDetector(resources.regions);
  const hints = createTopicHints(resources.topicHints, new Set(kb.taxonomy.topics.map((t) => t.slug)));
  /** The part of a measure a question asks about («сколько», «документы»), as the dialog reads it. */
  const sections = createSectionRequestDetector(resources.sections, {
    synonyms: analyzer.synonyms,
    isStopWord: analyzer.isStopWord,
  });
  const overviews = createEntryOverviews(kb.entries, resources.topicHints.entitlement);
  const dated = createDatedEntries(kb.entries);
  const maxIdf = index.idf('\u0000');
  const stopWords = new Set(resources.stopWords);
  const requestWords = new Set(resources.requestWords);
  const genericWords = new Set(resources.genericWords);
  /** Stop words and words of asking ("как", "оформить", "положено"): they say nothing of what is asked about. */
  const isFiller = (w: string) => stopWords.has(w) || requestWords.has(w);
  const contentWords = (words: readonly string[]) => words.filter((w) => !isFiller(w));
  /**
   * Entries written for one group of people, with the words that name it (`requires`): "выплата беременной жене
   * студента" matched the conscripts' families' entry on "беременной жене" and was answered with it.
   */
  const audiences = new Map(
    kb.entries.flatMap((e) => (e.requires ? [[e.id, compileAudience(e.requires)] as const] : [])),
  );
  /**
   * The group is named as typed or as the spelling correction reads it: "социальая пенсия возраст" did not name the
   * social pension's group ("социальн*") and was offered choices without it.
   */
  const writtenForOthers =
    (words: readonly string[], corrected: readonly string[] | undefined) => (r: RankedEntry) => {
      const namesAudience = audiences.get(r.entry.id);
      return namesAudience !== undefined && !namesAudience(words) && !(corrected && namesAudience(corrected));
    };
  /**
   * A benefit's name as some entries' example question, and those entries («единое пособие», «субсидия на жку»): the
   * entry that answers the name alone (see ConfidenceInput.subjectEntry). Keyed by the name's words as the synonyms
   * rewrite them, without stop words, so that «ЕП», «единка» and «что такое единое пособие» find the same entry.
   */
  // Words of asking stay in the key: «пособие по безработице как оформить» names how to apply, not the benefit alone.
  const subjectKey = (words: readonly string[]) =>
    analyzer.synonyms
      .canonicalize(words)
      .filter((w) => !w.startsWith(CONCEPT_MARK) && !stopWords.has(w))
      .join(' ');
  const entriesNamedBy = new Map<string, Set<string>>();
  for (const e of kb.entries) {
    for (const q of e.questions) {
      const words = analyzer.understoodWords(q);
      if (analyzer.synonyms.subjects(words).length !== 1) continue;
      const key = subjectKey(words);
      entriesNamedBy.set(key, new Set([...(entriesNamedBy.get(key) ?? []), e.id]));
    }
  }
  /** Stems of the entries' titles and keywords: the words that name what an entry is about. */
  const subjectStems = new Set(analyzer.subjectTermShares(kb.entries).keys());

  /**
   * A plea for help rather than a question to answer or refuse: no word to search by; only words of a plea or of
   * asking and no welfare word ("помощь", "где мои деньги"); or one word that names no measure ("плохо", "опять",
   * "муж"), which happens to occur in some entry's text and is no reason to answer from it.
   */
  const isPlea = (
    terms: readonly QueryTerm[],
    words: readonly string[],
    band: SearchBand,
    welfare: boolean,
  ) => {
    const plain = (w: string) => isFiller(w) || genericWords.has(w);
    if (terms.length === 0) return true;
    if (band === 'out_of_scope' && words.every(plain)) return true;
    return (
      terms.length === 1 &&
      !welfare &&
      (!subjectStems.has(terms[0]!.stem) || words.some((w) => genericWords.has(w)))
    );
  };

  /**
   * How the words name one subject (a variant of a `subject` synonym group): 'only' when they are its name and
   * nothing else ("единка", "субсидия на ЖКУ"); 'with-filler' when stop words and words of asking come with it ("что
   * такое ЕП", "пособие по безработице сколько"), which may say what about it is asked.
   */
  const subjectNaming = (words: readonly string[]): SubjectNaming | undefined => {
    const named = analyzer.synonyms.subjects(words);
    if (named.length !== 1) return undefined;
    const rewritten = analyzer.synonyms.canonicalize(words).filter((w) => !w.startsWith(CONCEPT_MARK));
    if (rewritten.join(' ') === named[0]) return 'only';
    const content = (ws: readonly string[]) => contentWords(ws).join(' ');
    return content(rewritten) === content(named[0]!.split(' ')) ? 'with-filler' : undefined;
  };

  /**
   * A town the index does not know ("в Камышине") says only which region the question is about: it is replaced
   * by the region's own name, which the regional entries use.
   */
  const withRegionTerms = (
    terms: readonly QueryTerm[],
    words: readonly string[],
    mention: RegionMention,
    /**
     * The town is only where the office asked for is («где соцзащита в березниках»): the region's contacts answer
     * for every town of it, so the town's own word is no evidence. Kept, it matched an entry whose example question
     * names the town (a birth payment «…в березниках…»), and the contacts got «Уточните…» beside it.
     */
    placeOnly = false,
  ) => {
    const named = new Set([...mention.positions].map((i) => stemRussian(words[i]!)));
    const kept: QueryTerm[] = [];
    for (const t of terms) {
      if (!named.has(t.stem)) kept.push(t);
      else if (!placeOnly && index.idf(t.stem) < maxIdf) kept.push({ ...t, context: true });
    }
    for (const stem of analyzer.documentTerms(mention.canonical)) {
      const existing = kept.find((t) => t.stem === stem);
      if (existing) existing.context = true;
      else kept.push({ stem, weight: 1, context: true });
    }
    return kept;
  };

  /**
   * Words that name where the person lives and not what they ask ("я живу в саратове какие выплаты на детей"): a
   * region the index knows nothing of, and "живу" beside any place. Left in, "саратове" was an unknown word that
   * halved the confidence, and the question got "Я не уверен" though "какие выплаты на детей" is answered.
   */
  const withoutPlaceWords = (
    terms: readonly QueryTerm[],
    analysed: AnalysedQuery,
    positions: Iterable<number>,
  ): QueryTerm[] => {
    const stems = new Set<string>();
    for (const i of positions) {
      for (const w of [analysed.words[i], analysed.corrected[i]]) if (w) stems.add(stemRussian(w));
    }
    return stems.size === 0 ? [...terms] : terms.filter((t) => !stems.has(t.stem));
  };

  /**
   * The stems of the words a topic hint calls context (the person one's pension is set beside: «почему у сестры
   * пенсия больше»), as the index reads them («матери» is «мама» by a synonym). They say whom the question is about,
   * not what it asks: they weigh half in the size of the question (as a region's name does), and rank nothing. Weighed
   * in full, «сестры» (in no entry about pensions) left «Я не уверен»; ranked even at half, «мамы» and «папы» kept the
   * disabled child's family support within 0.87 of the counting card, and «Уточните…».
   */
  const contextStemsAt = (analysed: AnalysedQuery, positions: ReadonlySet<number>): Set<string> => {
    const stems = new Set<string>();
    for (const i of positions) {
      for (const w of [analysed.words[i], analysed.corrected[i]]) {
        if (w) for (const stem of analyzer.documentTerms(w)) stems.add(stem);
      }
    }
    return stems;
  };

  /**
   * The entries a hint with context raises (`boost_entries` above 1: the card on how a pension is counted, for a
   * pension set beside a sister's) answer whoever the context words name: those words count as matched by them, as
   * context, so that they weigh the same in the evidence as in the question.
   */
  const withContextMatched = (
    ranked: RankedEntry[],
    terms: readonly QueryTerm[],
    stems: ReadonlySet<string>,
    raised: ReadonlyMap<string, number>,
  ): RankedEntry[] => {
    if (stems.size === 0) return ranked;
    const context = terms.filter((t) => t.context && t.weight > 0 && stems.has(t.stem));
    if (context.length === 0) return ranked;
    return ranked.map((r) => {
      if ((raised.get(r.entry.id) ?? 1) <= 1 || r.matches.length === 0) return r;
      const matches = [...r.matches];
      for (const t of context) {
        if (matches.some((m) => m.stem === t.stem)) continue;
        const idf = massOf(t) / (t.weight * CONTEXT_EVIDENCE);
        matches.push({ stem: t.stem, idf, strength: t.weight, context: true });
      }
      return { ...r, matches };
    });
  };

  /** The words naming a place, with "область", "город", "край" right beside them ("в Саратовской области"). */
  const placeAndBeside = (place: PlaceMention): Set<number> => {
    const named = new Set(place.positions);
    for (const i of place.placeWords) if (named.has(i - 1) || named.has(i + 1)) named.add(i);
    return named;
  };

  /**
   * The words saying where the person lives: the place with the words beside it, the words of residence, and stop
   * words and place words next to them («из перми», «живу в г пермь», «пермский край», «город пермь»). A description
   * with them is still a description alone.
   */
  const whereLived = (place: PlaceMention, words: readonly string[]): Set<number> => {
    const where = placeAndBeside(place);
    for (const i of place.residence) where.add(i);
    // A place word is found once in a message («г» of «г р»): «край» after «пермский» is one of the place's all the same.
    for (const i of [...where].sort((a, b) => a - b)) {
      for (let after = i + 1; after < words.length && !where.has(after); after++) {
        if (!regions.repeatsPlace(words[after]!, place)) break;
        where.add(after);
      }
    }
    for (const i of [...where].sort((a, b) => b - a)) {
      for (let before = i - 1; before >= 0 && !where.has(before); before--) {
        const word = words[before]!;
        if (!stopWords.has(word) && !regions.repeatsPlace(word, place)) break;
        where.add(before);
      }
    }
    return where;
  };

  /** The measures each entry names in its title or keywords, read on first use (the entries do not change). */
  const measuresNamedBy = new Map<string, readonly string[]>();
  /** The entry names one of the measures in its title or keywords. */
  const namesMeasure = (id: string, named: readonly string[]): boolean => {
    if (named.length === 0) return false;
    let own = measuresNamedBy.get(id);
    if (own === undefined) {
      const entry = kb.entry(id);
      if (!entry) return false;
      own = [entry.title, ...entry.keywords].flatMap((text) =>
        analyzer.synonyms.subjects(analyzer.understoodWords(text)),
      );
      measuresNamedBy.set(id, own);
    }
    return named.some((subject) => own.includes(subject));
  };

  /**
   * Choices for a question that names a served region, all of them that region's entries («я из перми какие выплаты
   * на детей» got Perm's subsistence minimum, large families and contacts): the place's words weigh on every regional
   * entry, which lists its towns, and the all-Russia measure asked about fell below the choices. When the question
   * names a measure, the entry it finds without the place's words, if an all-Russia one, takes the last place.
   */
  const withFederalChoice = (
    hits: SearchHit[],
    terms: readonly QueryTerm[],
    words: readonly string[],
    rankOptions: RankOptions,
  ): SearchHit[] => {
    if (hits.length < 2) return hits;
    // Only where a measure is named («выплаты на детей»): where to go in a town, or «краевые выплаты», are the
    // region's own.
    const named = analyzer.synonyms.subjects(words);
    if (named.length === 0) return hits;
    const federalAt = hits.findIndex((h) => kb.entry(h.entryId)?.regions.includes('federal'));
    if (federalAt >= 0) {
      // Among the choices already, it comes first when the region's entries before it do not name the measure
      // in their titles or keywords: «сколько единое пособие в перми» offered Perm's contacts and subsistence
      // minimum first, the amount of the unified benefit third.
      if (federalAt === 0 || hits.slice(0, federalAt).some((h) => namesMeasure(h.entryId, named)))
        return hits;
      return [hits[federalAt]!, ...hits.filter((_, i) => i !== federalAt)];
    }
    const unplaced = terms.filter((t) => !t.context);
    if (unplaced.length === 0) return hits;
    // The same region and boosts as the ranking it stands beside, read once.
    const [first] = index.rank(unplaced, rankOptions);
    const federal = first && kb.entry(first.entry.id);
    if (!first || !federal?.regions.includes('federal')) return hits;
    const hit: SearchHit = { entryId: federal.id, topic: federal.topic, score: first.score };
    return [...hits.slice(0, config.clarifyHits - 1), hit];
  };

  /** The best-ranked entry of a topic, or else its first entry, as a hit. */
  const topicHit = (topic: string, ranked: readonly RankedEntry[]): SearchHit[] => {
    const fromRanking = ranked.find((r) => r.entry.topic === topic);
    if (fromRanking) return [{ entryId: fromRanking.entry.id, topic, score: fromRanking.score }];
    const first = kb.entriesOfTopic(topic)[0];
    return first ? [{ entryId: first.id, topic, score: 0 }] : [];
  };

  /** What one query word weighs in the question: unknown words less (UNKNOWN_WORD_SHARE), region names less. */
  const massOf = (t: QueryTerm): number => {
    const idf = index.idf(t.stem);
    const weight = t.weight * (t.context ? CONTEXT_EVIDENCE : 1);
    return weight * (idf >= maxIdf ? maxIdf * UNKNOWN_WORD_SHARE : idf);
  };

  /**
   * The words that asked for an overview (`overview_for`: the group's words and the broad question's) count as
   * matched by it: «мне 82 года, какие льготы» ranked the pensioners' overview first, but no entry has «82», so the
   * evidence was «льготы» alone and the person got «Я не уверен». An overview is written for whoever its group words
   * name, and answers what they are entitled to.
   */
  const withGroupWords = (
    ranked: RankedEntry[],
    asked: OverviewsAsked,
    terms: readonly QueryTerm[],
    words: readonly string[],
  ): RankedEntry[] => {
    const { namedBy } = asked;
    if (namedBy.size === 0) return ranked;
    // A message that only says who someone is («мама 1940 года рождения»): every entry matched nothing but that
    // description, and the overview of the group described is what it asks for. It ranks at least with the best of
    // them, however few of its words its text has (the birth lump sum led on «рождения» and «мама»).
    const best = asked.describedOnly ? (ranked[0]?.score ?? 0) : 0;
    const stemsAt = (positions: ReadonlySet<number>) =>
      new Set([...positions].map((i) => stemRussian(words[i]!)));
    const asking = stemsAt(new Set([...namedBy.values()].flatMap((p) => [...p])));
    // Its text may have none of the words («я 1955 г р»): it is ranked all the same.
    const unranked = asked.describedOnly
      ? [...namedBy.keys()].flatMap((id) => {
          const entry = kb.entry(id);
          return entry && !ranked.some((r) => r.entry.id === id)
            ? [{ entry: { id, topic: entry.topic, regions: entry.regions }, score: 0, matches: [] }]
            : [];
        })
      : [];
    const withWords = (unranked.length > 0 ? [...ranked, ...unranked] : ranked).map((r) => {
      const positions = namedBy.get(r.entry.id);
      if (!positions) {
        // An entry matching nothing but the words that asked for the overview is no rival to it: «мне 68 лет какие
        // выплаты» ranked the maternity capital's monthly payment first on «лет» and «выплаты».
        const onlyAsking = r.matches.length > 0 && r.matches.every((m) => asking.has(m.stem));
        return onlyAsking ? { ...r, score: r.score * NOT_A_RIVAL } : r;
      }
      if (r.matches.length === 0 && !asked.describedOnly) return r;
      const stems = stemsAt(positions);
      const matches = [...r.matches];
      for (const t of terms) {
        if (!stems.has(t.stem) || t.context || t.weight <= 0) continue;
        // Evidence in the same measure as the question's mass, so that naming the group never covers more than it weighs.
        const match: TermMatch = { stem: t.stem, idf: massOf(t) / t.weight, strength: t.weight };
        const at = matches.findIndex((m) => m.stem === t.stem);
        if (at < 0) matches.push(match);
        else if (matches[at]!.idf * matches[at]!.strength < match.idf * match.strength) matches[at] = match;
      }
      return { ...r, score: Math.max(r.score, best), matches };
    });
    return withWords.sort((a, b) => b.score - a.score);
  };

  /** The question's own words an entry matched (not the words naming the region). */
  const ownWords = (r: RankedEntry) => r.matches.flatMap((m) => (m.context ? [] : [m.stem]));

  /** The words describing someone in a question (who, a birth year): their positions and stems. */
  interface Description {
    positions: ReadonlySet<number>;
    stems: ReadonlySet<string>;
  }
  const descriptionOf = (words: readonly string[]): Description | undefined => {
    const positions = overviews.describing(words);
    return positions.size === 0
      ? undefined
      : { positions, stems: new Set([...positions].map((i) => stemRussian(words[i]!))) };
  };
  /** Every word of the question an entry matched describes someone (and it matched some). */
  const matchedOnlyDescription = (r: RankedEntry, description: Description) => {
    const own = ownWords(r);
    return own.length > 0 && own.every((stem) => description.stems.has(stem));
  };

  /**
   * With someone's birth year in the message («когда мама 1965 года рождения пойдет на пенсию»), an entry that matched
   * nothing of the question but the words describing someone (who and the birth year: «мама», «года», «рождения») is no
   * rival to one that matched those and more: Volgograd's payment to young mothers came within 0.8 of the retirement
   * age, and the person got «Я не уверен». Read only where a word looks like a year.
   */
  const withDescriptionNoRival = (
    ranked: RankedEntry[],
    words: readonly string[],
    by: readonly QueryTerm[],
    description: () => Description | undefined,
  ): RankedEntry[] => {
    // With the place's words in the ranking, the region's entries it raises are judged again without them
    // (placeOutweighs); this is for that ranking and for the region known.
    if (ranked.length < 2 || !words.some(looksLikeYear) || by.some((t) => t.context)) return ranked;
    const described = description();
    // The birth year's own words are among them (the words of who match no number).
    if (!described || ![...described.positions].some((i) => looksLikeYear(words[i]!))) return ranked;
    // Someone must have matched more, or the description is all the question says.
    if (ranked.every((r) => ownWords(r).every((stem) => described.stems.has(stem)))) return ranked;
    return ranked
      .map((r) => (matchedOnlyDescription(r, described) ? { ...r, score: r.score * NOT_A_RIVAL } : r))
      .sort((a, b) => b.score - a.score);
  };

  /**
   * The region's entry ranked first by the place and by words describing someone alone («мама», «1965 года
   * рождения»), while an all-Russia entry among the best matched those words and more of the question: the place says
   * where, and the description who, not what is asked.
   */
  const placeOutweighs = (
    ranked: readonly RankedEntry[],
    description: () => Description | undefined,
  ): boolean => {
    const [best, ...rest] = ranked;
    if (!best || best.entry.regions.includes('federal') || !best.matches.some((m) => m.context)) return false;
    const own = ownWords(best);
    const federal = rest.filter((r) => r.entry.regions.includes('federal'));
    if (own.length === 0 || federal.length === 0) return false;
    const described = description();
    if (!described || !matchedOnlyDescription(best, described)) return false;
    return federal.some((r) => {
      const theirs = new Set(ownWords(r));
      return theirs.size > own.length && own.every((stem) => theirs.has(stem));
    });
  };

  const explainAsTyped = (query: string, context: SearchContext): SearchExplanation => {
    const analysed = analyzer.analyseQuery(query, { currentYear: context.currentYear });
    const mention = regions.locate(analysed.words);
    const place: PlaceMention | undefined = regions.place(analysed.words);
    // Another region by its name (not "другой регион" inside a question): the person's region, not the question's.
    const elsewhere = !mention && place?.region === 'other' && !place.elsewhere ? place : undefined;
    const region = context.region ?? mention?.region ?? (elsewhere ? 'other' : undefined);
    const reading = intents.read(analysed.words);
    // The words beside a served place that go with it («город пермь», «в пермском крае») name the region too: «город»
    // left a search word matched the region's contacts, which list every town («мама 1940 года рождения город пермь»
    // got Perm's birth payment to students).
    const named = mention
      ? withRegionTerms(
          analysed.terms,
          analysed.words,
          place ? { ...mention, positions: placeAndBeside(place) } : mention,
          reading.intent === 'find_office',
        )
      : elsewhere
        ? withoutPlaceWords(analysed.terms, analysed, placeAndBeside(elsewhere))
        : analysed.terms;
    const hinted = hints.read(analysed.words, context.currentYear);
    const placed = mention || elsewhere ? withoutPlaceWords(named, analysed, place?.residence ?? []) : named;
    const contextStems = hinted.context.size > 0 ? contextStemsAt(analysed, hinted.context) : undefined;
    const terms = contextStems
      ? placed.map((t) => (contextStems.has(t.stem) && !t.context ? { ...t, context: true } : t))
      : placed;
    // Another region lived in says where, not what: «мама 1940 года рождения саратов» is a description alone (a served
    // region's words weigh on its entries, and such a description is judged without them, see withoutPlace).
    const overviewsAsked = overviews.asked(
      analysed.words,
      elsewhere ? whereLived(elsewhere, analysed.words) : undefined,
    );
    // Read once for the question, and only where a ranking asks (a birth year, a served place ranked first).
    let description: Description | undefined | null = null;
    const describedHere = () => {
      if (description === null) description = descriptionOf(analysed.words);
      return description;
    };
    const entryBoostsOf = (asked: OverviewsAsked) =>
      hinted.entries.size === 0 ? asked.boosts : withBoosts(asked.boosts, hinted.entries);
    const rankOptions: RankOptions = {
      region,
      topicBoosts: hinted.topics,
      entryBoosts: entryBoostsOf(overviewsAsked),
    };
    const rankBy = (by: readonly QueryTerm[], asked: OverviewsAsked) =>
      dated.preferYearAsked(
        withDescriptionNoRival(
          withGroupWords(
            withContextMatched(
              index.rank(
                contextStems ? by.filter((t) => !contextStems.has(t.stem)) : by,
                asked === overviewsAsked
                  ? rankOptions
                  : { ...rankOptions, entryBoosts: entryBoostsOf(asked) },
              ),
              by,
              contextStems ?? NO_STEMS,
              hinted.entries,
            ),
            asked,
            by,
            analysed.words,
          ),
          analysed.words,
          by,
          describedHere,
        ),
        analysed.words,
      );
    const massOfAll = (by: readonly QueryTerm[]) => by.reduce((sum, t) => sum + massOf(t), 0);
    const { redirect } = reading;
    // Where an office is, with the region named ("адрес мфц в камышине") or known from the conversation: a question
    // like any other, which that region's contacts answer.
    // Elsewhere in Russia there are no contacts in the knowledge base: the question stays where an office is.
    const crisisInEnglish = reading.intent === undefined && saysCrisisInEnglish(query);
    // «operator» alone is read as «оператор» too (the human intent): still English, for the reply's English line.
    const personInEnglish =
      !crisisInEnglish &&
      (reading.intent === undefined || reading.intent === 'off_topic' || reading.intent === 'human') &&
      asksForPersonInEnglish(query);
    const intent = crisisInEnglish
      ? 'crisis'
      : personInEnglish
        ? 'human'
        : reading.intent === 'find_office' && region && region !== 'other'
          ? undefined
          : reading.intent;
    const inEnglish = crisisInEnglish || personInEnglish ? { inEnglish: true as const } : {};
    // A misspelt welfare word ("скока платят пинсионерам") is still one: it was refused as off-topic, though the
    // search had read the word right. The intents themselves stay with the words as typed.
    const mentionsWelfare =
      reading.mentionsWelfare ||
      (analysed.corrections.length > 0 && intents.read(analysed.corrected).mentionsWelfare);
    // One welfare word alone ("пенсия", "льготы", also "как оформить пособие"): too broad to answer, but the person
    // should get choices, not "I'm not sure".
    const content = contentWords(analysed.words);
    // A benefit named and nothing else ("единка", "что такое ЕП", "маткапитал"): a welfare question however few
    // entries' words it brings (its stems are in many entries, so its evidence is low), to choose from like one
    // welfare word. "Единка" and "ЕП" alone were refused as off-topic, "единое пособие" was a hand-off.
    // The region named beside it says where, not what («ЖКУ субсидия пермь» names the subsidy alone).
    const regionAt = new Set(mention?.positions ?? []);
    const unplaced = regionAt.size > 0 ? analysed.words.filter((_, i) => !regionAt.has(i)) : analysed.words;
    const subject = subjectNaming(unplaced);
    const subjectAlone = subject !== undefined;
    // The name with words that ask no part of it and bring no hint of their own («что такое субсидия на жку»): it
    // ranks as the name alone.
    const sameKeys = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>) =>
      a.size === b.size && [...a.keys()].every((k) => b.has(k));
    const nameHints = subject === 'with-filler' ? hints.read(contentWords(unplaced)) : undefined;
    const subjectAsked =
      nameHints !== undefined &&
      sameKeys(hinted.topics, nameHints.topics) &&
      sameKeys(hinted.entries, nameHints.entries) &&
      sections.detect(unplaced, { inQuestion: true }) === undefined;
    const broad = (mentionsWelfare && content.length === 1) || subjectAlone;
    const forOthers =
      audiences.size > 0
        ? writtenForOthers(analysed.words, analysed.corrections.length > 0 ? analysed.corrected : undefined)
        : undefined;
    const judgeBy = (by: readonly QueryTerm[], asked = overviewsAsked) => {
      const rankedBy = rankBy(by, asked);
      const massBy = massOfAll(by);
      return { ranked: rankedBy, queryMass: massBy, judged: judgeRanked(rankedBy, massBy, asked) };
    };
    // An entry a hint raises for whoever its context words name (a child's age: «ребенку 1 год какие выплаты
    // положены», the childcare benefit) answers them as an overview answers its group: those words weigh half, and
    // the least evidence asked of a plain ranking left such a question «Я не уверен» (2.39 of 2.47) though the entry
    // led it by far.
    const raisedForContext = (entry: RankedEntry) =>
      contextStems !== undefined &&
      (hinted.entries.get(entry.entry.id) ?? 1) > 1 &&
      entry.matches.some((m) => m.context === true && contextStems.has(m.stem));
    const judgeRanked = (ranked: RankedEntry[], queryMass: number, asked: OverviewsAsked) =>
      judge(
        {
          ranked,
          queryMass,
          mentionsWelfare: mentionsWelfare || subjectAlone,
          regionKnown: region !== undefined && region !== 'other',
          overviewAsked: (entry) => asked.boosts.has(entry.entry.id) || raisedForContext(entry),
          broad,
          subjectAlone,
          subjectOnly: subject === 'only',
          subjectAsked,
          ...(subjectAlone && entriesNamedBy.has(subjectKey(unplaced))
            ? {
                subjectEntry: (r: RankedEntry) =>
                  entriesNamedBy.get(subjectKey(unplaced))?.has(r.entry.id) === true,
              }
            : {}),
          ...(forOthers ? { forOthers } : {}),
        },
        judging,
      );
    const withPlace = judgeBy(terms);
    // A measure named with a served region («сколько единое пособие в перми»): the region says where, the measure
    // what. The region's words weigh on every one of its entries (each lists its towns), and its contacts and
    // subsistence minimum outranked the amount of the unified benefit asked about. What the question answers
    // without the place's words, in the region's ranking (its own entries still weigh ×1.3), is the answer
    // (citizen audit 7, M4 and M12).
    // Not when the region's own entry of that measure is among what the place's words found, written for the asker:
    // the region's own measure («прикамье многодетные льготы»: Perm's large families, not the federal overview;
    // «родила пока муж на сво, выплата от края пермь»: Perm's birth payment to soldiers' wives is one of the choices).
    // The place's words only: the people a hint reads as context («почему у соседки пенсия больше чем у меня пермь»)
    // stay, as in the reading without a place (dropped with the place, the neighbour's pension was Perm's minimum).
    const placeless = terms.filter((_, i) => !placed[i]!.context);
    const measures = mention ? analyzer.synonyms.subjects(unplaced) : [];
    // Nor when the question asks for the region's own measure («краевой материнский капитал в пермском крае»,
    // «льготы пенсионерам от края»): the federal measure without the place's words was answered in its stead.
    // So is a description with the region lived in («мама 1940 года рождения пермь»): a description alone, the
    // overview of the group described, not the region's entries that the place's words weigh on (Perm's birth payment
    // to students was the answer). Read again only for a message with a served region and no measure.
    const describedThere =
      mention && place && measures.length === 0 && !overviewsAsked.describedOnly
        ? overviews.asked(analysed.words, whereLived(place, analysed.words))
        : undefined;
    // Nor a question whose region's entry ranked first on the place and the words describing someone alone, where an
    // all-Russia entry matched those and more («когда мама 1965 года рождения пойдет на пенсию пермь» got Perm's birth
    // payment to students, on «мама», «рождения» and the place, above the retirement age): the place says where, not
    // what. Told by the ranking at hand; the question is read again only then.
    const outweighed =
      mention !== undefined &&
      measures.length === 0 &&
      !describedThere?.describedOnly &&
      overviewsAsked.boosts.size === 0 &&
      placeOutweighs(withPlace.ranked, describedHere);
    // Nor a question a topic hint reads as asking for one entry (`boost_entries` above 1: «сижу с малышом какие
    // выплаты волгоград» is the childcare benefit, as without the place): the hint says what, the place where
    // (Volgograd's young mothers' payment and its subsistence minimum led the choices on the place's words).
    const hintAsksEntry = mention !== undefined && [...hinted.entries.values()].some((factor) => factor > 1);
    const withoutPlace =
      (measures.length > 0 ||
        describedThere?.describedOnly ||
        (mention && overviewsAsked.boosts.size > 0) ||
        hintAsksEntry ||
        outweighed) &&
      placeless.length > 0 &&
      placeless.length < terms.length &&
      !regions.asksRegionalMeasure(analysed.words)
        ? judgeBy(placeless, describedThere?.describedOnly ? describedThere : overviewsAsked)
        : undefined;
    // Looked for only when the question without the place is answered (it was read for every question).
    const regionOwn = () =>
      withPlace.judged.hits.some((h) => {
        const found = withPlace.ranked.find((r) => r.entry.id === h.entryId);
        return (
          found !== undefined &&
          !found.entry.regions.includes('federal') &&
          !forOthers?.(found) &&
          namesMeasure(h.entryId, measures)
        );
      });
    // Where the place and a description alone put the region's entry first, its choices count too (the retirement age
    // among them is answered with the person's line, see the dialog's retirement-age.ts, as without the place); and
    // where they made it the answer, whatever the question without the place gets is better than that answer
    // («…пенсию волгоград» got the young mothers' payment; «Я не уверен» now).
    // Where a hint asked for an entry and both readings give choices, those without the place lead with what was
    // asked («сижу с внуком какие выплаты волгоград» got Volgograd's subsistence minimum, parental capital and
    // contacts); an answer on the place's words stays («сижу с третьим ребенком какие выплаты волгоград» is its
    // parental capital for a third child).
    const placelessTaken =
      withoutPlace?.judged.band === 'answer' ||
      (outweighed &&
        withoutPlace !== undefined &&
        (withoutPlace.judged.band === 'clarify' || withPlace.judged.band === 'answer')) ||
      (hintAsksEntry && withoutPlace?.judged.band === 'clarify' && withPlace.judged.band === 'clarify');
    const { ranked, queryMass, judged } =
      withoutPlace && placelessTaken && !regionOwn() ? withoutPlace : withPlace;
    const details = {
      query: analysed,
      region,
      ranked: ranked.slice(0, 5),
      evidence: judged.evidence,
      coverage: judged.coverage,
      runnerUpRatio: judged.runnerUpRatio,
      queryMass,
    };
    let outcome: SearchOutcome;
    switch (intent) {
      case 'crisis':
        outcome = {
          band: 'handoff',
          intent,
          hits: topicHit(CRISIS_TOPIC, ranked),
          confidence: 1,
          ...inEnglish,
        };
        break;
      case 'human':
        outcome = {
          band: 'handoff',
          intent,
          hits: topicHit(CONSULTANT_TOPIC, ranked),
          confidence: 1,
          ...inEnglish,
        };
        break;
      case 'personal_case':
        outcome = { band: 'handoff', intent, hits: [], confidence: 1 };
        break;
      case 'displaced':
        outcome = { band: 'handoff', intent, hits: displacedOffers, confidence: 1 };
        break;
      case 'off_topic':
      case 'unhelpful':
      case 'not_understood':
      case 'greeting':
      case 'thanks':
      case 'agree':
      case 'disagree':
      case 'about':
      case 'usage':
      case 'hours':
      case 'find_office':
        // "Hello, can you help me?" is a greeting in English, «i dont speak russian» off topic: the reply should say
        // that questions are read in Russian.
        outcome = {
          band: 'out_of_scope',
          intent: looksEnglish(query) ? 'foreign' : intent,
          hits: [],
          confidence: 1,
          ...(intent === 'off_topic' && redirect ? { redirect } : {}),
        };
        break;
      default:
        if (reading.offers) {
          // Off topic in part (a power cut for debts is the supplier's to restore): what social protection can do
          // beside it, as choices after where the rest goes, rather than a ranking of the words of the cut-off.
          outcome = {
            band: 'clarify',
            hits: entryHits(kb, reading.offers),
            confidence: 1,
            ...(redirect ? { redirect } : {}),
            offered: true,
          };
        } else if (judged.band !== 'answer' && looksEnglish(query)) {
          // Transliterated Russian that the search read is answered above; English it cannot read. Choices too are
          // no reading of English: "…I live in Perm" got three Perm entries, none about the child benefits asked.
          // «Help» alone too: it was the Russian «Я постараюсь помочь».
          outcome = { band: 'out_of_scope', intent: 'foreign', hits: [], confidence: 1 };
        } else if (isPlea(terms, analysed.words, judged.band, mentionsWelfare)) {
          outcome = { band: 'out_of_scope', intent: 'vague', hits: [], confidence: 1 };
        } else {
          outcome = {
            band: judged.band,
            hits:
              judged.band === 'clarify' && mention
                ? withFederalChoice(judged.hits, terms, analysed.words, rankOptions)
                : judged.band === 'answer'
                  ? withRaisedBeside(judged.hits, hinted.entries, kb)
                  : judged.hits,
            confidence: round(judged.confidence),
            ...(redirect ? { redirect } : {}),
          };
        }
    }
    return { outcome, ...details };
  };

  /**
   * A typo that can only be one word («пенсия по старасти») is read as that word: where the question with it spelt
   * right gets an answer or choices and the misspelt one less, that is the reply. A corrected word weighs less (a
   * guess), which left such a question «Я не уверен» where the same words typed right had its choices.
   */
  const explain = (query: string, context: SearchContext = {}): SearchExplanation => {
    const typed = explainAsTyped(query, context);
    const { corrections, corrected } = typed.query;
    if (corrections.length === 0 || typed.outcome.intent !== undefined || typed.outcome.band === 'answer')
      return typed;
    if (!corrections.every(([word]) => analyzer.lexicon.correctsSurely(word))) return typed;
    const meant = explainAsTyped(corrected.join(' '), context);
    const firmer =
      meant.outcome.intent === undefined &&
      (meant.outcome.band === 'answer' ||
        (meant.outcome.band === 'clarify' && typed.outcome.band !== 'clarify'));
    return firmer ? meant : typed;
  };

  return {
    config,
    analyzer,
    explain,
    search: (query, context) => explain(query, context).outcome,
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Entries offered by id (an intent's or a rule's offers) as hits, those of them the knowledge base has. */
function entryHits(kb: KnowledgeBase, ids: readonly string[]): SearchHit[] {
  return ids.flatMap((id) => {
    const entry = kb.entry(id);
    return entry ? [{ entryId: entry.id, topic: entry.topic, score: 0 }] : [];
  });
}

/**
 * An answer of one entry with the other entry a topic hint raised for the question beside it, where it has none of
 * its own topic: the dialog offers a second hit as a button. «сижу с ребенком 2 года какие выплаты» is the unified
 * benefit, and the capital's monthly payment up to 3, which the hint raised too (another topic), was not offered:
 * the button offers only entries of the answer's own topic.
 */
function withRaisedBeside(
  hits: SearchHit[],
  raised: ReadonlyMap<string, number>,
  kb: KnowledgeBase,
): SearchHit[] {
  const [answer] = hits;
  if (hits.length !== 1 || !answer || raised.size < 2) return hits;
  const beside = [...raised]
    .filter(([id, factor]) => factor > 1 && id !== answer.entryId)
    .sort((a, b) => b[1] - a[1])[0];
  const entry = beside ? kb.entry(beside[0]) : undefined;
  return entry ? [answer, { entryId: entry.id, topic: entry.topic, score: 0 }] : hits;
}

/** Two maps of score multipliers as one: the factors of a key in both multiply. */
function withBoosts(
  a: ReadonlyMap<string, number>,
  b: ReadonlyMap<string, number>,
): ReadonlyMap<string, number> {
  const all = new Map(a);
  for (const [key, factor] of b) all.set(key, (all.get(key) ?? 1) * factor);
  return all;
}
