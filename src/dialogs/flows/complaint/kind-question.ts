/**
 * «На что вы хотите пожаловаться?»: the kinds of complaint, the appeal and the tickets as buttons; and the next
 * question once the kind is chosen (the assistant's own work needs no office, a known region no region question).
 */
import type { RichText } from '../../../messaging/rich-text.js';
import type { AgencyDirectory } from '../../../services/agencies/agency-directory.js';
import type { Turn } from '../../turn.js';
import { action, md, menuButton } from '../flow-replies.js';
import { askAgency, askRegion } from './agency-questions.js';
import type { Draft } from './complaint-draft.js';
import { ABOUT } from './complaint-kinds.js';
import { payload } from './complaint-payloads.js';
import type { AboutCode } from './complaint-words.js';
import { askWhat, askWish } from './detail-questions.js';
import { type AskOptions, openStep } from './step-reply.js';

/** `kept`: the story told before the kind of complaint was chosen (see takeTold). */
export function askAbout(turn: Turn, edit: boolean, kept: Draft = { h: [] }, lead: RichText = []): void {
  const t = turn.ctx.t;
  openStep(
    turn,
    'about',
    kept,
    {
      text: [...lead, ...md(turn, 'complaints.start')],
      buttons: [
        ...(Object.keys(ABOUT) as AboutCode[]).map((code) => [
          action(t(`complaints.about.${ABOUT[code]}`), payload('ab', code)),
        ]),
        [action(t('complaints.buttons.appeal'), payload('ap'))],
        [action(t('complaints.buttons.my_tickets'), payload('st')), menuButton(turn)],
      ],
    },
    edit,
  );
}

/** The kind of complaint chosen (pressed, or clear from the story): its next question. */
export function chooseAbout(
  turn: Turn,
  directory: AgencyDirectory,
  draft: Draft,
  about: AboutCode,
  opts: AskOptions = {},
): void {
  const next: Draft = { ...draft, about };
  const edit = opts.edit ?? true;
  if (about === 'as') {
    return next.what
      ? askWish(turn, next, 'about', edit, opts.lead)
      : askWhat(turn, next, 'about', edit, opts.lead);
  }
  const known =
    turn.state.region === 'perm' || turn.state.region === 'volgograd' ? turn.state.region : undefined;
  return known
    ? askAgency(turn, directory, { ...next, region: known }, 'about', opts)
    : askRegion(turn, next, 'about', opts);
}
