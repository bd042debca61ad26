/** The offices nearest to a shared location, with distances; or, far from every one, the regions' hotlines. */
import type { Block } from '../../../messaging/rich-text.js';
import type { AgencyDirectory } from '../../../services/agencies/agency-directory.js';
import { nearestAgencies } from '../../../services/agencies/agency-search.js';
import { footerRow } from '../../reply-builders.js';
import type { Turn } from '../../turn.js';
import { md } from '../flow-replies.js';
import { AGENCY_CODE } from './agency-payloads.js';
import { distanceText } from './distance-text.js';
import { otherPlaceRow, regionRow } from './finder-buttons.js';
import { hotlineBlocks } from './hotline-blocks.js';
import { numbered } from './listed-offices.js';
import { mapButtons } from './map-buttons.js';
import { card } from './office-card.js';
import { PAGE } from './place-offices.js';

/** Beyond this, "nearest" is not near: the person is outside the regions the directory covers. */
const FAR_KM = 150;

export function showNearest(turn: Turn, directory: AgencyDirectory, lat: number, lon: number): void {
  const nearest = nearestAgencies(directory, { lat, lon }, PAGE);
  turn.state.flow = { code: AGENCY_CODE, step: 'place', data: {} };
  if (nearest.length === 0 || nearest[0]!.km > FAR_KM) {
    const text: Block[] = [
      ...md(turn, 'agencies.far', { distance: nearest[0] ? distanceText(turn, nearest[0].km) : '—' }),
      ...directory.regions.flatMap((r) => hotlineBlocks(turn, directory, r.region).slice(0, 1)),
    ];
    turn.send({ text, buttons: [regionRow(turn, directory), footerRow(turn.ctx)] });
    turn.outcome({ outcome: 'other', detail: 'agencies:location:far' });
    return;
  }
  turn.state.flow = {
    code: AGENCY_CODE,
    step: 'listed',
    data: { shown: nearest.map((n) => n.agency.id), first: 1 },
  };
  const text: Block[] = [...md(turn, 'agencies.nearest_title')];
  for (const [i, n] of nearest.entries()) text.push(...card(turn, directory, n.agency, i + 1, n));
  if (nearest.some((n) => n.toTownCentre)) text.push(...md(turn, 'agencies.distance_note'));
  text.push(...hotlineBlocks(turn, directory, nearest[0]!.agency.region));
  turn.send({
    text,
    buttons: [
      ...mapButtons(
        turn,
        directory,
        numbered(
          nearest.map((n) => n.agency),
          1,
        ),
      ),
      otherPlaceRow(turn),
    ],
  });
  turn.outcome({ outcome: 'other', detail: 'agencies:location' });
}
