/** One office as a card: its name, then address, open now, hours, phone; then how old the record is. */
import type { Block, Span } from '../../../messaging/rich-text.js';
import type { Agency, AgencyDirectory } from '../../../services/agencies/agency-directory.js';
import type { NearbyAgency } from '../../../services/agencies/agency-search.js';
import { formatWeeklyHours } from '../../../services/agencies/opening-hours.js';
import type { Turn } from '../../turn.js';
import { distanceText } from './distance-text.js';
import { fullAddress } from './office-address.js';
import { openNow } from './open-now.js';
import { phoneSpans } from './phone-spans.js';
import { provenanceLines } from './record-provenance.js';

export function line(text: string, bold = false): Block {
  return { type: 'paragraph', spans: [bold ? { text, bold: true } : { text }] };
}

/** Lines joined into one paragraph (a card reads as one block on a phone, not as many). */
export function joinLines(lines: Span[][]): Block {
  return {
    type: 'paragraph',
    spans: lines.flatMap((spans, i) => (i === 0 ? spans : [{ text: '\n' }, ...spans])),
  };
}

/** `n`: the office's number in the listing; `nearby`: how far it is from a shared location. */
export function card(
  turn: Turn,
  directory: AgencyDirectory,
  agency: Agency,
  n: number,
  nearby?: NearbyAgency,
): Block[] {
  const t = turn.ctx.t;
  const region = directory.region(agency.region);
  const place = directory.place(agency.place);
  const details: string[] = [];
  const address = fullAddress(directory, agency);
  details.push(address ? t('agencies.card.address', { address }) : t('agencies.card.no_address'));
  if (place && !address) details.push(t('agencies.card.place', { place: place.name }));
  if (agency.hours && region) {
    const now = openNow(turn, agency.hours, region.utcOffsetHours);
    if (now) details.push(now);
    details.push(
      t('agencies.card.hours', {
        hours: formatWeeklyHours(agency.hours, t('agencies.days_short').split(',')),
      }),
    );
  } else {
    details.push(t('agencies.card.no_hours'));
  }
  const lines: Span[][] = details.map((d) => [{ text: d }]);
  if (agency.phone) lines.push([{ text: t('agencies.card.phone') }, ...phoneSpans(agency.phone)]);
  if (agency.about) lines.push([{ text: t('agencies.card.about', { about: agency.about }) }]);
  if (nearby) {
    lines.push([
      {
        text: nearby.toTownCentre
          ? t('agencies.card.distance_centre', {
              distance: distanceText(turn, nearby.km),
              place: place?.name ?? '',
            })
          : t('agencies.card.distance', { distance: distanceText(turn, nearby.km) }),
      },
    ]);
  }
  const provenance = provenanceLines(turn, directory, agency);
  return [line(`${n}. ${agency.name}`, true), joinLines(lines), joinLines(provenance)];
}
