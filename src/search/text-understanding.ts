/**
 * The engine's helpers for follow-ups and regions, with the same normalisation as search (wrong keyboard layout
 * and transliteration included): `sectionRequest("а какие документы?")` → 'documents', `region("в Камышине")` →
 * 'volgograd'.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { corpusWords } from './corpus-words.js';
import { createRegionDetector } from './region-detector.js';
import { stemRussian } from './russian-stemmer.js';
import { loadSearchResources, type SearchResources } from './search-data.js';
import type { TextUnderstanding } from './search-types.js';
import { createSectionRequestDetector } from './section-request.js';
import { CONCEPT_MARK, createSynonyms, type Synonyms } from './synonyms.js';
import { createTextAnalyzer, type TextAnalyzer } from './text-analyzer.js';

export interface TextUnderstandingOptions {
  /** Where `search/*.yaml` lives (default: the project's `data/`). Ignored when `resources` is given. */
  dataDir?: string;
  resources?: SearchResources;
  /**
   * The knowledge base, when available: its words help read Latin text, and its distinctive words (those naming
   * few entries) mark a follow-up as a new question ("а документы на загранпаспорт?" is not about the answer shown).
   */
  kb?: KnowledgeBase;
  /**
   * The search's analyser, when there is one (`createKnowledgeSearch(...).analyzer`): the follow-ups and regions
   * are then read exactly as the search reads the same message (Latin recovery and spelling correction against
   * the same lexicon), and no second lexicon is built from the knowledge base.
   */
  analyzer?: TextAnalyzer;
}

/** A title or keyword word shared by more entries than this share is generic, not a subject. */
const SUBJECT_MAX_SHARE = 0.1;

/** Word frequencies of the entries' titles, questions, keywords and short answers (for a lexicon of its own). */
function corpusCounts(entries: KnowledgeBase['entries']): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of entries) {
    for (const text of [e.title, ...e.questions, ...e.keywords, e.short]) {
      for (const w of corpusWords(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  return counts;
}

/** Words of a message that may name its place again (see place). */
const MAX_REPEATED_PLACE_WORDS = 3;

/** Words of a place's own name no list has («даниловке», «нижние ляды») beside its region, or alone. */
const MAX_UNLISTED_NAME_WORDS = 2;

/** «я из …», «мы с …», «переехала в …»: the citizen's own place (see PlaceNamed.own), over understood words. */
const OWN_PLACE = /(^| )(я|мы|сама|сам) (из|со?)( |$)|(^| )переех\S*( |$)/;

export function createTextUnderstanding(options: TextUnderstandingOptions = {}): TextUnderstanding {
  const resources = options.resources ?? loadSearchResources(options.dataDir);
  const entries = options.kb?.entries ?? [];
  const analyzer = options.analyzer ?? createTextAnalyzer(resources, corpusCounts(entries));

  let subjectStems: Set<string> | undefined;
  /** Every stem of the entries' titles and keywords, generic ones ("выплаты", "пособие") included. */
  let titleStems = new Set<string>();
  if (entries.length > 0) {
    const share = analyzer.subjectTermShares(entries);
    const limit = Math.max(2, entries.length * SUBJECT_MAX_SHARE);
    subjectStems = new Set(
      [...share].filter(([stem, n]) => n <= limit && /^[а-я]{4,}$/.test(stem)).map(([s]) => s),
    );
    // Stems of three letters or fewer are as often another word's ("стою" → "сто").
    titleStems = new Set([...share.keys()].filter((stem) => /^[а-я]{4,}$/.test(stem)));
  }

  const sections = createSectionRequestDetector(resources.sections, {
    synonyms: analyzer.synonyms,
    isStopWord: analyzer.isStopWord,
    subjectStems,
  });
  const regions = createRegionDetector(resources.regions);
  const followUps = createSynonyms(resources.followUpSynonyms);
  /** A word no entry has and none is a typo of: a place's own name («даниловке», «оси»), not a question's. */
  const unknownName = (w: string) =>
    /^[а-я-]{3,}$/.test(w) && !analyzer.lexicon.knows(w) && analyzer.lexicon.correct(w) === undefined;
  return {
    sectionRequest: (text, options) => sections.detect(analyzer.correctedWords(text), options),
    region: (text) => regions.detect(analyzer.understoodWords(text)),
    place(text) {
      const words = analyzer.understoodWords(text);
      const mention = regions.place(words);
      if (!mention) return undefined;
      const covered = (w: string, i: number) =>
        mention.positions.has(i) ||
        mention.residence.has(i) ||
        mention.placeWords.has(i) ||
        analyzer.isStopWord(w);
      const uncovered = words.filter((w, i) => !covered(w, i));
      // A pattern is matched once in a message: a place word or the place said again («саратовская область, город
      // саратов», «г. Энгельс Саратовской обл») counts at its first occurrence only, and such answers to «Где вы
      // живёте?» were no place at all. The few words left are looked at alone.
      const ownSaid = mention.residence.size > 0 || OWN_PLACE.test(words.join(' '));
      // «я живу в даниловке волгоградской области»: a village no list has, with its region, is that region (it was
      // out of scope, the region kept unsaid).
      const only =
        uncovered.length === 0 ||
        (uncovered.length <= MAX_REPEATED_PLACE_WORDS &&
          uncovered.every((w) => regions.repeatsPlace(w, mention))) ||
        (ownSaid &&
          !mention.elsewhere &&
          uncovered.length <= MAX_UNLISTED_NAME_WORDS &&
          uncovered.every((w) => regions.repeatsPlace(w, mention) || unknownName(w)));
      // "Другой регион" is a place only as the whole message (the answer to "which region?").
      if (mention.elsewhere && !only) return undefined;
      const own = only || ownSaid;
      return {
        region: mention.region,
        ...(mention.other ? { otherRegion: mention.other.id } : {}),
        only,
        own,
      };
    },
    unlistedPlace(text) {
      const words = analyzer.understoodWords(text);
      if (words.length === 0 || regions.place(words)) return false;
      const { residence, placeWords } = regions.surroundings(words);
      if (residence.size === 0 && !OWN_PLACE.test(words.join(' '))) return false;
      const rest = words.filter((w, i) => !residence.has(i) && !placeWords.has(i) && !analyzer.isStopWord(w));
      return rest.length > 0 && rest.length <= MAX_UNLISTED_NAME_WORDS && rest.every(unknownName);
    },
    otherRegionName: (id) => regions.otherRegionName(id),
    namesSubject(text) {
      const words = analyzer.correctedWords(text).filter((w) => !analyzer.isStopWord(w));
      return (
        words.some((w) => titleStems.has(stemRussian(w))) || analyzer.synonyms.subjects(words).length > 0
      );
    },
    statedTerms: (text, options) => statedTerms(analyzer, followUps, text, options?.curated === true),
    subjectWords: (text) => sections.otherWords(analyzer.correctedWords(text)),
  };
}

/** The word that negates the next one: not a stop word, and not a term of its own. */
const NEGATION = 'не';

/**
 * See `TextUnderstanding.statedTerms`. A synonym phrase, of the follow-up groups first, is one term of its canonical
 * words ("сижу с младшим" and "ухаживают за детьми" agree as a whole). Curated text is spelled right: its rarer words
 * are not "corrected".
 */
function statedTerms(analyzer: TextAnalyzer, followUps: Synonyms, text: string, curated: boolean): string[] {
  // «7,6%» is said «7,6 процента»: «а сколько процентов» after the 2026 indexation is its line «выросли на 7,6%».
  const spoken = text.replace(/%/g, ' процент');
  const words = curated ? analyzer.understoodWords(spoken) : analyzer.correctedWords(spoken);
  const terms = new Set<string>();
  let negated = false;
  for (let i = 0; i < words.length; ) {
    const phrase = followUps.phraseAt(words, i) ?? analyzer.synonyms.phraseAt(words, i);
    const read = (phrase ? phrase.replacement : [words[i]!]).filter(
      (w) => !w.startsWith(CONCEPT_MARK) && !analyzer.isStopWord(w),
    );
    i += phrase ? phrase.length : 1;
    if (read.length === 0) continue;
    if (read.length === 1 && read[0] === NEGATION) {
      negated = true;
      continue;
    }
    const term = read.map(stemRussian).join(' ');
    terms.add(negated ? `${NEGATION} ${term}` : term);
    negated = false;
  }
  return [...terms];
}
