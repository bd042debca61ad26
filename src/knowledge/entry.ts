/**
 * What a knowledge-base entry is, once loaded from `data/faq/`.
 *
 * On disk an entry is Markdown with YAML front matter. The front matter carries the metadata; the body holds the
 * sections under fixed `## ` headings (see SECTION_HEADINGS). Texts may reference figures from
 * `data/figures.yaml` as `{{fig:<key>}}` or `{{fig:<key>*0.5}}` so that one edit updates every answer.
 */

/** The sections an answer can open, in the order the buttons show them. */
export const SECTION_KEYS = ['eligibility', 'amount', 'documents', 'apply', 'legal', 'appeal'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

/** The `## ` headings curators write in entry bodies, mapped to section keys. */
export const SECTION_HEADINGS: Record<string, SectionKey> = {
  'Кто может получить': 'eligibility',
  'Сколько платят': 'amount',
  Документы: 'documents',
  'Как подать': 'apply',
  'Правовая основа': 'legal',
  'Как обжаловать': 'appeal',
};

export const REGIONS = ['federal', 'perm', 'volgograd'] as const;
export type Region = (typeof REGIONS)[number];

/** The region a taxonomy category is about: `regional-perm` is Perm's (data/topics.yaml); other categories none. */
export function regionOfCategory(category: string): Exclude<Region, 'federal'> | undefined {
  const named = /^regional-(.+)$/.exec(category)?.[1];
  return named === 'perm' || named === 'volgograd' ? named : undefined;
}

export interface Source {
  title: string;
  url?: string;
  /** true where the source is official (sfr.gov.ru, gosuslugi.ru, a law's text, a ministry's site). */
  official: boolean;
}

export interface KnowledgeEntry {
  /** Stable id: lower-case latin, digits and dashes, at most 40 characters (it travels in button payloads). */
  id: string;
  /** A topic slug from data/topics.yaml. */
  topic: string;
  title: string;
  /** At least 4 questions written the way citizens write. */
  questions: string[];
  keywords: string[];
  /**
   * For an entry written for one group of people (conscripts' families): words of which a question must name one
   * for this entry to be the answer on its own (search/word-patterns.ts syntax). Otherwise it is one of the choices.
   */
  requires?: string;
  /**
   * For an entry that sums up what one group of people is entitled to (pensioners, people with a disability): words
   * of which a question must name one (search/word-patterns.ts syntax). A broad question of what one is entitled to
   * ("что мне положено") that names the group prefers this entry to a single measure its other words share.
   */
  overviewFor?: string;
  /**
   * Entries of the same topic about the same measure as this one, another part of it (front matter `same_measure`):
   * a follow-up asking for a part this entry lacks («а документы?» after the amount) gets theirs. Read both ways.
   */
  sameMeasure?: string[];
  /**
   * Where the entry stands in its topic's list of buttons (front matter `menu_order`, 1 first): the topic's main
   * entry leads («Единое пособие … кому положено и как оформить» was sixth of nine, after the alimony rule, in file
   * order). Entries without one follow in file order.
   */
  menuOrder?: number;
  /**
   * An entry of another topic that a question answered with this one is often meant as (front matter `see_also`):
   * offered as «➡️ Ещё» under the answer when the search has no second entry of its own topic for it. «Доплата к
   * пенсии за возраст» is the fixed payment doubled at 80; the supplement up to the subsistence minimum, which
   * pensioners also call «доплата к пенсии», is a button away.
   */
  seeAlso?: string;
  regions: Region[];
  /** Short answer, at most 600 characters after figures are filled in; the most useful fact first. */
  short: string;
  sections: Partial<Record<SectionKey, string>>;
  /**
   * A part's own name where the common one misleads (front matter `section_titles`): the "amount" part of «Когда
   * приходят деньги» holds dates, not amounts, and «Сколько платят» on its button sent people looking for a sum.
   * In Russian, like the entry's text it names.
   */
  sectionTitles?: Partial<Record<SectionKey, string>>;
  sources: Source[];
  /** ISO date the facts were last checked. */
  asOf: string;
  /** ISO date by which a curator must review the entry again. */
  reviewBy: string;
  /** Where the entry came from on disk, relative to the project root (for curator messages). */
  file: string;
}

export interface Topic {
  slug: string;
  title: string;
  category: string;
}

export interface Category {
  slug: string;
  title: string;
}

export interface Taxonomy {
  categories: Category[];
  topics: Topic[];
}
