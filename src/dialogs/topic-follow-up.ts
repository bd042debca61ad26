/**
 * A short «а …» follow-up read against the measure just shown before the search's best hit of another topic: «а если
 * муж не платит алименты» after the unified benefit got «Алименты — это суд… не соцзащита» and the menu, though the
 * benefit's own entry on alimony says what unpaid alimony means for it; «а если учится в колледже» after the same
 * benefit for a 17-year-old got the maternity benefit of students (citizen audit 7, H4 and H8). The follow-up is
 * searched again with the measure's name (the first keyword of its overview: «единое пособие»); an entry of that measure found so, about a word the follow-up names beyond
 * the answer shown, is the answer. A new question names its own subject and is not changed: the search with the
 * measure's name does not find one of the measure's entries for it, or that entry is not about the words asked.
 */
import type { KnowledgeEntry } from '../knowledge/entry.js';
import type { SearchOutcome } from '../search/search-types.js';
import { asksAboutSibling, titleAsks } from './answer-quote.js';
import type { Turn } from './turn.js';

/**
 * The entry of `shown`'s topic the follow-up asks about, when the search answered it with another topic's entry or
 * not at all: one of the search's hits, or the answer of the follow-up searched with the topic's name. `shown` itself
 * when that search answers with it. Undefined when the search already keeps to the topic, or the follow-up is not
 * about it.
 */
export function entryOfShownTopic(
  turn: Turn,
  query: string,
  shown: KnowledgeEntry,
  result: SearchOutcome,
  currentYear: number,
): KnowledgeEntry | undefined {
  const { kb, search, understanding } = turn.deps;
  const read = understanding.statedTerms;
  const hits = result.hits
    .map((h) => kb.entry(h.entryId))
    .filter((e): e is KnowledgeEntry => e !== undefined);
  if (hits[0]?.topic === shown.topic) return undefined;
  const about = (e: KnowledgeEntry) => asksAboutSibling(e, shown, query, read);
  const inHits = hits.find((e) => e.topic === shown.topic && e.id !== shown.id && about(e));
  if (inHits) return inHits;
  const name = measureName(turn, shown);
  const known = turn.state.region;
  const again = search.search(`${query} ${name}`, known ? { region: known, currentYear } : { currentYear });
  const first = again.hits[0] ? kb.entry(again.hits[0].entryId) : undefined;
  // Or first of a search still unsure, when the follow-up's own choices had it too and its title names all the
  // follow-up asks beyond the card shown: «а на ипотеку можно» after the maternity capital's card got choices of the
  // family mortgage, the 450 000 ₽ for large families and «Маткапитал на ипотеку…»; with the measure's name, the
  // capital's housing card comes first (audit 8's follow-ups, helper Q).
  const found =
    again.band === 'answer' ||
    (again.band === 'clarify' &&
      first !== undefined &&
      hits.includes(first) &&
      titleAsks(first, shown, query, read))
      ? first
      : undefined;
  if (!found || (found.topic !== shown.topic && !namesShownMeasure(turn, found, shown, name)))
    return undefined;
  if (found.id === shown.id) return shown;
  return about(found) ? found : undefined;
}

/**
 * What the measure of `shown` is called, short: the first keyword of its topic's overview (or of `shown`). The topic's
 * title is longer («Единое пособие на детей до 17 лет»), and its words drew the search to the overview itself.
 */
function measureName(turn: Turn, shown: KnowledgeEntry): string {
  const { kb } = turn.deps;
  const siblings = kb.entriesOfTopic(shown.topic);
  const overview = siblings.find((e) => e.id.endsWith('-overview'));
  // A topic with no overview: the keyword all its entries share («материнский капитал»), not the shown card's first
  // («сертификат» on the certificate's card searched «а на ремонт можно» into the pensioners' capital repair).
  const shared = shown.keywords.find((k) => siblings.every((e) => hasKeyword(e, k)));
  return overview?.keywords[0] ?? shared ?? shown.keywords[0] ?? kb.topic(shown.topic)?.title ?? shown.title;
}

/** Whether an entry lists `keyword` among its own (compared without case). */
function hasKeyword(entry: KnowledgeEntry, keyword: string): boolean {
  const wanted = keyword.toLowerCase();
  return entry.keywords.some((k) => k.toLowerCase() === wanted);
}

/**
 * An entry of another topic of the same category that names the shown measure among its keywords is the same measure
 * (spending the maternity capital is a topic of its own beside getting it): «а на ремонт можно» after the capital's
 * card is answered by its housing card (verification audit 8, H5, once the bare name is answered with a card).
 */
function namesShownMeasure(turn: Turn, found: KnowledgeEntry, shown: KnowledgeEntry, name: string): boolean {
  const { kb, understanding } = turn.deps;
  const category = (e: KnowledgeEntry) => kb.topic(e.topic)?.category;
  if (category(found) !== category(shown)) return false;
  // Read as the search reads them: «маткапитал на образование» names «материнский капитал».
  const named = understanding.statedTerms(name, { curated: true });
  const own = new Set(
    understanding.statedTerms([found.title, ...found.keywords].join('. '), { curated: true }),
  );
  return named.length > 0 && named.every((term) => own.has(term));
}
