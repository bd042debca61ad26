/**
 * At the list, an office typed instead of chosen ("мфц на ленина") is the "other, I will write it" answer: it
 * was read as a new question and the draft was lost. At the office's name, the name. Text that names no office
 * gets the question again, saying so.
 */
import { redactPersonalData } from '../../../messaging/personal-data.js';
import type { AgencyDirectory } from '../../../services/agencies/agency-directory.js';
import type { Turn } from '../../turn.js';
import { md } from '../flow-replies.js';
import { askAgency, askAgencyName, socialFundOffice } from './agency-questions.js';
import { type Draft, MAX_AGENCY_NAME_CHARS } from './complaint-draft.js';
import { unknownAnswer, yesOrNo } from './complaint-words.js';
import { afterAgency } from './detail-questions.js';
import { namesNoOffice } from './office-name-words.js';
import type { AskOptions } from './step-reply.js';

export function onTypedAgency(
  turn: Turn,
  directory: AgencyDirectory,
  step: 'agency' | 'agency-name',
  draft: Draft,
  text: string,
): boolean {
  // «не знаю» went on as the office's name «не знаю»; «да» as «да». «не знаю куда писать, помогите» names no office
  // either (it was told to write «не знаю»; verification pass 8).
  if (unknownAnswer(text) && (text.split(/\s+/).length <= 4 || namesNoOffice(text))) {
    afterAgency(turn, draft, step, false, md(turn, 'complaints.agency_unknown'));
    return true;
  }
  if (yesOrNo(text))
    return askAgain(turn, directory, step, draft, { lead: md(turn, 'complaints.agency_again') });
  // «помогите», «please», «а какое выбрать?» became the office's name.
  if (namesNoOffice(text)) {
    const lead = md(
      turn,
      step === 'agency' ? 'complaints.agency_not_name' : 'complaints.agency_not_name_typed',
    );
    return askAgain(turn, directory, step, draft, { lead, consultant: true });
  }
  // «пенсионный фонд», «сфр» typed at the list: the button of the region's Social Fund office.
  const fund = NAMES_SOCIAL_FUND.test(text.toLowerCase().replace(/ё/g, 'е'))
    ? socialFundOffice(turn, draft)
    : undefined;
  const name = fund ?? redactPersonalData(text.slice(0, MAX_AGENCY_NAME_CHARS));
  afterAgency(turn, { ...draft, agencyName: name }, step, false);
  return true;
}

/** The office's question again, after a reply that named none. */
function askAgain(
  turn: Turn,
  directory: AgencyDirectory,
  step: 'agency' | 'agency-name',
  draft: Draft,
  opts: AskOptions,
): true {
  const again: AskOptions = { ...opts, edit: false };
  if (step === 'agency') askAgency(turn, directory, draft, undefined, again);
  else askAgencyName(turn, draft, undefined, again);
  return true;
}

/**
 * The Social Fund by any of its names, alone («пенсионный фонд», «в сфр») or with its region or town («соцфонд в
 * волгограде», «сфр по пермскому краю»: the complaint goes to the region's office), not an office of it with its
 * address («пенсионный фонд на ленина 5»).
 */
const NAMES_SOCIAL_FUND =
  /^(?:в |на )?(?:сфр|пфр|соцфонд|пенсионка|пенсионн\S* фонд|социальн\S* фонд|фонд пенсионного и социального страхования)(?: россии| рф)?(?: (?:в|по|г\.?) [а-яё-]+(?: [а-яё-]+)?)?\.?$/;
