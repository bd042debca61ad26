/**
 * Where the complaint is addressed: the region, an office of the directory in it, or the office's name typed (a
 * region the directory lacks goes straight to the name).
 */
import type { AgencyDirectory } from '../../../services/agencies/agency-directory.js';
import type { Turn } from '../../turn.js';
import { action, md } from '../flow-replies.js';
import type { Draft, Step } from './complaint-draft.js';
import { payload } from './complaint-payloads.js';
import { fundMeasureNotAtFund, namesSocialFund } from './complaint-words.js';
import { afterAgency } from './detail-questions.js';
import { type AskOptions, consultantRow, controls, openStep } from './step-reply.js';

/** The payload value of the region's Social Fund office, which is not in the directory. */
export const SOCIAL_FUND = 'sfr';

/** The draft's region when the directory has its offices. */
const servedRegion = (draft: Draft) =>
  draft.region === 'perm' || draft.region === 'volgograd' ? draft.region : undefined;

/** The name a complaint gives the Social Fund's office of the draft's region; undefined without a served region. */
export function socialFundOffice(turn: Turn, draft: Draft): string | undefined {
  const region = servedRegion(draft);
  return region ? turn.ctx.t(`complaints.sfr_office.${region}`) : undefined;
}

/**
 * Before the office is asked: a story about a pension or the unified benefit is told that the Social Fund decides it
 * (citizen audit 6: «в соцзащите неправильно посчитали пенсию по старости» went to social protection, which cannot
 * change it).
 * `key`: the note for the list (with the Fund's button) or for the name typed.
 */
function pensionNote(turn: Turn, draft: Draft, key: 'sfr' | 'sfr_name') {
  const measure = draft.what ? fundMeasureNotAtFund(draft.what) : undefined;
  return measure ? md(turn, `complaints.${measure}_${key}`) : [];
}

export function askRegion(turn: Turn, draft: Draft, from?: Step, opts: AskOptions = {}): void {
  const t = turn.ctx.t;
  openStep(
    turn,
    'region',
    draft,
    {
      text: [...(opts.lead ?? []), ...md(turn, 'complaints.ask_region')],
      buttons: [
        [
          action(t('regions.perm'), payload('rg', 'perm')),
          action(t('regions.volgograd'), payload('rg', 'volgograd')),
        ],
        [action(t('regions.other'), payload('rg', 'other'))],
        controls(turn),
        ...consultantRow(turn, opts),
      ],
    },
    opts.edit ?? true,
    from,
  );
}

export function askAgency(
  turn: Turn,
  directory: AgencyDirectory,
  draft: Draft,
  from?: Step,
  opts: AskOptions = {},
): void {
  const t = turn.ctx.t;
  const region = servedRegion(draft);
  if (!region) return askAgencyName(turn, draft, from, opts);
  // «хочу пожаловаться на пенсионный фонд, …» then the region (or a town of it named with the wish): the region's
  // Social Fund office is chosen, as its name typed at the list is; «Назад» shows the list (citizen audit 6, c10: the list was shown as if nothing was said).
  // Only on the way forward: the list gone back to is the list.
  const fund =
    draft.fund || (draft.what && namesSocialFund(draft.what)) ? socialFundOffice(turn, draft) : undefined;
  if (fund && from) {
    const h = draft.h.at(-1) !== from ? [...draft.h, from] : draft.h;
    return afterAgency(turn, { ...draft, h, agencyName: fund }, 'agency', opts.edit ?? true, [
      ...(opts.lead ?? []),
      ...md(turn, 'complaints.agency_taken', { agency: fund }),
    ]);
  }
  const offices = directory.agencies.filter((a) => a.region === region);
  openStep(
    turn,
    'agency',
    draft,
    {
      text: [
        ...(opts.lead ?? []),
        ...pensionNote(turn, draft, 'sfr'),
        ...md(turn, 'complaints.ask_agency', { region: t(`regions.${region}`) }),
      ],
      buttons: [
        // Pensions and federal benefits are decided by the Social Fund, which the directory has no office of: a
        // complaint about them had only the region's offices to choose from (citizen audit 6).
        [action(t('complaints.buttons.agency_sfr'), payload('ag', SOCIAL_FUND))],
        ...offices.map((a) => [action(a.short, payload('ag', a.id))]),
        [
          action(t('complaints.buttons.agency_other'), payload('ag', '-')),
          action(t('complaints.buttons.other_region'), payload('rg')),
        ],
        controls(turn),
        ...consultantRow(turn, opts),
      ],
    },
    opts.edit ?? true,
    from,
  );
}

export function askAgencyName(turn: Turn, draft: Draft, from?: Step, opts: AskOptions = {}): void {
  // In a served region the note came with the list, before «Другое» was pressed.
  const note = servedRegion(draft) ? [] : pensionNote(turn, draft, 'sfr_name');
  openStep(
    turn,
    'agency-name',
    draft,
    {
      text: [...(opts.lead ?? []), ...note, ...md(turn, 'complaints.ask_agency_name')],
      buttons: [controls(turn), ...consultantRow(turn, opts)],
    },
    opts.edit ?? true,
    from,
  );
}
