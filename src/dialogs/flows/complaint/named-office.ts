/**
 * The office a complaint told in words names by its kind and town («хочу пожаловаться на соцзащиту волжского»): it
 * is chosen for the person, who can still pick another with «Назад» (citizen audit 6: the list was shown with
 * «ЦСЗН Волжского» in it, as if nothing had been said).
 */
import type { Agency, AgencyDirectory } from '../../../services/agencies/agency-directory.js';
import { placeNamedIn } from '../../../services/agencies/agency-search.js';
import { officeKindAsked, wordsOf } from '../agency-finder/message-words.js';

/** The one office of the directory of the kind and in the town the text names; undefined when none or several. */
export function namedOffice(directory: AgencyDirectory, text: string): Agency | undefined {
  const kind = officeKindAsked(wordsOf(text));
  if (!kind) return undefined;
  // A town without «в» counts («соцзащиту волжского»): the office word beside it says the talk is of offices.
  const place = placeNamedIn(directory, text, { alone: true })?.place;
  if (!place) return undefined;
  // «живу в волжском, а прописана в волгограде»: two places, and which office is meant is not guessed (verification
  // pass 8: ЦСЗН Волжского was chosen).
  const others = text
    .split(/[,;.]|\s+а\s+|\s+но\s+/)
    .map((part) => placeNamedIn(directory, part, { alone: true })?.place)
    .filter((p) => p !== undefined && p.id !== place.id);
  if (others.length > 0) return undefined;
  const offices = directory.agencies.filter((a) => a.place === place.id && a.kind === kind);
  return offices.length === 1 ? offices[0] : undefined;
}
