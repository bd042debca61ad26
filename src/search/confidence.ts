/**
 * Decides what to do with a ranking: answer, ask which entry is meant, hand off, or say it is out of scope.
 * A confident wrong answer is the worst outcome for a citizen, so an answer needs two things at once:
 * - evidence: the best entry matches the informative words of the question (weighted by how rare each word is
 *   in the knowledge base, and by where it matched: example questions and keywords count fully, bodies half);
 * - separation: no entry of another topic scores nearly as well.
 * With evidence but no separation the top distinct entries are offered (preferring distinct topics); with
 * little evidence the message goes to a person if it is about social welfare at all, and is out of scope if not.
 *
 * In numbers: coverage = evidence / min(size of the question, EVIDENCE_SATURATION), capped at 1, where evidence
 * is Σ idf × match strength over the matched words and the size is the same sum over all the words of the
 * question; separation = 1 − (score of the best entry of another topic / best score);
 * confidence = coverage × (0.5 + 0.5 × separation). Because coverage saturates, an answer also needs the evidence to
 * be a fair share of the whole question's weight (bands.minEvidenceShare) unless no other topic comes near: a long
 * letter matching only in its incidental words is not answered. The thresholds live in SearchConfig.bands.
 */
import type { RankedEntry } from './knowledge-index.js';
import type { SearchConfig } from './search-config.js';
import type { SearchBand, SearchHit } from './search-types.js';
import { CONTEXT_EVIDENCE } from './text-analyzer.js';

export interface ConfidenceInput {
  ranked: readonly RankedEntry[];
  /** idf × weight of every content word of the query (region names and unknown words count less, see search). */
  queryMass: number;
  /** The message mentions social welfare (see intents.yaml `welfare`). */
  mentionsWelfare: boolean;
  /** The citizen's region is known (from the conversation or the message). */
  regionKnown: boolean;
  /**
   * The entry sums up the rights of a group the message names, and the message asks what that group is entitled
   * to (see entry-overviews.ts). Such a question needs no rarer words: «пенсионерам что положено в 2026» and «я
   * пенсионер какие выплаты есть» are whole questions of common words, and were handed to a person for want of
   * evidence with the overview ranked first and nothing near it.
   */
  overviewAsked?: (entry: RankedEntry) => boolean;
  /**
   * The message is one welfare word ("пенсия", "пособие"): where it would go to a person for lack of evidence or
   * separation, the top entries of different topics are offered instead (with "none of these: a consultant").
   */
  broad?: boolean;
  /**
   * The message names one benefit and nothing else ("единка", "маткапитал"): the choices are that benefit's best
   * entries in order of score (its amount, who gets it, how to apply), not the best of each topic, which brought
   * in other benefits that merely mention it.
   */
  subjectAlone?: boolean;
  /** The message is that benefit's name and nothing else: no word says what about it is asked. */
  subjectOnly?: boolean;
  /**
   * The benefit's name with words that ask what it is and nothing more («что такое субсидия на жку», «субсидия на
   * коммуналку что это»): no part of it asked for, no topic hint. For the entry named by it, as the name alone.
   */
  subjectAsked?: boolean;
  /**
   * Of a benefit named alone, the entry that has the name as an example question («единое пособие», «субсидия на
   * ЖКУ»): the curators' word on which of its entries answers the bare name. It is answered, its topic's next entry
   * a button away, instead of the choices.
   */
  subjectEntry?: (entry: RankedEntry) => boolean;
  /**
   * The entry is written for one group of people and the message does not name it (the entry's `requires`): it is
   * never the answer on its own, and it comes after the other choices.
   */
  forOthers?: (entry: RankedEntry) => boolean;
}

/**
 * A regional entry is only the right answer for its own region: while the region is unknown, the runner-up must
 * trail further behind (this share of the usual limit) before a regional entry is answered outright.
 */
export const UNKNOWN_REGION_STRICTNESS = 0.75;

/** A benefit named alone: entries of it within this share of the best score are as good an answer as the best. */
export const SUBJECT_TIE_RATIO = 0.9;

export interface Judgement {
  band: SearchBand;
  hits: SearchHit[];
  confidence: number;
  /** The parts of the confidence, for evaluation reports and debugging. */
  evidence: number;
  coverage: number;
  runnerUpRatio: number;
}

/**
 * Beyond this much matched evidence a long message counts as fully covered: elderly people write whole letters
 * around a question, and the extra words must not drown a clear match.
 */
export const EVIDENCE_SATURATION = 7;

/** Matched evidence of one ranked entry: Σ idf × strength over the query words it matched (region names count less). */
export function evidenceOf(entry: RankedEntry): number {
  return entry.matches.reduce((sum, m) => sum + m.idf * m.strength * (m.context ? CONTEXT_EVIDENCE : 1), 0);
}

const toHit = (r: RankedEntry): SearchHit => ({ entryId: r.entry.id, topic: r.entry.topic, score: r.score });

/**
 * An entry of the best entry's own topic scoring at least this share of it is offered second, before the best of
 * the other topics: "нас 5 человек трое детей, что нам как многодетным полагается" ranked the large-family status
 * and the large families' benefits within 4% of each other, and the benefits (what was asked) gave way to the
 * unified benefit and the mortgage payment. Over 1,400 probe questions: 12 choices came to hold the entry asked
 * about and 2 lost it (0.9: 6 and 0; 0.95: 3 and 0). Three choices or more only.
 */
export const TWIN_RATIO = 0.8;

/** Up to `max` distinct entries for a clarification: the best, its close twin, the best of each other topic, then others. */
export function clarificationHits(
  ranked: readonly RankedEntry[],
  max: number,
  minScore: number,
): SearchHit[] {
  const eligible = ranked.filter((r) => r.score >= minScore);
  const picked: RankedEntry[] = [];
  const topics = new Set<string>();
  // The best entry's close twin of its own topic goes second, before the other topics.
  const head = eligible[0];
  const twin =
    head && max >= 3
      ? eligible.find(
          (r) => r !== head && r.entry.topic === head.entry.topic && r.score >= head.score * TWIN_RATIO,
        )
      : undefined;
  if (head && twin) {
    picked.push(head, twin);
    topics.add(head.entry.topic);
  }
  for (const r of eligible) {
    if (picked.length >= max) break;
    if (topics.has(r.entry.topic)) continue;
    topics.add(r.entry.topic);
    picked.push(r);
  }
  for (const r of eligible) {
    if (picked.length >= max) break;
    if (!picked.includes(r)) picked.push(r);
  }
  return picked.map(toHit);
}

/** The band, hits and confidence for a ranking (see the module comment). */
export function judge(input: ConfidenceInput, config: SearchConfig): Judgement {
  const judged = judgeRanking(input, config);
  if (!input.subjectAlone || !input.subjectEntry) return judged;
  // A benefit named alone: the entry the curators gave its name to answers, if it ranks with the best of them
  // («единое пособие»: the amount, the overview and the income rules within 2%, offered as choices), unless another
  // entry is the answer.
  const { ranked } = input;
  const named = ranked.find(input.subjectEntry);
  const best = ranked[0];
  if (!named || !best || named.score < best.score * SUBJECT_TIE_RATIO) return judged;
  // A word with the name may say what is asked («единое пособие сколько»: the amount answers it).
  // «что такое субсидия на жку» ranks as the name alone (its other words are stop words), so its best entry is as
  // much a toss-up: the renewal was answered, though the question is the eligibility entry's own.
  const nameAlone = input.subjectOnly || input.subjectAsked;
  if (judged.band === 'answer' && (!nameAlone || judged.hits[0]?.topic !== named.entry.topic)) return judged;
  const forOthers = input.forOthers ?? (() => false);
  const sibling = ranked.find(
    (r) =>
      r !== named &&
      r.entry.topic === named.entry.topic &&
      !forOthers(r) &&
      r.score >= named.score * config.bands.closeAlternativeRatio,
  );
  return { ...judged, band: 'answer', hits: sibling ? [toHit(named), toHit(sibling)] : [toHit(named)] };
}

function judgeRanking(input: ConfidenceInput, config: SearchConfig): Judgement {
  const { ranked } = input;
  const best = ranked[0];
  const thresholds = config.bands;
  const nothing = (band: SearchBand): Judgement => ({
    band,
    hits: [],
    confidence: 0,
    evidence: 0,
    coverage: 0,
    runnerUpRatio: 0,
  });
  if (!best) return nothing(input.mentionsWelfare ? 'handoff' : 'out_of_scope');

  const evidence = evidenceOf(best);
  const coverage = Math.min(1, evidence / Math.max(1e-9, Math.min(input.queryMass, EVIDENCE_SATURATION)));
  const forOthers = input.forOthers ?? (() => false);
  // An entry written for a group the question does not name is never the answer on its own, so it is no rival to the
  // best either: «какие документы на единое пособие» was a choice because the pregnant women's unified benefit
  // (another topic) scored within 6% of the children's (citizen audit 7, M4). Ranked first, it still makes choices.
  const runnerUp = ranked.find(
    (r) => r.entry.topic !== best.entry.topic && (r === ranked[0] || !forOthers(r)),
  );
  const runnerUpRatio = runnerUp ? runnerUp.score / best.score : 0;
  const separation = 1 - runnerUpRatio;
  const confidence = coverage * (0.5 + 0.5 * separation);
  const base = { evidence, coverage, runnerUpRatio, confidence };

  /** The ranking with entries written for others last, for choices and hand-offs (an answer does not need it). */
  const offered = (): readonly RankedEntry[] =>
    input.forOthers ? [...ranked.filter((r) => !forOthers(r)), ...ranked.filter(forOthers)] : ranked;
  const choices = (minScore: number): SearchHit[] =>
    input.subjectAlone
      ? offered()
          .filter((r) => r.score >= Math.max(minScore, best.score * thresholds.clarifyMinRatio))
          .slice(0, config.clarifyHits)
          .map(toHit)
      : clarificationHits(offered(), config.clarifyHits, minScore);
  const broadChoices = (): Judgement | undefined => {
    if (!input.broad) return undefined;
    const hits = choices(0);
    return hits.length > 1 ? { ...base, band: 'clarify', hits } : undefined;
  };
  const separated =
    coverage >= 1 &&
    runnerUpRatio <= thresholds.separatedRunnerUpRatio &&
    evidence >= thresholds.minEvidenceSeparated;
  if (evidence < thresholds.minEvidence && !separated && !input.overviewAsked?.(best)) {
    // A word or two in common with some entry is no sign of a welfare question; welfare words are.
    if (!input.mentionsWelfare) return { ...base, band: 'out_of_scope', hits: [] };
    return broadChoices() ?? { ...base, band: 'handoff', hits: [toHit(offered()[0]!)] };
  }
  // A benefit's bare name whose entries score alike ("субсидия на ЖКУ": who gets it, how to apply, renewal, within
  // 2% of each other) has no best entry: the first of them was answered. Its entries are offered instead. With a
  // word of asking ("пособие по безработице сколько") the ranking already weighs what is asked.
  const next = ranked[1];
  if (input.subjectOnly && next && next.score >= best.score * SUBJECT_TIE_RATIO) {
    const hits = choices(0);
    if (hits.length > 1) return { ...base, band: 'clarify', hits };
  }
  // A long letter that the best entry matches only in its asides (age, town, pension) is no answer, however much
  // evidence those add up to, unless no other topic comes near.
  const thin =
    evidence < thresholds.minEvidenceShare * input.queryMass &&
    runnerUpRatio > thresholds.separatedRunnerUpRatio;
  const regionalGuess = !input.regionKnown && !best.entry.regions.includes('federal');
  const maxRatio = thresholds.maxRunnerUpRatio * (regionalGuess ? UNKNOWN_REGION_STRICTNESS : 1);
  if (confidence >= thresholds.answer && runnerUpRatio <= maxRatio && !forOthers(best) && !thin) {
    const sibling = ranked.find((r) => r !== best && r.entry.topic === best.entry.topic && !forOthers(r));
    const close = sibling && sibling.score >= best.score * thresholds.closeAlternativeRatio;
    return { ...base, band: 'answer', hits: close ? [toHit(best), toHit(sibling)] : [toHit(best)] };
  }
  if (confidence >= thresholds.clarify) {
    const hits = choices(best.score * thresholds.clarifyMinRatio);
    if (hits.length > 1) return { ...base, band: 'clarify', hits };
  }
  // Real evidence, but neither clear nor close enough to choose from: a person should look at it.
  // The entry offered with a hand-off ("perhaps you mean this") is the best one written for the person asking.
  return broadChoices() ?? { ...base, band: 'handoff', hits: [toHit(offered()[0]!)] };
}
