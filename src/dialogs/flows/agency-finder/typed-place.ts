/**
 * A message typed while the finder is open (or after /where): a place of the directory, several to choose from, a
 * question about the offices just listed or about the place it lacks, a village or town it lacks; or, when it is
 * a question of its own, false: the flow is left and the search answers it.
 */
import type { SearchOutcome } from '../../../search/search-types.js';
import type { AgencyDirectory } from '../../../services/agencies/agency-directory.js';
import { findPlaces } from '../../../services/agencies/agency-search.js';
import { footerRow } from '../../reply-builders.js';
import type { Turn } from '../../turn.js';
import { officeFollowUp, officeNamedAlone } from '../agency-follow-up.js';
import { action, md } from '../flow-replies.js';
import { payload } from './agency-payloads.js';
import { askPlace } from './ask-place.js';
import { asksSomethingElse } from './asks-something-else.js';
import { showElsewhere } from './elsewhere-place.js';
import { answerFollowUp } from './follow-up-answer.js';
import { listedOffices } from './listed-offices.js';
import { asks } from './message-words.js';
import { showPlace } from './place-offices.js';
import { lastUnlisted, unlistedPlace } from './unlisted-place.js';
import { answerUnlisted, showUnlisted } from './unlisted-replies.js';

export function onPlaceText(
  turn: Turn,
  directory: AgencyDirectory,
  offerTopics: ReadonlySet<string>,
  text: string,
  found?: SearchOutcome,
): boolean {
  const matches = findPlaces(directory, text);
  // "а как туда доехать" after a listing asks about the offices listed, and names no place.
  const listed = matches.length === 0 ? listedOffices(turn, directory) : [];
  const followUp = listed.length > 0 ? officeFollowUp(text) : undefined;
  if (followUp) {
    // "а телефон пенсионного фонда?" after a list without one: the search knows the Social Fund's numbers.
    if (followUp.kind && !listed.some((l) => l.agency.kind === followUp.kind)) return false;
    answerFollowUp(turn, directory, listed, followUp);
    return true;
  }
  // Right after "no addresses for «Кунгур»": "а часы работы какие", "а мфц там есть" are about that place.
  const unlisted = matches.length === 0 ? lastUnlisted(turn) : undefined;
  if (unlisted) {
    const ask = officeFollowUp(text);
    const kind = ask ? undefined : officeNamedAlone(text);
    if (ask || kind) {
      answerUnlisted(turn, directory, unlisted, ask, kind);
      return true;
    }
  }
  // The same asked before any place was named: which place, again (not «Не нашёл «Часы работы»»).
  if (
    matches.length === 0 &&
    !unlisted &&
    turn.state.flow?.step === 'place' &&
    (officeFollowUp(text) || officeNamedAlone(text))
  ) {
    askPlace(turn, directory);
    return true;
  }
  if (
    matches.length > 0 &&
    asksSomethingElse(
      turn,
      directory,
      offerTopics,
      text,
      matches.map((m) => m.place),
      found,
    )
  )
    return false;
  if (matches.length === 1) {
    showPlace(turn, directory, matches[0]!.place, 0, false);
    return true;
  }
  if (matches.length > 1) {
    turn.send({
      text: md(turn, 'agencies.choose_match'),
      buttons: [
        ...matches.slice(0, 6).map((m) => [action(m.place.name, payload('p', m.place.id))]),
        footerRow(turn.ctx),
      ],
    });
    turn.outcome({ outcome: 'other', detail: 'agencies:choose' });
    return true;
  }
  // Where the finder asked for the place, one or two words the search finds nothing in ("Ключи", which it reads
  // as vague like "помогите") are a village it lacks: not the menu.
  const askedWhere = turn.state.flow?.step === 'place';
  // Another region named where the finder asked for the place, however many words («мы с мужем из ижевска» was a
  // question for the search, which answered the survivor's pension), unless it asks about a subject.
  if (
    askedWhere &&
    matches.length === 0 &&
    !turn.deps.understanding.namesSubject(text) &&
    !turn.deps.understanding.region(text) &&
    showElsewhere(turn, text)
  )
    return true;
  const short = text.trim().split(/\s+/).length <= 4 && !asks(text);
  const village = askedWhere && short && found?.intent === 'vague' ? unlistedPlace(turn, text, 2) : undefined;
  // "спасибо", "да", "позовите человека" after a listing are the conversation's, not a town not found («Не нашёл
  // «спасибо» в справочнике»).
  if (matches.length === 0 && !village && found?.intent !== undefined && found.intent !== 'find_office')
    return false;
  // A long message, or one that asks ("где находится соцзащита" again), is a question, not a town: leave the
  // flow and let search answer it (where an office is, with no place named, asks for the place again). Where the
  // finder asked for the place, a town of the region among words of where one lives is that town ("не знаю какой
  // район, рядом Суксун"), unless they name a subject ("какие пособия в Кунгуре").
  const town = !short && askedWhere ? unlistedPlace(turn, text, 0) : undefined;
  if (!short && !(town && !turn.deps.understanding.namesSubject(text.replace(town.name, ' ')))) return false;
  const region = town?.region ?? turn.deps.understanding.region(text);
  // "я стою в очереди" after a listing names no town: it is about the queue for housing.
  if (!region && asksSomethingElse(turn, directory, offerTopics, text, [], found)) return false;
  const place = town ?? village ?? unlistedPlace(turn, text, 3);
  showUnlisted(turn, directory, {
    name: place?.name ?? text.trim(),
    ...(region ? { region: place?.region ?? region } : {}),
  });
  return true;
}
