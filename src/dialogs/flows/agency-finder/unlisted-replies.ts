/**
 * What the finder says for a place the directory lacks: no addresses there, the hotlines instead, and answers to
 * questions about that place's offices that follow.
 */
import type { AgencyDirectory, AgencyKind } from '../../../services/agencies/agency-directory.js';
import { footerRow } from '../../reply-builders.js';
import type { Turn } from '../../turn.js';
import type { OfficeFollowUp } from '../agency-follow-up.js';
import { md } from '../flow-replies.js';
import { AGENCY_CODE } from './agency-payloads.js';
import { federalContactsRow, otherPlaceRow, placesOfRow, regionRow } from './finder-buttons.js';
import { allHotlineBlocks, hotlineBlocks } from './hotline-blocks.js';
import type { UnlistedPlace } from './unlisted-place.js';

/**
 * "No addresses for «Кунгур» (Пермский край)" with the region's hotlines, or, where the region is not known,
 * "did not find «Ключи»: which district, which town is near?" with every region's hotlines. The finder keeps
 * waiting for a place, and remembers this one: "а часы работы какие" next is about it.
 */
export function showUnlisted(turn: Turn, directory: AgencyDirectory, place: UnlistedPlace): void {
  const t = turn.ctx.t;
  const { region } = place;
  const quoted = place.name.slice(0, 60);
  // The region's МФЦ website where the directory has one; none is promised where it has not (Volgograd).
  const site = region ? directory.region(region)?.networks.some((n) => n.website) : false;
  turn.state.flow = {
    code: AGENCY_CODE,
    step: 'place',
    data: { missing: quoted, ...(region ? { region } : {}) },
  };
  turn.state.place = undefined;
  turn.send({
    text: region
      ? [
          ...md(turn, site ? 'agencies.not_in_directory' : 'agencies.not_in_directory_no_site', {
            text: quoted,
            region: t(`regions.${region}`),
          }),
          ...hotlineBlocks(turn, directory, region),
        ]
      : [...md(turn, 'agencies.not_found', { text: quoted }), ...allHotlineBlocks(turn, directory)],
    buttons: [
      ...placesOfRow(turn, region),
      // The known region is «Адреса: …» above; the row offers only the other one («Пермский край» twice, the same
      // button, was a citizen's puzzle).
      regionRow(turn, directory, region),
      // Elsewhere in Russia ("Москва"): the federal hotlines and how to find one's MFC and social protection,
      // instead of only a choice between two regions the person does not live in.
      ...(region ? [] : federalContactsRow(turn)),
      footerRow(turn.ctx),
    ],
    requestLocation: !region,
  });
  turn.outcome({ outcome: 'other', detail: region ? 'agencies:thin' : 'agencies:not-found' });
}

/**
 * "а часы работы какие", "а мфц там есть" right after "no addresses for «Кунгур»": the directory has none for that
 * place, said plainly, with the hotlines. It was read as a place name («Не нашёл «а часы работы какие»»).
 */
export function answerUnlisted(
  turn: Turn,
  directory: AgencyDirectory,
  place: UnlistedPlace,
  ask?: OfficeFollowUp,
  kind?: AgencyKind,
): void {
  const t = turn.ctx.t;
  const { region } = place;
  const key = !ask ? 'offices' : ask.asks.length > 1 ? 'several' : ask.asks[0]!;
  turn.send({
    text: [
      ...md(turn, `agencies.unlisted.${key}`, {
        place: place.name,
        kind: t(`agencies.kinds.${kind ?? ask?.kind ?? 'social-protection'}`),
      }),
      ...(region ? hotlineBlocks(turn, directory, region) : allHotlineBlocks(turn, directory)),
    ],
    buttons: [...placesOfRow(turn, region), otherPlaceRow(turn)],
  });
  turn.outcome({ outcome: 'other', detail: `agencies:unlisted-follow-up:${key}` });
}
