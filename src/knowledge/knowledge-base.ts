/**
 * The loaded knowledge base: taxonomy, entries and figures, read from `data/` in one go.
 */
import { dirname, resolve } from 'node:path';
import type { KnowledgeEntry, Taxonomy, Topic } from './entry.js';
import type { FigureTable } from './figures.js';
import { loadEntries } from './load-entries.js';
import { loadFigures } from './load-figures.js';
import { loadTaxonomy } from './load-taxonomy.js';
import type { KnowledgeProblem } from './problems.js';

export interface KnowledgeBase {
  readonly taxonomy: Taxonomy;
  readonly entries: readonly KnowledgeEntry[];
  readonly figures: FigureTable;
  readonly loadedAt: number;
  entry(id: string): KnowledgeEntry | undefined;
  topic(slug: string): Topic | undefined;
  /** A topic's entries, those with a `menuOrder` first (by it), then the rest as loaded. */
  entriesOfTopic(slug: string): KnowledgeEntry[];
}

/** A topic's entries as its menu lists them: the curators' leads first, the rest in file order. */
function inMenuOrder(entries: KnowledgeEntry[]): KnowledgeEntry[] {
  return entries
    .map((entry, at) => ({ entry, at }))
    .sort((a, b) => (a.entry.menuOrder ?? Infinity) - (b.entry.menuOrder ?? Infinity) || a.at - b.at)
    .map(({ entry }) => entry);
}

export function createKnowledgeBase(
  taxonomy: Taxonomy,
  entries: readonly KnowledgeEntry[],
  figures: FigureTable,
  loadedAt = Date.now(),
): KnowledgeBase {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const topics = new Map(taxonomy.topics.map((t) => [t.slug, t]));
  const byTopic = new Map<string, KnowledgeEntry[]>();
  for (const e of entries) byTopic.set(e.topic, [...(byTopic.get(e.topic) ?? []), e]);
  for (const [slug, list] of byTopic) byTopic.set(slug, inMenuOrder(list));
  return {
    taxonomy,
    entries,
    figures,
    loadedAt,
    entry: (id) => byId.get(id),
    topic: (slug) => topics.get(slug),
    entriesOfTopic: (slug) => byTopic.get(slug) ?? [],
  };
}

export interface LoadResult {
  kb: KnowledgeBase;
  problems: KnowledgeProblem[];
}

/** Today's date as YYYY-MM-DD (UTC). */
export function isoToday(now = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10);
}

/**
 * Loads `dataDir` (normally `<root>/data`). Throws only when the taxonomy or the figure table is unusable;
 * broken entries are left out and reported in `problems`.
 */
export function loadKnowledgeBase(dataDir: string, options: { today?: string } = {}): LoadResult {
  const root = dirname(resolve(dataDir));
  const taxonomy = loadTaxonomy(dataDir);
  const { figures, problems: figureProblems } = loadFigures(dataDir);
  const { entries, problems } = loadEntries(dataDir, root, taxonomy, figures, options.today ?? isoToday());
  return { kb: createKnowledgeBase(taxonomy, entries, figures), problems: [...figureProblems, ...problems] };
}
