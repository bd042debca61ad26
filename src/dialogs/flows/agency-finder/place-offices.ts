/** A place's offices, a page of cards at a time, with the map buttons and the region's hotlines. */
import type { Block } from '../../../messaging/rich-text.js';
import type { AgencyDirectory, AgencyKind, Place } from '../../../services/agencies/agency-directory.js';
import { agenciesIn } from '../../../services/agencies/agency-search.js';
import type { Turn } from '../../turn.js';
import { action, md } from '../flow-replies.js';
import { AGENCY_CODE, payload } from './agency-payloads.js';
import { otherPlaceRow } from './finder-buttons.js';
import { hotlineBlocks } from './hotline-blocks.js';
import { numbered } from './listed-offices.js';
import { mapButtons } from './map-buttons.js';
import { card } from './office-card.js';
import { thinNotice } from './thin-notice.js';

/** Cards in one message: a phone screen. */
export const PAGE = 3;

/** The listed offices' ids and first number go into the flow's state: questions about them follow. */
export function showPlace(
  turn: Turn,
  directory: AgencyDirectory,
  place: Place,
  page: number,
  edit: boolean,
  asked?: AgencyKind,
): void {
  const t = turn.ctx.t;
  const all = agenciesIn(directory, place, asked);
  const shown = all.slice(page * PAGE, page * PAGE + PAGE);
  if (shown.length === 0 && page > 0) return turn.stale();
  const text: Block[] = [...md(turn, 'agencies.results_title', { place: place.name, count: all.length })];
  // The kind asked for and not there («где пенсионный фонд» and no Social Fund office) is said first, not after the
  // other offices' cards (citizen audit 6).
  const askedMissing = asked !== undefined && !all.some((a) => a.kind === asked);
  if (page === 0 && askedMissing) text.push(...thinNotice(turn, all));
  for (const [i, a] of shown.entries()) text.push(...card(turn, directory, a, page * PAGE + i + 1));
  if (page === 0 && !askedMissing) text.push(...thinNotice(turn, all));
  text.push(...hotlineBlocks(turn, directory, place.region));
  const more = all.length > (page + 1) * PAGE;
  turn.state.flow = {
    code: AGENCY_CODE,
    step: 'listed',
    data: { region: place.region, shown: shown.map((a) => a.id), first: page * PAGE + 1 },
  };
  turn.state.place = place.id;
  // Offices looked up in a town say where the person lives, as the town named in a message does: «а сколько единое
  // пособие» after Волжский's offices gave the national amounts. A region said before stays.
  if (!turn.state.region) turn.setRegion(place.region);
  turn.send(
    {
      text,
      buttons: [
        ...mapButtons(turn, directory, numbered(shown, page * PAGE + 1)),
        ...(more
          ? [
              [
                action(
                  t('agencies.buttons.more'),
                  payload('p', place.id, String(page + 1), ...(asked ? [asked] : [])),
                ),
              ],
            ]
          : []),
        otherPlaceRow(turn),
      ],
    },
    edit,
  );
  turn.outcome({ outcome: 'other', detail: `agencies:place:${place.id}` });
}
