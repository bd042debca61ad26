/** A region's places that have offices, as buttons, with the region's hotlines. */
import type { AgencyDirectory, DirectoryRegion } from '../../../services/agencies/agency-directory.js';
import { rows } from '../../reply-builders.js';
import type { Turn } from '../../turn.js';
import { action, md } from '../flow-replies.js';
import { AGENCY_CODE, payload } from './agency-payloads.js';
import { otherPlaceRow } from './finder-buttons.js';
import { hotlineBlocks } from './hotline-blocks.js';

/** `edit`: in place of the finder's question; a button under an answer lists them in a message of their own. */
export function showRegion(
  turn: Turn,
  directory: AgencyDirectory,
  region: DirectoryRegion,
  edit = true,
): void {
  const r = directory.region(region);
  if (!r) return turn.stale();
  const t = turn.ctx.t;
  const withOffices = r.places.filter((p) => directory.agencies.some((a) => a.place === p.id));
  turn.state.flow = { code: AGENCY_CODE, step: 'place', data: { region } };
  turn.send(
    {
      text: [
        ...md(turn, 'agencies.choose_place', { region: t(`regions.${region}`) }),
        ...hotlineBlocks(turn, directory, region),
      ],
      buttons: [
        ...rows(
          withOffices.map((p) => action(p.name, payload('p', p.id))),
          2,
        ),
        otherPlaceRow(turn),
      ],
    },
    edit,
  );
  turn.outcome({ outcome: 'other', detail: `agencies:region:${region}` });
}
