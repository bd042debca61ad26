/**
 * A complaint told in words before its questions were asked: the story is kept as what happened, and the kind of
 * complaint taken from it when clear.
 */
import { redactPersonalData } from '../../../messaging/personal-data.js';
import type { AgencyDirectory } from '../../../services/agencies/agency-directory.js';
import type { Turn } from '../../turn.js';
import { md } from '../flow-replies.js';
import { type Draft, MAX_DESCRIPTION_CHARS } from './complaint-draft.js';
import { ABOUT } from './complaint-kinds.js';
import { type AboutCode, fundMeasureNotAtFund, namesSocialFund } from './complaint-words.js';
import { afterAgency } from './detail-questions.js';
import { askAbout, chooseAbout } from './kind-question.js';
import { namedOffice } from './named-office.js';

/** How long a story told under «how to complain» waits for «Подать жалобу здесь» under that answer. */
export const TOLD_OFFER_MS = 60 * 60_000;

/**
 * A complaint told in words where its kind was asked, or with «хочу подать жалобу» outside the flow («в соцзащите
 * нагрубили и не приняли заявление», «хочу пожаловаться на ваш бот, он ничего не понимает»): the story is kept and
 * the kind taken from it when clear. It got the knowledge base's «how to complain» with nothing filed, and the
 * story had to be typed again after «Подать жалобу здесь».
 */
export function takeTold(
  turn: Turn,
  directory: AgencyDirectory,
  text: string,
  about: AboutCode | undefined,
  told: boolean,
  /** The story kept already, which more of it is added to. */
  before?: string,
): void {
  const t = turn.ctx.t;
  const story = [before, told ? redactPersonalData(text) : undefined].filter(Boolean).join('\n');
  // «пожаловаться хочу на пенсионный фонд в волжском» tells no story but names the office: the Fund is remembered.
  const fund = about !== 'as' && namesSocialFund(text) ? { fund: true as const } : {};
  const draft: Draft = story
    ? { h: [], what: story.slice(0, MAX_DESCRIPTION_CHARS), ...fund }
    : { h: [], ...fund };
  const kept = story ? md(turn, 'complaints.story_kept') : [];
  if (!about) return askAbout(turn, false, draft, kept);
  const lead = [
    ...kept,
    ...md(turn, 'complaints.about_taken', { about: t(`complaints.about.${ABOUT[about]}`) }),
  ];
  // A pension or the unified benefit is the Social Fund's, whatever office the story names: the list says so (see
  // askAgency).
  const office = about === 'as' || fundMeasureNotAtFund(text) ? undefined : namedOffice(directory, text);
  if (!office) return chooseAbout(turn, directory, { ...draft, h: ['about'] }, about, { edit: false, lead });
  // The office named is chosen; «Назад» from the next question goes to the region's list to pick another.
  const chosen: Draft = {
    ...draft,
    about,
    h: ['about'],
    region: office.region,
    agencyId: office.id,
    agencyName: office.name,
  };
  afterAgency(turn, chosen, 'agency', false, [
    ...lead,
    ...md(turn, 'complaints.agency_taken', { agency: office.short }),
  ]);
}
