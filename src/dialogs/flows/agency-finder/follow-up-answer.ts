/**
 * "а как туда доехать", "а часы работы какие", "а в субботу работают?", "а телефон?" right after a listing: what
 * the cards say about it, office by office under the numbers of the listing, with the map buttons again. Where the
 * directory lacks it, the phone or the hotline instead.
 */
import type { Block, Span } from '../../../messaging/rich-text.js';
import type { AgencyDirectory } from '../../../services/agencies/agency-directory.js';
import {
  formatTime,
  formatWeeklyHours,
  localTime,
  type WeeklyHours,
} from '../../../services/agencies/opening-hours.js';
import type { Turn } from '../../turn.js';
import type { OfficeFollowUp } from '../agency-follow-up.js';
import { md } from '../flow-replies.js';
import { otherPlaceRow } from './finder-buttons.js';
import { hotlineBlocks } from './hotline-blocks.js';
import type { Listed } from './listed-offices.js';
import { mapButtons } from './map-buttons.js';
import { fullAddress, mapUrl } from './office-address.js';
import { joinLines, line } from './office-card.js';
import { openNow } from './open-now.js';
import { phoneSpans } from './phone-spans.js';

/** "9:00–15:00" on one day, "Сб 9:00–15:00, Вс выходной" on several: what the office's week says for them. */
function hoursOn(turn: Turn, hours: WeeklyHours, days: readonly number[]): string {
  const t = turn.ctx.t;
  const dayNames = t('agencies.days_short').split(',');
  const on = (d: number) =>
    (hours[d] ?? []).map(([a, b]) => `${formatTime(a)}–${formatTime(b)}`).join(', ') ||
    t('agencies.follow_up.closed');
  return days.length === 1 ? on(days[0]!) : days.map((d) => `${dayNames[d]} ${on(d)}`).join(', ');
}

export function answerFollowUp(
  turn: Turn,
  directory: AgencyDirectory,
  listed: Listed[],
  ask: OfficeFollowUp,
): void {
  const t = turn.ctx.t;
  const offices = ask.kind ? listed.filter((l) => l.agency.kind === ask.kind) : listed;
  const region = directory.region(offices[0]!.agency.region);
  const offset = region?.utcOffsetHours ?? 3;
  const days =
    ask.days ??
    (ask.relativeDay !== undefined
      ? [(localTime(turn.deps.now, offset).day + ask.relativeDay) % 7]
      : undefined);
  const dayName =
    ask.relativeDay === 0 && !ask.days
      ? t('agencies.follow_up.today')
      : ask.relativeDay === 1 && !ask.days
        ? t('agencies.follow_up.tomorrow')
        : days?.length === 2 && days[0] === 5 && days[1] === 6
          ? t('agencies.follow_up.weekend')
          : days?.map((d) => t('agencies.days').split(',')[d]).join(t('agencies.follow_up.and'));
  const title =
    ask.asks.length > 1
      ? t('agencies.follow_up.several')
      : ask.asks[0] === 'hours' && dayName
        ? t('agencies.follow_up.hours_on', { day: dayName })
        : t(`agencies.follow_up.${ask.asks[0]}`);
  const text: Block[] = [line(title, true)];
  let missing = false;
  for (const { agency, n } of offices) {
    const lines: Span[][] = [];
    let phoneWanted = ask.asks.includes('phone');
    if (ask.asks.includes('hours')) {
      if (agency.hours) {
        const week = days
          ? hoursOn(turn, agency.hours, days)
          : formatWeeklyHours(agency.hours, t('agencies.days_short').split(','));
        lines.push([{ text: t('agencies.card.hours', { hours: week }) }]);
        const now = !days || ask.relativeDay === 0 ? openNow(turn, agency.hours, offset) : undefined;
        if (now) lines.push([{ text: now }]);
      } else {
        lines.push([{ text: t('agencies.card.no_hours') }]);
        phoneWanted = true;
        missing ||= !agency.phone;
      }
    }
    if (ask.asks.includes('route')) {
      const address = fullAddress(directory, agency);
      lines.push([
        { text: address ? t('agencies.card.address', { address }) : t('agencies.follow_up.no_address') },
      ]);
      if (!address) {
        phoneWanted = true;
        missing ||= !agency.phone;
      }
    }
    if (phoneWanted) {
      if (agency.phone) lines.push([{ text: t('agencies.card.phone') }, ...phoneSpans(agency.phone)]);
      else if (ask.asks.includes('phone')) {
        lines.push([{ text: t('agencies.follow_up.no_phone') }]);
        missing = true;
      }
    }
    // The office and what was asked about it in one block: three short blocks read on one phone screen.
    text.push(joinLines([[{ text: `${n}. ${agency.short}`, bold: true }], ...lines]));
  }
  if (ask.asks.includes('route') && offices.some((o) => mapUrl(directory, o.agency)))
    text.push(...md(turn, 'agencies.follow_up.route_hint'));
  if (missing && region)
    text.push(...md(turn, 'agencies.follow_up.missing'), ...hotlineBlocks(turn, directory, region.region));
  turn.send({
    text,
    buttons: [...mapButtons(turn, directory, offices), otherPlaceRow(turn)],
  });
  turn.outcome({ outcome: 'other', detail: `agencies:follow-up:${ask.asks.join('+')}` });
}
