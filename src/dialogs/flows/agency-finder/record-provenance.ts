/** How far a card's record can be trusted: its source, how old it is, and where to check it. */
import { calendarDate } from '../../../i18n/calendar-date.js';
import { parseInline, type Span } from '../../../messaging/rich-text.js';
import type { Agency, AgencyDirectory } from '../../../services/agencies/agency-directory.js';
import type { Turn } from '../../turn.js';

/** Older sources get a warning on the card. */
const STALE_AFTER_YEARS = 2;

function sourceDate(turn: Turn, asOf: string): string {
  if (asOf === 'unknown') return turn.ctx.t('agencies.date_unknown');
  return calendarDate(asOf);
}

function isStale(asOf: string, now: number): boolean {
  if (asOf === 'unknown') return true;
  const year = Number(asOf.slice(0, 4));
  return new Date(now).getUTCFullYear() - year >= STALE_AFTER_YEARS;
}

function shortSource(source: string): string {
  const first = source.split(' ; ')[0]!.trim();
  const url = /^https?:\/\/([^/\s]+)/.exec(first);
  if (url) return url[1]!.replace(/^www\./, '');
  return first.length > 100 ? `${first.slice(0, first.lastIndexOf(' ', 99))}…` : first;
}

/**
 * A source given as a description rather than a page ("неофициальный Telegram-бот для студентов ПНИПУ", "GitHub
 * …/praktikadiplom (учебная копия сайта центра)"): a copy nobody can open and check. Citizens read that as
 * untrustworthy or do not understand it, so the card says plainly that the record is unverified; the curators keep
 * the provenance in the data.
 */
const isSecondhand = (agency: Agency) => !/^https?:\/\//.test(agency.source.trim());

/** Where to check a record: the office's own website, else its network's (all МФЦ of the region). */
function officialWebsite(directory: AgencyDirectory, agency: Agency): string | undefined {
  return (
    agency.website ??
    directory.region(agency.region)?.networks.find((n) => n.kind === agency.kind && n.website)?.website
  );
}

/** The card's last lines: unverified (and where to check), or the source with a warning when it is old or unsure. */
export function provenanceLines(turn: Turn, directory: AgencyDirectory, agency: Agency): Span[][] {
  const t = turn.ctx.t;
  const date = sourceDate(turn, agency.asOf);
  const provenance: Span[][] = [];
  const website = officialWebsite(directory, agency);
  if (isSecondhand(agency)) {
    provenance.push(
      website
        ? parseInline(
            t('agencies.card.secondhand_site', {
              date,
              website: `[${shortSource(website)}](${website})`,
            }),
          )
        : [{ text: t('agencies.card.secondhand', { date }) }],
    );
  } else {
    if (isStale(agency.asOf, turn.deps.now) || agency.confidence === 'low')
      provenance.push([{ text: t('agencies.card.stale', { date }) }]);
    provenance.push([{ text: t('agencies.card.source', { source: shortSource(agency.source), date }) }]);
  }
  return provenance;
}
