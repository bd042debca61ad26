/** The map link buttons under a listing: one a row, each saying which office it opens. */
import type { Button } from '../../../messaging/outgoing-message.js';
import { type Agency, type AgencyDirectory, streetOf } from '../../../services/agencies/agency-directory.js';
import { rows } from '../../reply-builders.js';
import type { Turn } from '../../turn.js';
import type { Listed } from './listed-offices.js';
import { mapUrl } from './office-address.js';

/** VK cuts a button's label at 40 characters; Telegram shows about as much on a phone in a row of its own. */
const LABEL_CHARS = 40;

/**
 * "🗺 2. ул. Пролетарская, 12": which office a map button opens, by its number in the list and its street ("Карта
 * 1, 2, 3" left an elderly reader matching numbers to cards), else by its short name. One a row, so it is read whole.
 */
function mapLabel(turn: Turn, agency: Agency, n: number): string {
  const t = turn.ctx.t;
  for (const where of [agency.address ? streetOf(agency.address) : undefined, agency.short]) {
    const label = where ? t('agencies.buttons.map_at', { n, where }) : undefined;
    if (label && Array.from(label).length <= LABEL_CHARS) return label;
  }
  return t('agencies.buttons.map', { n });
}

export function mapButtons(turn: Turn, directory: AgencyDirectory, shown: readonly Listed[]): Button[][] {
  const buttons = shown.flatMap(({ agency, n }) => {
    const url = mapUrl(directory, agency);
    return url ? [{ kind: 'link' as const, label: mapLabel(turn, agency, n), url }] : [];
  });
  return rows(buttons, 1);
}
