/**
 * "Куда обратиться": offices from the directory (data/agencies/) by a typed town or district, or the three nearest
 * to a shared location. A card shows the address, whether the office is open now (in its own time zone), the
 * phone, a map link, and how old the record is. Where the directory is thin it says so and gives the regional
 * hotline instead of guessing. After a listing, "а как туда доехать", "а часы работы какие", "а телефон?" are about
 * the offices listed (their ids are in the flow's state), not place names. A village it lacks ("Ключи") keeps the
 * finder asking for the district or a town nearby; a town of a served region it lacks ("Суксун", from
 * data/search/regions.yaml) gets that region's hotlines, and the questions after it are answered about that town.
 */
import type { KnowledgeEntry } from '../../knowledge/entry.js';
import type { SpecialIntent } from '../../search/search-types.js';
import { AGENCY_KINDS, type AgencyDirectory } from '../../services/agencies/agency-directory.js';
import { placeNamedIn } from '../../services/agencies/agency-search.js';
import { AGENCY_CODE, payload } from './agency-finder/agency-payloads.js';
import { askPlace } from './agency-finder/ask-place.js';
import { showElsewhere } from './agency-finder/elsewhere-place.js';
import { asksOfficeHours, officeKindAsked, wordsOf } from './agency-finder/message-words.js';
import { showNearest } from './agency-finder/nearest-offices.js';
import { directoryRegion, NEW_MESSAGE, offerButton } from './agency-finder/offer-button.js';
import { showPlace } from './agency-finder/place-offices.js';
import { onQuestion } from './agency-finder/question-place.js';
import { showRegion } from './agency-finder/region-places.js';
import { onPlaceText } from './agency-finder/typed-place.js';
import { unlistedPlace } from './agency-finder/unlisted-place.js';
import { showUnlisted } from './agency-finder/unlisted-replies.js';
import type { FlowHandler } from './flow-handler.js';
import { action } from './flow-replies.js';

export { AGENCY_CODE } from './agency-finder/agency-payloads.js';

export const DEFAULT_AGENCY_TOPICS: readonly string[] = [
  'perm-social-agencies',
  'volgograd-social-agencies',
  'office-hours-contacts',
];

/** The special intents whose own reply sends the citizen to a local office: the displaced people's. */
export const DEFAULT_AGENCY_INTENTS: readonly SpecialIntent[] = ['displaced'];

export interface AgencyFinderOptions {
  directory: AgencyDirectory;
  offerTopics?: readonly string[];
  offerIntents?: readonly SpecialIntent[];
}

export function createAgencyFinderFlow(options: AgencyFinderOptions): FlowHandler {
  const { directory } = options;
  const offerTopics = new Set(options.offerTopics ?? DEFAULT_AGENCY_TOPICS);
  const offerIntents = new Set(options.offerIntents ?? DEFAULT_AGENCY_INTENTS);
  return {
    code: AGENCY_CODE,
    commands: ['where'],
    intents: ['find_office'],
    onIntent(turn) {
      // "где соцзащита я живу в деревне Ключи": the place named, known or not, instead of asking for it again.
      const text = turn.event.kind === 'text' ? turn.event.text : '';
      const known = text ? placeNamedIn(directory, text, { alone: true }) : undefined;
      if (known) return showPlace(turn, directory, known.place, 0, false, officeKindAsked(wordsOf(text)));
      // «где соцзащита в казани»: another region's offices are not in the directory. It got «Не нашёл «Казани»» with
      // the Perm ministry's hotlines (citizen audit 6); the federal lines and where that region's offices are found.
      if (text && showElsewhere(turn, text, true)) return;
      // «соцзащита в субботу работает?» names no place: «Субботу работает» is none (citizen audit 6).
      const place = text && !asksOfficeHours(wordsOf(text)) ? unlistedPlace(turn, text, 2) : undefined;
      if (place) return showUnlisted(turn, directory, place);
      askPlace(turn, directory);
    },
    // The town named before («я живу в камышине, …») is where «📍 Куда обратиться» (pressed or typed: «а куда
    // обращаться») goes at once; its offices come with «Другой город». It asked «Напишите ваш город» again.
    // The region alone («я живу в даниловке волгоградской области»): its towns that have offices and its hotline.
    menuButtons: (turn) => {
      const place = turn.state.place ? directory.place(turn.state.place) : undefined;
      const region = directoryRegion(turn);
      return [
        action(
          turn.ctx.t('agencies.menu'),
          place ? payload('p', place.id) : region ? payload('r', region, NEW_MESSAGE) : payload('go'),
        ),
      ];
    },
    // Under the contacts, and under any measure applied for in person when the citizen named their town or their
    // region: «прожиточный минимум в волгоградской области» had no button, «а в волгограде» after another card had one
    // (citizen audit 7, L5). With the region only, the button lists the region's towns that have offices.
    entryButtons: (turn, entry: KnowledgeEntry) =>
      offerTopics.has(entry.topic) ||
      ((turn.state.place !== undefined || directoryRegion(turn) !== undefined) &&
        entry.sections.apply !== undefined)
        ? [offerButton(turn, directory)]
        : [],
    // Under the displaced people's reply, which sends them to the offices where they are now (citizen audit 7).
    intentButtons: (turn, intent) =>
      offerIntents.has(intent) ? [offerButton(turn, directory, 'agencies.menu')] : [],
    onQuestion: (turn, text) => onQuestion(turn, directory, text),
    onCommand(turn, _command, args) {
      if (args.trim() && onPlaceText(turn, directory, offerTopics, args)) return;
      askPlace(turn, directory);
    },
    onButton(turn, raw) {
      const [kind, a, b, c] = raw.split(':');
      switch (kind) {
        case 'go':
          return askPlace(turn, directory);
        case 'r':
          return a === 'perm' || a === 'volgograd'
            ? showRegion(turn, directory, a, b !== NEW_MESSAGE)
            : turn.stale();
        case 'u': {
          const name = raw.split(':').slice(2).join(':').trim();
          return (a === 'perm' || a === 'volgograd') && name
            ? showUnlisted(turn, directory, { name, region: a })
            : turn.stale();
        }
        case 'p': {
          const place = a ? directory.place(a) : undefined;
          const page = b === undefined ? 0 : Number(b);
          if (!place || !Number.isInteger(page) || page < 0) return turn.stale();
          const asked = AGENCY_KINDS.find((k) => k === c);
          return showPlace(turn, directory, place, page, page > 0, asked);
        }
        default:
          return turn.stale();
      }
    },
    onText(turn, text, found) {
      return onPlaceText(turn, directory, offerTopics, text, found);
    },
    onLocation(turn, latitude, longitude) {
      showNearest(turn, directory, latitude, longitude);
      return true;
    },
  };
}
