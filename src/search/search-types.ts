/**
 * The contract between the dialog engine and search. The engine never looks inside the index: it asks one
 * question and gets back a band (what to do) with the hits that justify it.
 */
import type { SectionKey } from '../knowledge/entry.js';
import type { SectionRequestOptions } from './section-request.js';

/**
 * What the engine should do with a free-text message:
 * - `answer`: one entry is clearly right;
 * - `clarify`: two or three entries are plausible, ask which (hits holds up to 3 distinct entries);
 * - `handoff`: it is about social welfare, but we are not sure enough: offer a consultant;
 * - `out_of_scope`: not something this assistant answers.
 */
export type SearchBand = 'answer' | 'clarify' | 'handoff' | 'out_of_scope';

/**
 * Intents that override ranking:
 * - `human`: the person asks for a human (оператор, живой человек, консультант);
 * - `crisis`: danger to life, violence, suicidal thoughts, homelessness;
 * - `personal_case`: asks us to look into their own case file / account / application, or sends personal data for
 *   processing, or demands action against a named employee: needs a human, we cannot answer;
 * - `off_topic`: outside social welfare (weather, loans, schooling, medicine, other state services, jokes);
 * - `unhelpful`: a short "that did not help" about the last answer ("не помогло", "это не то"): the 👎 in words;
 * - `not_understood`: a short "I did not understand" ("не понял", "объясните проще"): the answer may be right, its
 *   wording was not for this reader;
 * - `greeting`, `thanks`: a short hello or thank-you with no question in it (answered politely, not searched);
 * - `agree`, `disagree`: a bare "да", "хорошо", "понятно" or "нет": after an answer, the reply to its "Помог ли ответ?".
 */
export type SpecialIntent =
  | 'human'
  | 'crisis'
  | 'personal_case'
  | 'unhelpful'
  | 'not_understood'
  | 'off_topic'
  | 'greeting'
  | 'thanks'
  | 'agree'
  | 'disagree'
  /** "Are you a bot?", "who are you?": what the assistant is, plainly. */
  | 'about'
  /** "Как пользоваться?", "что нажимать?", "что вы умеете?": how to ask, the help the /help command gives. */
  | 'usage'
  /** "When do you work?", "are consultants here on 31 December?": the assistant's and the consultants' hours. */
  | 'hours'
  /**
   * "Где находится соцзащита", "адрес мфц": where an office is, with no place named (a message that names one is
   * answered from the knowledge base, by its regional contacts).
   */
  | 'find_office'
  /**
   * Refugees, displaced or evacuated people ("мы беженцы из курской области что положено"): the knowledge base has
   * no checked facts on payments to them, so the reply says so and offers what it has (emergency material help,
   * urgent help with housing and food, the Social Fund's line) and a consultant. Never the off-topic reply.
   */
  | 'displaced'
  /** Nothing but function words and politeness ("помогите, пожалуйста, очень нужно"): found by search, not a pattern. */
  | 'vague'
  /** Written in English, and nothing found: the knowledge base is Russian (found by search, not a pattern). */
  | 'foreign';

/** The intents told by patterns of `data/search/intents.yaml`. */
export type PatternIntent = Exclude<SpecialIntent, 'vague' | 'foreign'>;

/** A place a message names (see TextUnderstanding.place). */
export interface PlaceNamed {
  region: 'perm' | 'volgograd' | 'other';
  /** Elsewhere, a region named by its name: its id in data/search/regions.yaml (`other_regions`). */
  otherRegion?: string;
  /**
   * The message says nothing but the place ("я из волжского", "Я ЖИВУ В КАМЫШИНЕ", "из Саратова", "другой регион"):
   * stop words and words that go with a place ("живу", "город", "область") aside.
   */
  only: boolean;
  /**
   * The message says the citizen lives there: only the place, a word of living («живу», «проживаю», «родом»), «я из
   * …» or «переехала в …». A place said in passing («внук учится в томске», «ездила в москву лечиться», «из москвы
   * пришло письмо») is where something happened, not the citizen's region.
   */
  own: boolean;
}

export interface SearchHit {
  entryId: string;
  topic: string;
  /** Raw ranking score (engine-specific scale). */
  score: number;
}

export interface SearchOutcome {
  band: SearchBand;
  intent?: SpecialIntent;
  /**
   * Best first. For `answer` the first hit is the answer, and a second, when there is one, an entry of the same
   * topic that scored nearly as well (offered with the answer); for `clarify` up to 3 distinct entries.
   */
  hits: SearchHit[];
  /** 0..1: how sure the search is about the first hit. */
  confidence: number;
  /**
   * Which service decides such questions (a key of the locales' `out_of_scope.where`), when known: off topic, or
   * beside an urgent need the search answers (said before the answer).
   */
  redirect?: string;
  /**
   * The hits are what an off-topic rule offers beside its `redirect` (a power cut for debts: the housing subsidy,
   * one-off help), not a ranking: the reply says where the rest goes, then offers them.
   */
  offered?: true;
  /**
   * The crisis or the request for a person was read in English («Consultant please»): the reply, which is in
   * Russian, says in English what happens next.
   */
  inEnglish?: true;
}

export interface SearchContext {
  /**
   * The region of the citizen when known; regional entries of other regions rank lower ('other': elsewhere in
   * Russia, where every regional entry is another region's).
   */
  region?: 'perm' | 'volgograd' | 'other';
  /** The year it is for the person; in a question it says only "now", and weighs little. */
  currentYear?: number;
}

export interface KnowledgeSearch {
  search(query: string, context?: SearchContext): SearchOutcome;
}

/** Text analysis the engine uses for follow-ups and regions, with the same normalisation as search. */
export interface TextUnderstanding {
  /**
   * "а какие документы?" → 'documents'; undefined when the message is not a request for a section. With `bare`,
   * only a message that says nothing but the request ("а сколько платят?", not "какие документы на рыбалку"). With
   * `inQuestion`, the part a new question asks about ("какие документы нужны на маткапитал" → 'documents').
   */
  sectionRequest(text: string, options?: SectionRequestOptions): SectionKey | undefined;
  /** A region named in the message (Пермь, Пермский край, Березники, Волгоград, Камышин ...). */
  region(text: string): 'perm' | 'volgograd' | undefined;
  /**
   * The place the message names: a served region as `region` finds it, or elsewhere in Russia ("я живу в
   * саратове", "Саратовская область", or "другой регион" as the whole message), which the knowledge base has no
   * regional data for.
   */
  place(text: string): PlaceNamed | undefined;
  /**
   * The message says where the citizen lives and nothing else, and no list names the place («я живу в даниловке», «мы
   * из оси»): the words left besides those of residence, place words and stop words are one or two the knowledge
   * base does not know. Undefined when a region is named (see `place`) or anything else is said.
   */
  unlistedPlace?(text: string): boolean;
  /** How the assistant names another region, by the id `place` gave ("saratov" → "Саратовская область"). */
  otherRegionName(id: string): string | undefined;
  /**
   * Whether the message names something the knowledge base is about: a word of its entries' titles or keywords
   * ("субсидию", "пенсионерам", "очереди") or a measure by its everyday name ("детские"). "ну а в волжском" names
   * nothing: a place and particles.
   */
  namesSubject(text: string): boolean;
  /**
   * What a text states, as terms to compare a follow-up with the lines of the answer shown: its words read as search
   * reads them (typos corrected unless `curated`, synonyms as their canonical phrase, stop words out, stems), each
   * negation kept with the word it negates ("не работаю" and "не работают" agree, "работает" does not).
   */
  statedTerms(text: string, options?: { curated?: boolean }): readonly string[];
  /**
   * The words of a follow-up that name something: all but the cues of sections.yaml («сколько», «куда подавать»),
   * its follow-up words («а», «мне», «ребенку», «дают») and stop words. «а мне за уход сколько» → ['уход'].
   */
  subjectWords(text: string): readonly string[];
}
