/**
 * A question outside the finder: a town of the directory named in it is remembered for the button under the
 * answer, and a bare "where do I go" there ("а куда идти во фролово", "где соцзащита во фролово") is that town's
 * offices at once. A region or another town named instead ("адрес мфц в камышине") forgets the town. A question
 * about offices names its town without "в" too ("соцзащита фролово адрес", "мфц волжский телефон").
 */
import type { AgencyDirectory } from '../../../services/agencies/agency-directory.js';
import { placeNamedIn } from '../../../services/agencies/agency-search.js';
import type { Turn } from '../../turn.js';
import { asksWhereToGo, CARD_WORD, OFFICE_WORD, wordsOf } from './message-words.js';
import { showPlace } from './place-offices.js';

export function onQuestion(turn: Turn, directory: AgencyDirectory, text: string): boolean {
  const aboutOffices = wordsOf(text).some(
    (w) => w === 'где' || w === 'куда' || /^адрес/.test(w) || OFFICE_WORD.test(w) || CARD_WORD.test(w),
  );
  const named = placeNamedIn(directory, text, { alone: aboutOffices });
  if (!named) {
    if (turn.state.place && turn.deps.understanding.region(text)) turn.state.place = undefined;
    return false;
  }
  turn.state.place = named.place.id;
  if (!asksWhereToGo(named.rest)) return false;
  showPlace(turn, directory, named.place, 0, false);
  return true;
}
