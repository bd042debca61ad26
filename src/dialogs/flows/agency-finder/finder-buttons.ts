/** The rows of buttons the finder's replies share: the regions, a region's addresses, another place and the menu. */
import type { Button } from '../../../messaging/outgoing-message.js';
import type { AgencyDirectory, DirectoryRegion } from '../../../services/agencies/agency-directory.js';
import { encodePayload } from '../../payloads.js';
import { HOTLINES_ENTRY } from '../../reply-builders.js';
import type { Turn } from '../../turn.js';
import { action, menuButton } from '../flow-replies.js';
import { payload } from './agency-payloads.js';

/** A button for each region of the directory: its places. */
export function regionRow(turn: Turn, directory: AgencyDirectory, except?: DirectoryRegion): Button[] {
  const t = turn.ctx.t;
  return directory.regions
    .filter((r) => r.region !== except)
    .map((r) => action(t(`regions.${r.region}`), payload('r', r.region)));
}

/** «Адреса в регионе …» as a row of its own, when the region is known. */
export function placesOfRow(turn: Turn, region: DirectoryRegion | undefined): Button[][] {
  if (!region) return [];
  const t = turn.ctx.t;
  return [
    [action(t('agencies.buttons.places_of', { region: t(`regions.${region}`) }), payload('r', region))],
  ];
}

/** «Другой город» and «Меню», under every listing. */
export function otherPlaceRow(turn: Turn): Button[] {
  return [action(turn.ctx.t('agencies.buttons.other_place'), payload('go')), menuButton(turn)];
}

/**
 * «📞 Другой регион: горячие линии»: the federal hotlines and how to find one's MFC and social protection (the
 * knowledge base's hotlines entry), for someone elsewhere in Russia; none when the base lacks the entry.
 */
export function federalContactsRow(turn: Turn): Button[][] {
  return turn.deps.kb.entry(HOTLINES_ENTRY)
    ? [
        [
          action(
            turn.ctx.t('agencies.buttons.federal_contacts'),
            encodePayload({ a: 'entry', id: HOTLINES_ENTRY }),
          ),
        ],
      ]
    : [];
}
