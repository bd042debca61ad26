/**
 * Text typed at «В каком регионе?»: a place, a region named, an office with its town, more of the story, or «не
 * знаю». What none of these reads is left to the step's other replies.
 */
import { comparableText } from '../../../i18n/comparable-text.js';
import { redactPersonalData } from '../../../messaging/personal-data.js';
import type { AgencyDirectory } from '../../../services/agencies/agency-directory.js';
import type { Turn } from '../../turn.js';
import { md } from '../flow-replies.js';
import { askAgency, askAgencyName, askRegion } from './agency-questions.js';
import { type Draft, MAX_AGENCY_NAME_CHARS, withAddition } from './complaint-draft.js';
import { unknownAnswer } from './complaint-words.js';
import { afterAgency } from './detail-questions.js';
import { OFFICE_WORDS } from './story-words.js';

/**
 * A place and nothing else typed at «В каком регионе?» («саратовская область, город саратов», «г. Энгельс
 * Саратовской обл»): its region, another one's as «Другой регион» (it was kept as more of the story, or «Не
 * понял»: a verification pass).
 */
export function onTypedPlace(turn: Turn, directory: AgencyDirectory, draft: Draft, text: string): boolean {
  const place = turn.deps.understanding.place(text);
  if (!place?.only) return false;
  askAgency(turn, directory, { ...draft, region: place.region }, 'region', { edit: false });
  return true;
}

/** `told`: the text tells more of the story (see toldAtStep). True when the text was read. */
export function onTypedRegion(
  turn: Turn,
  directory: AgencyDirectory,
  draft: Draft,
  text: string,
  told: boolean,
): boolean {
  // A region typed instead of pressed ("пермь", "в волгограде").
  const named = turn.deps.understanding.region(text);
  if (named && text.split(/\s+/).length <= 4) {
    askAgency(turn, directory, { ...draft, region: named }, 'region', { edit: false });
    return true;
  }
  // An office with its town ("свердловский район управление соцзащиты пермь"): the region and the office's
  // name at once (it left the complaint).
  if (named && OFFICE_WORDS.test(comparableText(text))) {
    afterAgency(
      turn,
      { ...draft, region: named, agencyName: redactPersonalData(text.slice(0, MAX_AGENCY_NAME_CHARS)) },
      'region',
      false,
    );
    return true;
  }
  // More of the story, told already: added to it (it left the complaint).
  if (told && draft.what) {
    const lead = md(turn, 'complaints.story_kept_region');
    askRegion(turn, withAddition(draft, text), undefined, { edit: false, lead });
    return true;
  }
  if (unknownAnswer(text)) {
    askAgencyName(turn, draft, 'region', { edit: false, lead: md(turn, 'complaints.region_unknown') });
    return true;
  }
  return false;
}
