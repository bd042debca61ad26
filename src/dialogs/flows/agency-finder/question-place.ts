/**
 * A question outside the finder: a town of the directory named in it is remembered for the button under the answer
 * (and for where its offices are, asked later), and a bare "where do I go" there ("а куда идти во фролово", "где
 * соцзащита во фролово") is that town's offices at once, as is an office's hours asked there («мфц во фролово во
 * сколько работает»). A region or another town named instead ("адрес мфц в камышине") forgets the town. A question
 * about offices names its town without "в" too ("соцзащита фролово адрес", "мфц волжский телефон").
 */
import type { AgencyDirectory } from '../../../services/agencies/agency-directory.js';
import { type NamedPlace, placeNamedIn } from '../../../services/agencies/agency-search.js';
import type { Turn } from '../../turn.js';
import {
  asksOfficeHours,
  asksOfficePhone,
  asksWhereToGo,
  CARD_WORD,
  namesOfficeOnly,
  OFFICE_WORD,
  officeKindAsked,
  wordsOf,
} from './message-words.js';
import { showPlace } from './place-offices.js';

export function onQuestion(turn: Turn, directory: AgencyDirectory, text: string): boolean {
  const words = wordsOf(text);
  const aboutOffices = words.some(
    (w) => w === 'где' || w === 'куда' || /^адрес/.test(w) || OFFICE_WORD.test(w) || CARD_WORD.test(w),
  );
  const named =
    placeNamedIn(directory, text, { alone: aboutOffices }) ??
    (aboutOffices ? undefined : townAlone(directory, text, words));
  if (!named) {
    if (turn.state.place && turn.deps.understanding.region(text)) turn.state.place = undefined;
    return askedForRememberedOffices(turn, directory, text);
  }
  turn.state.place = named.place.id;
  if (
    !asksWhereToGo(named.rest) &&
    !asksOfficeHours(named.rest) &&
    !asksOfficePhone(named.rest) &&
    !namesOfficeOnly(named.rest)
  )
    return false;
  showPlace(turn, directory, named.place, 0, false, officeKindAsked(named.rest));
  return true;
}

/**
 * A town of the directory said alone, as the whole message («Волжский», «Пермь»): remembered for «где соцзащита» after
 * it, which got three choices (citizen audit 6). Not a district («Дзержинский» is a district of Volgograd and a town
 * elsewhere) and not a name with more words («Павловский Посад» is no Павловский; verification pass 7).
 */
function townAlone(
  directory: AgencyDirectory,
  text: string,
  words: readonly string[],
): NamedPlace | undefined {
  if (words.length > 2) return undefined;
  const named = placeNamedIn(directory, text, { alone: true });
  return named && named.rest.length === 0 && named.place.parent === undefined ? named : undefined;
}

/**
 * «где соцзащита», «адрес мфц», «мфц во сколько работает» from someone who named their town before («я из фролово»):
 * that town's offices, with their hours. It got the region's contacts among three choices (citizen audit 4, H6).
 * «а куда идти» names no office: the answer's «Как подать» comes first, with the town's addresses one tap away.
 */
function askedForRememberedOffices(turn: Turn, directory: AgencyDirectory, text: string): boolean {
  const place = turn.state.place ? directory.place(turn.state.place) : undefined;
  if (!place) return false;
  const words = wordsOf(text);
  const namesOffice = words.some((w) => /^адрес/.test(w) || OFFICE_WORD.test(w));
  if (!namesOffice || !(asksWhereToGo(words) || asksOfficeHours(words))) return false;
  showPlace(turn, directory, place, 0, false, officeKindAsked(words));
  return true;
}
