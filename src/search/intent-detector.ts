/**
 * Recognises messages that must not get a knowledge-base answer: a crisis, a request for a person, a personal
 * case to look up, or something outside social welfare. The rules are data (`data/search/intents.yaml`); this
 * module only compiles and applies them, in a fixed priority: crisis first (safety beats everything), then
 * personal_case (a complaint that ends with "перезвоните" is still a complaint), then the service's hours ("когда
 * работают консультанты?" asks when, not for one), then human, then refugees and displaced people (never off
 * topic, though «курская область» is elsewhere and «беженцы» no welfare word), then where an office is ("где находится соцзащита",
 * which the agency finder answers), then how to use the assistant ("не понимаю что нажимать" asks that, not to
 * explain the last answer again), then "I did not
 * understand" and "that did not help" (before off_topic, whose words it may share), then off_topic, then "are you a bot?", and last the bare
 * greeting or thank-you ("привет, позовите человека" asks for a person; "спасибо, но не помогло" is no thank-you).
 */
import type { IntentRuleData, IntentsData } from './search-data.js';
import type { PatternIntent, SpecialIntent } from './search-types.js';
import { compilePatternSet, type PatternSetMatch, patternText } from './word-patterns.js';

export const INTENT_PRIORITY: readonly PatternIntent[] = [
  'crisis',
  'personal_case',
  'hours',
  'human',
  'displaced',
  'find_office',
  'usage',
  'not_understood',
  'unhelpful',
  'off_topic',
  'about',
  'greeting',
  'thanks',
  'agree',
  'disagree',
];

export interface IntentReading {
  /** The special intent, if any. */
  intent?: SpecialIntent;
  /** The message mentions social welfare at all (a benefit, an agency, a status). */
  mentionsWelfare: boolean;
  /**
   * Off topic: which service decides such questions, when the rule that fired names one. Also without the intent
   * when the message names an urgent need as well: the need is answered, after a word on where the rest goes.
   */
  redirect?: string;
  /**
   * Off topic in part: the entries that the rule offers as what social protection can do beside it (a power cut for
   * debts: the housing subsidy, one-off help). Without the intent: the reply says where the rest goes, then offers
   * them.
   */
  offers?: readonly string[];
}

export interface IntentDetector {
  /** Reads a message given as normalised words (Latin already read as Russian). */
  read(words: readonly string[]): IntentReading;
  /** Just the special intent. */
  detect(words: readonly string[]): SpecialIntent | undefined;
}

interface CompiledRule {
  /** Pattern ids in the shared set. */
  all: number[];
  unless: number[];
  regex?: RegExp;
  maxWords?: number;
  redirect?: string;
  offers?: readonly string[];
}

export function createIntentDetector(data: IntentsData): IntentDetector {
  const sources: string[] = [];
  const add = (pattern: string) => sources.push(pattern) - 1;
  const welfare = data.welfare.map(add);
  const needs = data.needs.map(add);
  const compile = (r: IntentRuleData): CompiledRule => ({
    all: r.all.map(add),
    unless: [...r.unless.map(add), ...(r.unlessWelfare ? welfare : [])],
    regex: r.regex === undefined ? undefined : new RegExp(r.regex, 'u'),
    maxWords: r.maxWords,
    redirect: r.redirect,
    offers: r.offers,
  });
  const rules = INTENT_PRIORITY.map((intent) => ({ intent, rules: data.intents[intent].map(compile) }));
  const set = compilePatternSet(sources, { fuzzyMinLength: data.fuzzyMinLength });

  const fires = (rule: CompiledRule, m: PatternSetMatch, words: readonly string[], joined: string) =>
    (rule.maxWords === undefined || words.length <= rule.maxWords) &&
    (rule.regex === undefined || rule.regex.test(joined)) &&
    rule.all.every((id) => m.matches(id)) &&
    !rule.unless.some((id) => m.matches(id));

  const read = (words: readonly string[]): IntentReading => {
    if (words.length === 0) return { mentionsWelfare: false };
    const m = set.match(patternText(words));
    const joined = words.join(' ');
    const mentionsWelfare = welfare.some((id) => m.matches(id));
    for (const { intent, rules: list } of rules) {
      const rule = list.find((r) => fires(r, m, words, joined));
      if (!rule) continue;
      const redirect = rule.redirect ? { redirect: rule.redirect } : {};
      // Offers first: they hold the help with an urgent need too (one-off help), where the search, led by the words
      // of the cut-off, found the subsidy («отключили свет за долги детей кормить нечем»).
      if (intent === 'off_topic' && rule.offers)
        return { mentionsWelfare: true, ...redirect, offers: rule.offers };
      if (intent === 'off_topic' && needs.some((id) => m.matches(id)))
        return { mentionsWelfare: true, ...redirect };
      return { intent, mentionsWelfare, ...redirect };
    }
    return { mentionsWelfare };
  };
  return { read, detect: (words) => read(words).intent };
}
