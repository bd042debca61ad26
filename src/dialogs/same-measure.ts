/**
 * The entries about one measure: a card and the others a follow-up's part, or a refusal's reasons, may come from
 * (the unified benefit's amount card and its overview, which has the documents).
 */
import type { KnowledgeEntry, SectionKey } from '../knowledge/entry.js';
import { titleShare } from './regional-counterpart.js';
import type { Turn } from './turn.js';

/** Titles sharing this share of words are about one measure. */
const SAME_MEASURE_SHARE = 0.4;

/**
 * The other entries about the measure `entry` is about, the surest first. Another entry of the topic may be another
 * measure: «а документы» after the monthly guardianship payment got the lump-sum benefit's documents (a citizen
 * audit). So only an entry the curator marked as the same measure (`same_measure`, either way), the topic's overview,
 * or an entry whose title is mostly the same words («пособие при рождении — сколько» and «как оформить пособие при
 * рождении»).
 */
export function sameMeasureEntries(turn: Turn, entry: KnowledgeEntry): KnowledgeEntry[] {
  const siblings = turn.deps.kb.entriesOfTopic(entry.topic).filter((e) => e.id !== entry.id);
  const rank = (e: KnowledgeEntry): number => {
    if (entry.sameMeasure?.includes(e.id) || e.sameMeasure?.includes(entry.id)) return 0;
    if (e.id.endsWith('-overview')) return 1;
    return titleShare(entry.title, e.title) >= SAME_MEASURE_SHARE ? 2 : 3;
  };
  return siblings
    .map((e) => ({ e, rank: rank(e) }))
    .filter((r) => r.rank < 3)
    .sort((a, b) => a.rank - b.rank)
    .map((r) => r.e);
}

/** The card itself if it has the part, or else the surest other entry of its measure that has it. */
export function measureEntryWithPart(
  turn: Turn,
  entry: KnowledgeEntry,
  section: SectionKey,
): KnowledgeEntry | undefined {
  if (entry.sections[section] !== undefined) return entry;
  return sameMeasureEntries(turn, entry).find((e) => e.sections[section] !== undefined);
}
