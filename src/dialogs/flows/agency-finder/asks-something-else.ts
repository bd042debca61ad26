/**
 * After a listing, a message naming a town may be a question about something there ("где оформить субсидию во
 * фролово", "какие выплаты положены пенсионерам в волжском"): it leaves the finder for the search when, besides the
 * town and the words of "where do I go", it names something the knowledge base is about, or the search is sure of
 * an answer other than where the offices are. "а в волжском?", "адреса во фролово", "ну а телефон в волжском" are
 * the finder's still. Right after "write your town" a town with a subject ("субсидия, фролово") is where to go for
 * it: the finder keeps it.
 */
import type { SearchOutcome } from '../../../search/search-types.js';
import type { AgencyDirectory, Place } from '../../../services/agencies/agency-directory.js';
import { wordsBesidePlaces } from '../../../services/agencies/agency-search.js';
import type { Turn } from '../../turn.js';
import { CARD_WORD, isWhereWord } from './message-words.js';

/** `offerTopics`: topics whose answers offer the finder, so an answer of theirs is no other question. */
export function asksSomethingElse(
  turn: Turn,
  directory: AgencyDirectory,
  offerTopics: ReadonlySet<string>,
  text: string,
  places: Place[],
  found?: SearchOutcome,
): boolean {
  if (turn.state.flow?.step !== 'listed') return false;
  const other = wordsBesidePlaces(directory, text, places).filter(
    (w) => !isWhereWord(w) && !CARD_WORD.test(w),
  );
  if (other.length === 0) return false;
  if (turn.deps.understanding.namesSubject(other.join(' '))) return true;
  const top =
    found?.band === 'answer' && found.intent === undefined && found.hits[0]
      ? turn.deps.kb.entry(found.hits[0].entryId)
      : undefined;
  return top !== undefined && !offerTopics.has(top.topic);
}
