/**
 * Reads the search's own data files from `<dataDir>/search/`: synonyms, stop words, intents, section cues, regions
 * and optional threshold overrides. They are data so that curators can extend them; each file is validated and
 * a mistake is reported with the file name.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { SECTION_KEYS, type SectionKey } from '../knowledge/entry.js';
import type { SearchConfigOverrides } from './search-config.js';
import type { PatternIntent } from './search-types.js';

/** One thing with many names; both the index and the queries are rewritten to `canonical`. */
export interface SynonymGroup {
  canonical: string;
  variants: string[];
  /** The group names a benefit or service: a follow-up naming it is a new question. */
  subject: boolean;
}

/** One intent rule (see data/search/intents.yaml for the meaning of each field). */
export interface IntentRuleData {
  all: string[];
  regex?: string;
  unless: string[];
  unlessWelfare: boolean;
  maxWords?: number;
  /** Off-topic rules: which service decides such questions (a key of the locales' `out_of_scope.where`). */
  redirect?: string;
  /**
   * Off-topic rules with a `redirect`: entries (by id) of what social protection can do beside the matter that goes
   * elsewhere (power cut for debts: the supplier restores it; a housing subsidy or one-off help is ours). The reply
   * says where the matter goes, then offers these as choices instead of refusing.
   */
  offers?: string[];
}

export interface IntentsData {
  fuzzyMinLength: number;
  welfare: string[];
  /**
   * An urgent need (no food, no money for it): an off-topic rule that fires beside one still says where its matter
   * goes (`redirect`), but the need is searched and answered ("не платят зарплату, детей кормить нечем").
   */
  needs: string[];
  /** Rules per intent; intents are checked in the order of INTENT_PRIORITY. */
  intents: Record<PatternIntent, IntentRuleData[]>;
  /** Entries an intent's own reply offers as buttons, by id (`displaced`: emergency help). */
  offers: Partial<Record<PatternIntent, string[]>>;
}

export interface SectionsData {
  fuzzyMinLength: number;
  maxWords: number;
  cues: Record<SectionKey, string[]>;
  followUpWords: string[];
}

export type ServedRegion = 'perm' | 'volgograd';

export interface RegionNames {
  /** How the knowledge base names the region ("пермский край"). */
  canonical: string;
  /** Patterns for the region, its centre and towns. */
  names: string[];
}

/** A region of Russia the knowledge base has no regional data for. */
export interface OtherRegionNames {
  /** How the assistant names it to the citizen ("Саратовская область"). */
  name: string;
  /** Patterns for the region, its centre and large towns. */
  names: string[];
}

export interface RegionsData {
  fuzzyMinLength: number;
  regions: Record<ServedRegion, RegionNames>;
  /** The other regions of Russia by id ("saratov"): named, they are the citizen's region, not the question. */
  otherRegions: Record<string, OtherRegionNames>;
  /** "Другой регион" typed instead of pressed: elsewhere in Russia, without a name (a pattern; empty: none). */
  otherRegion: string;
  /** Words saying where one lives ("живу", "проживаю"): not part of the question when a place is named. */
  residence: string;
  /** Words that go with a place and say nothing else ("город", "область", "район"). */
  placeWords: string;
  /** Words asking for the region's own measure ("краевой", "от области"): the place is then part of the question. */
  regionalMeasure: string;
}

/** A cross-cutting labelling rule (see data/search/topic-hints.yaml). */
export interface TopicHintData {
  when: string;
  and?: string;
  unless?: string;
  /** Topic slug → score multiplier. */
  boost: Record<string, number>;
  /**
   * Entry id → score multiplier, where the question asks for one entry of a topic and not for the rest of it
   * (`boost_entries` in the file). An id no entry of the knowledge base searched has is left alone (a test's small
   * knowledge base); kb:check reports one the project's knowledge base lacks.
   */
  boostEntries?: Record<string, number>;
  /**
   * Words that, where the hint applies, set the scene and do not say what is asked (the person one's pension is set
   * beside: «почему у сестры пенсия больше»). They weigh as context, and the entries the hint raises (`boost_entries`
   * above 1) count them as matched.
   */
  context?: string;
}

export interface TopicHintsData {
  fuzzyMinLength: number;
  hints: TopicHintData[];
  /**
   * A broad question of what one is entitled to ("что мне положено", "какие льготы"): with it, the entries that sum
   * up the rights of a group the question names (`overview_for`) get their score multiplied by `boost`.
   */
  entitlement?: {
    when: string;
    unless?: string;
    described?: string;
    born?: string;
    /** A word that asks what is due only beside a description («мама 1952 года рождения льготы»). */
    describedAsks?: string;
    boost: number;
  };
}

/** Everything the search reads from `data/search/`. */
export interface SearchResources {
  synonyms: SynonymGroup[];
  /**
   * Names of a situation read only when a follow-up is compared with the lines of the answer shown, never in the
   * search (`follow_up_groups` of synonyms.yaml).
   */
  followUpSynonyms: SynonymGroup[];
  stopWords: string[];
  /** Words of asking for something ("оформить", "положено") that leave a one-word question as broad as the word alone. */
  requestWords: string[];
  /** Words of a plea or worry that name no measure ("помощь", "деньги"): with no welfare word, a vague message. */
  genericWords: string[];
  intents: IntentsData;
  sections: SectionsData;
  regions: RegionsData;
  topicHints: TopicHintsData;
  /** Threshold and boost overrides from search-config.yaml (empty when the file is absent). */
  config: SearchConfigOverrides;
}

/** A data file under data/search/ is missing or malformed. */
export class SearchDataError extends Error {
  override readonly name = 'SearchDataError';
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}

/** The project's `data/` folder, found from this module's location (works from src/ and from dist/). */
export function defaultDataDir(): string {
  return resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'data');
}

const patternList = z.array(z.string().min(1));
const words = z.array(z.union([z.string(), z.number()]).transform(String));

const synonymGroupSchema = z.object({
  canonical: z.union([z.string(), z.number()]).transform(String),
  variants: words,
  subject: z.boolean().default(false),
});
const synonymsSchema = z.object({
  groups: z.array(synonymGroupSchema),
  follow_up_groups: z.array(synonymGroupSchema).default([]),
});

const stopWordsSchema = z.object({
  words,
  request_words: words.default([]),
  generic_words: words.default([]),
});

const ruleSchema = z
  .object({
    all: patternList.default([]),
    regex: z.string().optional(),
    unless: patternList.default([]),
    unless_welfare: z.boolean().default(false),
    max_words: z.number().int().positive().optional(),
    redirect: z
      .string()
      .regex(/^[a-z_]+$/, 'a redirect is a locale key: lower-case letters and "_"')
      .optional(),
    offers: z.array(z.string().min(1)).min(1).optional(),
  })
  .refine((r) => r.all.length > 0 || r.regex !== undefined, 'a rule needs `all` patterns or a `regex`')
  .refine(
    (r) => r.offers === undefined || r.redirect !== undefined,
    'a rule with `offers` needs a `redirect`',
  );

const intentsSchema = z.object({
  fuzzy_min_length: z.number().int().min(3).default(7),
  welfare: patternList,
  needs: patternList.default([]),
  intents: z.object({
    crisis: z.array(ruleSchema),
    personal_case: z.array(ruleSchema),
    human: z.array(ruleSchema),
    off_topic: z.array(ruleSchema),
    unhelpful: z.array(ruleSchema).default([]),
    not_understood: z.array(ruleSchema).default([]),
    greeting: z.array(ruleSchema).default([]),
    thanks: z.array(ruleSchema).default([]),
    agree: z.array(ruleSchema).default([]),
    disagree: z.array(ruleSchema).default([]),
    about: z.array(ruleSchema).default([]),
    usage: z.array(ruleSchema).default([]),
    hours: z.array(ruleSchema).default([]),
    find_office: z.array(ruleSchema).default([]),
    displaced: z.array(ruleSchema).default([]),
  }),
  offers: z.object({ displaced: z.array(z.string().min(1)).default([]) }).default({ displaced: [] }),
});

const sectionsSchema = z.object({
  fuzzy_min_length: z.number().int().min(3).default(7),
  max_words: z.number().int().positive().default(9),
  cues: z.object(
    Object.fromEntries(SECTION_KEYS.map((k) => [k, patternList])) as Record<SectionKey, typeof patternList>,
  ),
  follow_up_words: patternList,
});

const regionSchema = z.object({ canonical: z.string().min(2), names: patternList });
const otherRegionSchema = z.object({ name: z.string().min(2), names: patternList.min(1) });
const regionsSchema = z.object({
  fuzzy_min_length: z.number().int().min(3).default(7),
  regions: z.object({ perm: regionSchema, volgograd: regionSchema }),
  other_regions: z
    .record(
      z.string().regex(/^[a-z][a-z-]*$/, 'a region id is lower-case Latin letters and "-"'),
      otherRegionSchema,
    )
    .default({}),
  other_region: z.string().default(''),
  residence: z.string().default(''),
  place_words: z.string().default(''),
  regional_measure: z.string().default(''),
});

const topicHintsSchema = z.object({
  fuzzy_min_length: z.number().int().min(3).default(7),
  hints: z.array(
    z
      .object({
        when: z.string().min(1),
        and: z.string().min(1).optional(),
        unless: z.string().min(1).optional(),
        boost: z.record(z.string(), z.number().positive().max(10)).default({}),
        boost_entries: z.record(z.string(), z.number().positive().max(10)).optional(),
        context: z.string().min(1).optional(),
      })
      .strict(),
  ),
  entitlement: z
    .object({
      when: z.string().min(1),
      unless: z.string().min(1).optional(),
      described: z.string().min(1).optional(),
      born: z.string().min(1).optional(),
      described_asks: z.string().min(1).optional(),
      boost: z.number().positive().max(10),
    })
    .optional(),
});

/** The entitlement cue as the search reads it (`described_asks` in camel case, left out when not given). */
function entitlementOf({
  described_asks,
  ...cue
}: NonNullable<z.infer<typeof topicHintsSchema>['entitlement']>): NonNullable<TopicHintsData['entitlement']> {
  return described_asks ? { ...cue, describedAsks: described_asks } : cue;
}

const numbers = <T extends string>(keys: readonly T[]) =>
  z.object(
    Object.fromEntries(keys.map((k) => [k, z.number().optional()])) as Record<T, z.ZodOptional<z.ZodNumber>>,
  );

const configSchema = z
  .object({
    boosts: numbers(['questions', 'keywords', 'title', 'short', 'body'] as const).optional(),
    bm25: numbers(['k', 'b', 'd'] as const).optional(),
    prefix_min_length: z.number().int().min(0).optional(),
    prefix_weight: z.number().min(0).optional(),
    max_query_terms: z.number().int().min(1).optional(),
    max_term_entries: z.number().int().min(1).optional(),
    other_region_factor: z.number().min(0).optional(),
    own_region_factor: z.number().min(0).optional(),
    unknown_region_factor: z.number().min(0).optional(),
    bands: z
      .object({
        answer: z.number().optional(),
        clarify: z.number().optional(),
        max_runner_up_ratio: z.number().optional(),
        clarify_min_ratio: z.number().optional(),
        min_evidence: z.number().optional(),
        min_evidence_separated: z.number().optional(),
        separated_runner_up_ratio: z.number().optional(),
        min_evidence_share: z.number().min(0).max(1).optional(),
        close_alternative_ratio: z.number().optional(),
      })
      .optional(),
    clarify_hits: z.number().int().min(1).max(5).optional(),
  })
  .nullable();

function readYaml<T>(dir: string, name: string, schema: z.ZodType<T>, optional = false): T | undefined {
  const file = join(dir, name);
  if (optional && !existsSync(file)) return undefined;
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SearchDataError(file, (error as Error).message.split('\n')[0] ?? 'cannot read');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SearchDataError(file, `${issue.path.join('.') || 'file'}: ${issue.message}`);
  }
  return parsed.data;
}

const rule = (r: z.infer<typeof ruleSchema>): IntentRuleData => ({
  all: r.all,
  regex: r.regex,
  unless: r.unless,
  unlessWelfare: r.unless_welfare,
  maxWords: r.max_words,
  redirect: r.redirect,
  offers: r.offers,
});

/** Reads and validates `<dataDir>/search/*.yaml`. Throws SearchDataError naming the file on any problem. */
export function loadSearchResources(dataDir: string = defaultDataDir()): SearchResources {
  const dir = join(dataDir, 'search');
  const synonyms = readYaml(dir, 'synonyms.yaml', synonymsSchema)!;
  const stop = readYaml(dir, 'stop-words.yaml', stopWordsSchema)!;
  const intents = readYaml(dir, 'intents.yaml', intentsSchema)!;
  const sections = readYaml(dir, 'sections.yaml', sectionsSchema)!;
  const regions = readYaml(dir, 'regions.yaml', regionsSchema)!;
  const topicHints = readYaml(dir, 'topic-hints.yaml', topicHintsSchema)!;
  const config = readYaml(dir, 'search-config.yaml', configSchema, true) ?? {};
  for (const list of Object.values(intents.intents)) {
    for (const r of list) {
      if (r.regex === undefined) continue;
      try {
        new RegExp(r.regex, 'u');
      } catch (error) {
        throw new SearchDataError(
          join(dir, 'intents.yaml'),
          `bad regex ${r.regex}: ${(error as Error).message}`,
        );
      }
    }
  }
  const bands = config.bands;
  return {
    synonyms: synonyms.groups,
    followUpSynonyms: synonyms.follow_up_groups,
    stopWords: stop.words,
    requestWords: stop.request_words,
    genericWords: stop.generic_words,
    intents: {
      fuzzyMinLength: intents.fuzzy_min_length,
      welfare: intents.welfare,
      needs: intents.needs,
      intents: {
        crisis: intents.intents.crisis.map(rule),
        personal_case: intents.intents.personal_case.map(rule),
        human: intents.intents.human.map(rule),
        off_topic: intents.intents.off_topic.map(rule),
        unhelpful: intents.intents.unhelpful.map(rule),
        not_understood: intents.intents.not_understood.map(rule),
        greeting: intents.intents.greeting.map(rule),
        thanks: intents.intents.thanks.map(rule),
        agree: intents.intents.agree.map(rule),
        disagree: intents.intents.disagree.map(rule),
        about: intents.intents.about.map(rule),
        usage: intents.intents.usage.map(rule),
        hours: intents.intents.hours.map(rule),
        find_office: intents.intents.find_office.map(rule),
        displaced: intents.intents.displaced.map(rule),
      },
      offers: intents.offers,
    },
    sections: {
      fuzzyMinLength: sections.fuzzy_min_length,
      maxWords: sections.max_words,
      cues: sections.cues,
      followUpWords: sections.follow_up_words,
    },
    regions: {
      fuzzyMinLength: regions.fuzzy_min_length,
      regions: regions.regions,
      otherRegions: regions.other_regions,
      otherRegion: regions.other_region,
      residence: regions.residence,
      placeWords: regions.place_words,
      regionalMeasure: regions.regional_measure,
    },
    topicHints: {
      fuzzyMinLength: topicHints.fuzzy_min_length,
      hints: topicHints.hints.map(({ boost_entries, ...h }) => ({
        ...h,
        ...(boost_entries ? { boostEntries: boost_entries } : {}),
      })),
      ...(topicHints.entitlement ? { entitlement: entitlementOf(topicHints.entitlement) } : {}),
    },
    config: dropUndefined({
      boosts: config.boosts,
      bm25: config.bm25,
      prefixMinLength: config.prefix_min_length,
      prefixWeight: config.prefix_weight,
      maxQueryTerms: config.max_query_terms,
      maxTermEntries: config.max_term_entries,
      otherRegionFactor: config.other_region_factor,
      ownRegionFactor: config.own_region_factor,
      unknownRegionFactor: config.unknown_region_factor,
      bands: bands
        ? dropUndefined({
            answer: bands.answer,
            clarify: bands.clarify,
            maxRunnerUpRatio: bands.max_runner_up_ratio,
            clarifyMinRatio: bands.clarify_min_ratio,
            minEvidence: bands.min_evidence,
            minEvidenceSeparated: bands.min_evidence_separated,
            separatedRunnerUpRatio: bands.separated_runner_up_ratio,
            minEvidenceShare: bands.min_evidence_share,
            closeAlternativeRatio: bands.close_alternative_ratio,
          })
        : undefined,
      clarifyHits: config.clarify_hits,
    }) as SearchConfigOverrides,
  };
}

/** YAML leaves absent fields undefined; overrides must not reset defaults with them. */
function dropUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined) continue;
    (out as Record<string, unknown>)[k] = typeof v === 'object' && v !== null ? dropUndefined(v) : v;
  }
  return out;
}
