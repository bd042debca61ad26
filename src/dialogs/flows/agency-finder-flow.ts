/**
 * "Куда обратиться": offices from the directory (data/agencies/) by a typed town or district, or the three nearest
 * to a shared location. A card shows the address, whether the office is open now (in its own time zone), the
 * phone, a map link, and how old the record is. Where the directory is thin it says so and gives the regional
 * hotline instead of guessing. After a listing, "а как туда доехать", "а часы работы какие", "а телефон?" are about
 * the offices listed (their ids are in the flow's state), not place names. A village it lacks ("Ключи") keeps the
 * finder asking for the district or a town nearby; a town of a served region it lacks ("Суксун", from
 * data/search/regions.yaml) gets that region's hotlines, and the questions after it are answered about that town.
 */
import { calendarDate } from '../../i18n/calendar-date.js';
import type { KnowledgeEntry } from '../../knowledge/entry.js';
import type { Button } from '../../messaging/outgoing-message.js';
import { type Block, parseInline, type RichText, type Span } from '../../messaging/rich-text.js';
import type { SearchOutcome } from '../../search/search-types.js';
import {
  type Agency,
  type AgencyDirectory,
  type AgencyKind,
  type DirectoryRegion,
  type Place,
  phoneNumbers,
  streetOf,
} from '../../services/agencies/agency-directory.js';
import {
  agenciesIn,
  findPlaces,
  type NearbyAgency,
  nearestAgencies,
  placeNamedIn,
  wordMatch,
  wordsBesidePlaces,
} from '../../services/agencies/agency-search.js';
import {
  formatTime,
  formatWeeklyHours,
  localTime,
  openState,
  type WeeklyHours,
} from '../../services/agencies/opening-hours.js';
import { encodePayload } from '../payloads.js';
import { footerRow, rows } from '../reply-builders.js';
import type { Turn } from '../turn.js';
import { type OfficeFollowUp, officeFollowUp, officeNamedAlone } from './agency-follow-up.js';
import type { FlowHandler } from './flow-handler.js';
import { action, md, menuButton } from './flow-replies.js';

/** The knowledge-base entry with the federal hotlines (СФР, Госуслуги) and how to find the offices of any region. */
const FEDERAL_CONTACTS_ENTRY = 'hotlines-contacts';

export const AGENCY_CODE = 'ag';
/** Cards in one message: a phone screen. */
const PAGE = 3;
/** Beyond this, "nearest" is not near: the person is outside the regions the directory covers. */
const FAR_KM = 150;
/** Older sources get a warning on the card. */
const STALE_AFTER_YEARS = 2;

export const DEFAULT_AGENCY_TOPICS: readonly string[] = [
  'perm-social-agencies',
  'volgograd-social-agencies',
  'office-hours-contacts',
];

export interface AgencyFinderOptions {
  directory: AgencyDirectory;
  offerTopics?: readonly string[];
}

const payload = (...parts: string[]) => [AGENCY_CODE, ...parts].join(':');

function line(text: string, bold = false): Block {
  return { type: 'paragraph', spans: [bold ? { text, bold: true } : { text }] };
}

/**
 * A phone field with its whole numbers tappable ("приёмная: " stays text); a local number without its area code stays
 * text (no guessing the code: the data gives it where it is certain). Several numbers are separated by ";".
 */
function phoneSpans(phone: string): Span[] {
  const spans: Span[] = [];
  const text = (s: string) => {
    const plain = s.replace(/\s*;\s*/g, ', ');
    if (plain) spans.push({ text: plain });
  };
  let last = 0;
  for (const n of phoneNumbers(phone)) {
    if (!n.dial) continue;
    text(phone.slice(last, n.index));
    spans.push({ text: n.text, href: `tel:${n.dial}` });
    last = n.index + n.text.length;
  }
  text(phone.slice(last));
  return spans;
}

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

/** The address as the card shows it: with the town in front unless it names the town already ("г. Фролово, …"). */
function fullAddress(directory: AgencyDirectory, agency: Agency): string | undefined {
  if (!agency.address) return undefined;
  const place = directory.place(agency.place);
  const town = place?.parent ? directory.place(place.parent) : place;
  if (!town) return agency.address;
  const address = agency.address.toLowerCase().replace(/ё/g, 'е');
  const named = [town.name.toLowerCase().replace(/ё/g, 'е'), ...town.names].some((n) =>
    new RegExp(`(?<![а-яa-z])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![а-яa-z])`).test(address),
  );
  return named ? agency.address : `${town.name}, ${agency.address}`;
}

function distanceText(turn: Turn, km: number): string {
  if (km < 1)
    return turn.ctx.t('agencies.distance_m', { m: Math.max(100, Math.round((km * 1000) / 100) * 100) });
  const rounded = km < 10 ? Math.round(km * 10) / 10 : Math.round(km);
  return turn.ctx.t('agencies.distance_km', { km: String(rounded).replace('.', ',') });
}

function mapUrl(directory: AgencyDirectory, agency: Agency): string | undefined {
  if (agency.coordinates)
    return `https://yandex.ru/maps/?pt=${agency.coordinates.lon},${agency.coordinates.lat}&z=17&l=map`;
  const address = fullAddress(directory, agency);
  return address ? `https://yandex.ru/maps/?text=${encodeURIComponent(address)}` : undefined;
}

/** Lines joined into one paragraph (a card reads as one block on a phone, not as many). */
function joinLines(lines: Span[][]): Block {
  return {
    type: 'paragraph',
    spans: lines.flatMap((spans, i) => (i === 0 ? spans : [{ text: '\n' }, ...spans])),
  };
}

/** "🟢 Сейчас открыто, до 17:30" or when it opens next, in the office's own time. */
function openNow(turn: Turn, hours: WeeklyHours, utcOffsetHours: number): string | undefined {
  const t = turn.ctx.t;
  const state = openState(hours, turn.deps.now, utcOffsetHours);
  if (state.open) return t('agencies.card.open', { time: formatTime(state.closesAt) });
  if (state.opensAt?.today) return t('agencies.card.opens_today', { time: formatTime(state.opensAt.minute) });
  if (state.opensAt)
    return t('agencies.card.opens', {
      day: t('agencies.days').split(',')[state.opensAt.day] ?? '',
      time: formatTime(state.opensAt.minute),
    });
  return undefined;
}

/** One office as a card: its name, then address, open now, hours, phone; then how old the record is. */
function card(
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
  return [line(`${n}. ${agency.name}`, true), joinLines(lines), joinLines(provenance)];
}

/** The hotlines of a region (the fallback everywhere) and its networks' websites. */
/** «Адреса в регионе …» as a row of its own, when the region is known. */
function placesOfRow(turn: Turn, region: DirectoryRegion | undefined): Button[][] {
  if (!region) return [];
  const t = turn.ctx.t;
  return [
    [action(t('agencies.buttons.places_of', { region: t(`regions.${region}`) }), payload('r', region))],
  ];
}

function hotlineBlocks(turn: Turn, directory: AgencyDirectory, region: DirectoryRegion): Block[] {
  const r = directory.region(region);
  if (!r) return [];
  const t = turn.ctx.t;
  const blocks: Block[] = [];
  for (const h of r.hotlines) {
    blocks.push({
      type: 'paragraph',
      spans: [
        { text: t('agencies.hotline', { name: h.name }) },
        ...phoneSpans(h.phone),
        ...(h.hoursText ? [{ text: ` — ${h.hoursText}` }] : []),
      ],
    });
  }
  for (const n of r.networks) {
    if (n.website)
      blocks.push({
        type: 'paragraph',
        spans: [{ text: t('agencies.network', { name: n.name }) }, { text: n.website, href: n.website }],
      });
  }
  return blocks;
}

const KINDS_TO_CHECK: readonly AgencyKind[] = ['sfr-client-service', 'social-protection', 'mfc'];

/** "The directory has no Social Fund offices here…" where some kind of office is missing for a place. */
function thinNotice(turn: Turn, found: readonly Agency[]): RichText {
  const missing = KINDS_TO_CHECK.filter((k) => !found.some((a) => a.kind === k)).map((k) =>
    turn.ctx.t(`agencies.kinds.${k}`),
  );
  return missing.length > 0 ? md(turn, 'agencies.thin', { missing: missing.join(', ') }) : [];
}

/** An office as the list numbered it (its card's number, its map button's). */
interface Listed {
  agency: Agency;
  n: number;
}

const numbered = (agencies: readonly Agency[], first: number): Listed[] =>
  agencies.map((agency, i) => ({ agency, n: first + i }));

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

function mapButtons(turn: Turn, directory: AgencyDirectory, shown: readonly Listed[]): Button[][] {
  const buttons = shown.flatMap(({ agency, n }) => {
    const url = mapUrl(directory, agency);
    return url ? [{ kind: 'link' as const, label: mapLabel(turn, agency, n), url }] : [];
  });
  return rows(buttons, 1);
}

/** Words a question starts with; no town of the directory's regions does. */
const QUESTION_START =
  /^(?:где|как|куда|когда|что|почему|зачем|сколько|какой|какая|какое|какие|кто|можно|подскажите|скажите)(?![а-яё])/;

/** Whether a message asks something rather than names a place. */
const asks = (text: string) => text.includes('?') || QUESTION_START.test(text.trim().toLowerCase());

/** Words asking where to go with a place named: "куда идти", "где", "адрес". */
const GO_VERB =
  /^(?:идти|пойти|сходить|обращаться|обратиться|ехать|поехать|подойти|прийти|звонить|записываться|записаться)$/;
/** An office named without saying which: "соцзащита", "мфц", "пенсионный фонд". */
const OFFICE_WORD =
  /^(?:соцзащит|соц$|защит|социальн|мфц|сфр|пфр|соцфонд|фонд|пенсионн|собес|центр|отделени|управлени|клиентск|служб)/;
/** The rest of a "where do I go" question: particles and politeness. */
const FILLER_WORDS = new Set(
  (
    'а и но мне нам вам же теперь тогда можно лучше там тут здесь вот ли именно подскажите скажите пожалуйста ' +
    'находится находятся есть ближайший ближайшая ближайшее ближайшие с этим этом по вопросу нужно надо у нас'
  ).split(' '),
);

/** A word of a "where do I go" request: where, go, an office, its address, a particle. */
const isWhereWord = (w: string) =>
  w === 'где' ||
  w === 'куда' ||
  /^адрес/.test(w) ||
  GO_VERB.test(w) ||
  OFFICE_WORD.test(w) ||
  FILLER_WORDS.has(w);

const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^a-zа-я0-9]+/)
    .filter((w) => w.length > 0);

/** What an office's card shows besides the address: asked for with a town named after a listing, it is the listing. */
const CARD_WORD = /^(?:телефон|номер|час|режим|график|работ|при[её]м|открыт|закрыт|карт)/;

/**
 * Words of where someone lives or what kind of place, not which one: "я живу в деревне …", "не знаю какой район,
 * рядом …", "с. …".
 */
const PLACE_TALK = new Set(
  (
    'я мы у нас живу живем проживаю проживаем живет живут в во на из под около возле рядом недалеко от близко с д ' +
    'дер деревня деревне деревни село селе села пос поселок поселке поселка п пгт хутор хуторе х станица станице ст ' +
    'аул район районе района р н город городе г ближайший ближайшего не знаю какой какая какое какие это там тут ' +
    'мой моем моей наш нашем нашей свой своем своей р-н'
  ).split(' '),
);
/** A district after its name: "Суксунский район". */
const DISTRICT = /^(?:район|района|районе|округ|округа|округе|р-н)$/;
/** The rest of "как найти мфц", "где расположена соцзащита", "запись в мфц": finding an office, not its place. */
const FINDING_WORD = /^(?:найти|найду|добрат|доехат|запис|при[её]м|располож|наход)/;
/** A plea or a word of asking, not a place: "помогите", "срочно" (the search calls them vague, as it does "Ключи"). */
const PLEA_WORDS =
  /^(?:помог|помоч|помощ|срочн|очень|нужн|вопрос|здравств|добр|привет|пожалуйст|спасиб|ничего|никак|хочу|ответ|слушай|алло|ау|эй|ну|ок|ладно)/;
/** The region's own words ("Пермский край", "Волгоградской области"): a region named, not a town. */
const REGION_WORDS = [
  'пермский',
  'край',
  'прикамье',
  'пермяк',
  'волгоградская',
  'волгоградский',
  'область',
  'обл',
];
const isRegionWord = (w: string) => REGION_WORDS.some((r) => wordMatch(w, r) >= 2);

/** A place the directory lacks, as the citizen named it, and its region when the search's regions know the town. */
interface UnlistedPlace {
  name: string;
  region?: DirectoryRegion;
}

/**
 * A short "where do I go" with nothing else asked: "а куда идти", "куда обращаться", "где соцзащита", "адрес мфц"
 * (the place already left out). "где оформить субсидию во фролово" asks about the subsidy: the search answers it.
 */
function asksWhereToGo(rest: readonly string[]): boolean {
  if (rest.length === 0 || rest.length > 10) return false;
  const cue =
    rest.includes('где') ||
    rest.some((w) => w === 'адрес' || w === 'адреса') ||
    rest.some((w, i) => w === 'куда' && rest.slice(i + 1).some((v) => GO_VERB.test(v)));
  // "где соцзащита, я живу в деревне рядом с Губахой": where one lives is said, nothing else is asked.
  return cue && rest.every((w) => isWhereWord(w) || PLACE_TALK.has(w));
}

export function createAgencyFinderFlow(options: AgencyFinderOptions): FlowHandler {
  const { directory } = options;
  const offerTopics = new Set(options.offerTopics ?? DEFAULT_AGENCY_TOPICS);

  function askPlace(turn: Turn, leadKey?: string): void {
    const t = turn.ctx.t;
    turn.state.flow = { code: AGENCY_CODE, step: 'place', data: {} };
    turn.send({
      text: [...(leadKey ? md(turn, leadKey) : []), ...md(turn, 'agencies.ask')],
      buttons: [
        directory.regions.map((r) => action(t(`regions.${r.region}`), payload('r', r.region))),
        footerRow(turn.ctx),
      ],
      requestLocation: true,
    });
    turn.outcome({ outcome: 'other', detail: 'agencies:ask' });
  }

  /**
   * The place a message names that the directory lacks: a town of a served region (data/search/regions.yaml: "рядом
   * Суксун", "я в Ольховке живу") with that region; else, up to `maxWords`, the words left besides those of where
   * one lives, of asking and of where to go ("деревня Ключи" → «Ключи»), with the region if one is named. Undefined
   * when nothing is left, too much is, or a plea is ("помогите").
   */
  function unlistedPlace(turn: Turn, text: string, maxWords: number): UnlistedPlace | undefined {
    const tokens = text.split(/[^A-Za-zА-Яа-яЁё0-9-]+/).filter((w) => w.length > 0);
    const lower = tokens.map((w) => w.toLowerCase().replace(/ё/g, 'е'));
    const said = (w: string) =>
      PLACE_TALK.has(w) ||
      isWhereWord(w) ||
      QUESTION_START.test(w) ||
      FINDING_WORD.test(w) ||
      isRegionWord(w);
    const name = (at: readonly number[]) => {
      const words = at.map((i) => tokens[i]!).join(' ');
      return words.charAt(0).toUpperCase() + words.slice(1);
    };
    const rest = lower.flatMap((w, i) => (said(w) ? [] : [i]));
    const pleads = rest.some((i) => PLEA_WORDS.test(lower[i]!));
    for (let size = 1; size <= 2; size++) {
      for (let i = 0; i + size <= tokens.length; i++) {
        const window = lower.slice(i, i + size);
        if (window.some(said)) continue;
        const region = turn.deps.understanding.region(window.join(' '));
        if (!region) continue;
        // "Суксунский район"; "Ключи Суксунский район" is the village and its district.
        const end = i + size + (DISTRICT.test(lower[i + size] ?? '') ? 1 : 0);
        const town = name([...Array(end - i).keys()].map((k) => i + k));
        const village = rest.filter((k) => k < i || k >= end);
        return {
          name: village.length > 0 && village.length <= 2 && !pleads ? `${name(village)}, ${town}` : town,
          region,
        };
      }
    }
    if (rest.length === 0 || rest.length > maxWords || pleads) return undefined;
    const region = turn.deps.understanding.region(text);
    return { name: name(rest), ...(region ? { region } : {}) };
  }

  /** The place the finder last said it has no addresses for, while it waits for another place. */
  function lastUnlisted(turn: Turn): UnlistedPlace | undefined {
    const flow = turn.state.flow;
    if (flow?.code !== AGENCY_CODE || flow.step !== 'place' || typeof flow.data.missing !== 'string')
      return undefined;
    const region = flow.data.region;
    return {
      name: flow.data.missing,
      ...(region === 'perm' || region === 'volgograd' ? { region } : {}),
    };
  }

  /** The hotlines of every region, each number once: for a place whose region is not known. */
  function allHotlineBlocks(turn: Turn): Block[] {
    const t = turn.ctx.t;
    const seen = new Set<string>();
    return directory.regions.flatMap((r) =>
      r.hotlines.flatMap((h) => {
        if (seen.has(h.phone)) return [];
        seen.add(h.phone);
        return [
          {
            type: 'paragraph' as const,
            spans: [
              { text: t('agencies.hotline', { name: h.name }) },
              ...phoneSpans(h.phone),
              ...(h.hoursText ? [{ text: ` — ${h.hoursText}` }] : []),
            ],
          },
        ];
      }),
    );
  }

  /**
   * "No addresses for «Кунгур» (Пермский край)" with the region's hotlines, or, where the region is not known,
   * "did not find «Ключи»: which district, which town is near?" with every region's hotlines. The finder keeps
   * waiting for a place, and remembers this one: "а часы работы какие" next is about it.
   */
  function showUnlisted(turn: Turn, place: UnlistedPlace): void {
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
        : [...md(turn, 'agencies.not_found', { text: quoted }), ...allHotlineBlocks(turn)],
      buttons: [
        ...placesOfRow(turn, region),
        directory.regions.map((r) => action(t(`regions.${r.region}`), payload('r', r.region))),
        // Elsewhere in Russia ("Москва"): the federal hotlines and how to find one's MFC and social protection,
        // instead of only a choice between two regions the person does not live in.
        ...(!region && turn.deps.kb.entry(FEDERAL_CONTACTS_ENTRY)
          ? [
              [
                {
                  kind: 'action' as const,
                  label: t('agencies.buttons.federal_contacts'),
                  payload: encodePayload({ a: 'entry', id: FEDERAL_CONTACTS_ENTRY }),
                },
              ],
            ]
          : []),
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
  function answerUnlisted(turn: Turn, place: UnlistedPlace, ask?: OfficeFollowUp, kind?: AgencyKind): void {
    const t = turn.ctx.t;
    const { region } = place;
    const key = !ask ? 'offices' : ask.asks.length > 1 ? 'several' : ask.asks[0]!;
    turn.send({
      text: [
        ...md(turn, `agencies.unlisted.${key}`, {
          place: place.name,
          kind: t(`agencies.kinds.${kind ?? ask?.kind ?? 'social-protection'}`),
        }),
        ...(region ? hotlineBlocks(turn, directory, region) : allHotlineBlocks(turn)),
      ],
      buttons: [
        ...placesOfRow(turn, region),
        [action(t('agencies.buttons.other_place'), payload('go')), menuButton(turn)],
      ],
    });
    turn.outcome({ outcome: 'other', detail: `agencies:unlisted-follow-up:${key}` });
  }

  function showRegion(turn: Turn, region: DirectoryRegion): void {
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
          [action(t('agencies.buttons.other_place'), payload('go')), menuButton(turn)],
        ],
      },
      true,
    );
    turn.outcome({ outcome: 'other', detail: `agencies:region:${region}` });
  }

  function showPlace(turn: Turn, place: Place, page: number, edit: boolean): void {
    const t = turn.ctx.t;
    const all = agenciesIn(directory, place);
    const shown = all.slice(page * PAGE, page * PAGE + PAGE);
    if (shown.length === 0 && page > 0) return turn.stale();
    const text: Block[] = [...md(turn, 'agencies.results_title', { place: place.name, count: all.length })];
    for (const [i, a] of shown.entries()) text.push(...card(turn, directory, a, page * PAGE + i + 1));
    if (page === 0) text.push(...thinNotice(turn, all));
    text.push(...hotlineBlocks(turn, directory, place.region));
    const more = all.length > (page + 1) * PAGE;
    turn.state.flow = {
      code: AGENCY_CODE,
      step: 'listed',
      data: { region: place.region, shown: shown.map((a) => a.id), first: page * PAGE + 1 },
    };
    turn.state.place = place.id;
    turn.send(
      {
        text,
        buttons: [
          ...mapButtons(turn, directory, numbered(shown, page * PAGE + 1)),
          ...(more ? [[action(t('agencies.buttons.more'), payload('p', place.id, String(page + 1)))]] : []),
          [action(t('agencies.buttons.other_place'), payload('go')), menuButton(turn)],
        ],
      },
      edit,
    );
    turn.outcome({ outcome: 'other', detail: `agencies:place:${place.id}` });
  }

  function showNearest(turn: Turn, lat: number, lon: number): void {
    const t = turn.ctx.t;
    const nearest = nearestAgencies(directory, { lat, lon }, PAGE);
    turn.state.flow = { code: AGENCY_CODE, step: 'place', data: {} };
    if (nearest.length === 0 || nearest[0]!.km > FAR_KM) {
      const text: Block[] = [
        ...md(turn, 'agencies.far', { distance: nearest[0] ? distanceText(turn, nearest[0].km) : '—' }),
        ...directory.regions.flatMap((r) => hotlineBlocks(turn, directory, r.region).slice(0, 1)),
      ];
      turn.send({
        text,
        buttons: [
          directory.regions.map((r) => action(t(`regions.${r.region}`), payload('r', r.region))),
          footerRow(turn.ctx),
        ],
      });
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
        [action(t('agencies.buttons.other_place'), payload('go')), menuButton(turn)],
      ],
    });
    turn.outcome({ outcome: 'other', detail: 'agencies:location' });
  }

  /**
   * After a listing, a message naming a town may be a question about something there ("где оформить субсидию во
   * фролово", "какие выплаты положены пенсионерам в волжском"): it leaves the finder for the search when, besides the
   * town and the words of "where do I go", it names something the knowledge base is about, or the search is sure of
   * an answer other than where the offices are. "а в волжском?", "адреса во фролово", "ну а телефон в волжском" are
   * the finder's still. Right after "write your town" a town with a subject ("субсидия, фролово") is where to go for
   * it: the finder keeps it.
   */
  function asksSomethingElse(turn: Turn, text: string, places: Place[], found?: SearchOutcome): boolean {
    if (turn.state.flow?.step !== 'listed') return false;
    const other = wordsBesidePlaces(directory, text, places).filter(
      (w) => !isWhereWord(w) && !CARD_WORD.test(w),
    );
    if (other.length === 0) return false;
    if (turn.deps.understanding.namesSubject(other.join(' '))) return true;
    const top =
      found?.band === 'answer' && found.intent === undefined && found.hits[0]
        ? turn.deps.kb.entry(found.hits[0].entryId)
        : undefined;
    return top !== undefined && !offerTopics.has(top.topic);
  }

  /** The offices of the last listing, with their numbers there (from the flow's state). */
  function listedOffices(turn: Turn): Listed[] {
    const flow = turn.state.flow;
    if (flow?.code !== AGENCY_CODE || flow.step !== 'listed') return [];
    const { shown, first } = flow.data;
    if (!Array.isArray(shown) || typeof first !== 'number') return [];
    return shown.flatMap((id, i) => {
      const agency = typeof id === 'string' ? directory.agency(id) : undefined;
      return agency ? [{ agency, n: first + i }] : [];
    });
  }

  /** "9:00–15:00" on one day, "Сб 9:00–15:00, Вс выходной" on several: what the office's week says for them. */
  function hoursOn(turn: Turn, hours: WeeklyHours, days: readonly number[]): string {
    const t = turn.ctx.t;
    const dayNames = t('agencies.days_short').split(',');
    const on = (d: number) =>
      (hours[d] ?? []).map(([a, b]) => `${formatTime(a)}–${formatTime(b)}`).join(', ') ||
      t('agencies.follow_up.closed');
    return days.length === 1 ? on(days[0]!) : days.map((d) => `${dayNames[d]} ${on(d)}`).join(', ');
  }

  /**
   * "а как туда доехать", "а часы работы какие", "а в субботу работают?", "а телефон?" right after a listing: what
   * the cards say about it, office by office under the numbers of the listing, with the map buttons again. Where the
   * directory lacks it, the phone or the hotline instead.
   */
  function answerFollowUp(turn: Turn, listed: Listed[], ask: OfficeFollowUp): void {
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
      buttons: [
        ...mapButtons(turn, directory, offices),
        [action(t('agencies.buttons.other_place'), payload('go')), menuButton(turn)],
      ],
    });
    turn.outcome({ outcome: 'other', detail: `agencies:follow-up:${ask.asks.join('+')}` });
  }

  function onPlaceText(turn: Turn, text: string, found?: SearchOutcome): boolean {
    const matches = findPlaces(directory, text);
    // "а как туда доехать" after a listing asks about the offices listed, and names no place.
    const listed = matches.length === 0 ? listedOffices(turn) : [];
    const followUp = listed.length > 0 ? officeFollowUp(text) : undefined;
    if (followUp) {
      // "а телефон пенсионного фонда?" after a list without one: the search knows the Social Fund's numbers.
      if (followUp.kind && !listed.some((l) => l.agency.kind === followUp.kind)) return false;
      answerFollowUp(turn, listed, followUp);
      return true;
    }
    // Right after "no addresses for «Кунгур»": "а часы работы какие", "а мфц там есть" are about that place.
    const unlisted = matches.length === 0 ? lastUnlisted(turn) : undefined;
    if (unlisted) {
      const ask = officeFollowUp(text);
      const kind = ask ? undefined : officeNamedAlone(text);
      if (ask || kind) {
        answerUnlisted(turn, unlisted, ask, kind);
        return true;
      }
    }
    // The same asked before any place was named: which place, again (not «Не нашёл «Часы работы»»).
    if (
      matches.length === 0 &&
      !unlisted &&
      turn.state.flow?.step === 'place' &&
      (officeFollowUp(text) || officeNamedAlone(text))
    ) {
      askPlace(turn);
      return true;
    }
    if (
      matches.length > 0 &&
      asksSomethingElse(
        turn,
        text,
        matches.map((m) => m.place),
        found,
      )
    )
      return false;
    if (matches.length === 1) {
      showPlace(turn, matches[0]!.place, 0, false);
      return true;
    }
    if (matches.length > 1) {
      turn.send({
        text: md(turn, 'agencies.choose_match'),
        buttons: [
          ...matches.slice(0, 6).map((m) => [action(m.place.name, payload('p', m.place.id))]),
          footerRow(turn.ctx),
        ],
      });
      turn.outcome({ outcome: 'other', detail: 'agencies:choose' });
      return true;
    }
    // Where the finder asked for the place, one or two words the search finds nothing in ("Ключи", which it reads
    // as vague like "помогите") are a village it lacks: not the menu.
    const askedWhere = turn.state.flow?.step === 'place';
    const short = text.trim().split(/\s+/).length <= 4 && !asks(text);
    const village =
      askedWhere && short && found?.intent === 'vague' ? unlistedPlace(turn, text, 2) : undefined;
    // "спасибо", "да", "позовите человека" after a listing are the conversation's, not a town not found («Не нашёл
    // «спасибо» в справочнике»).
    if (matches.length === 0 && !village && found?.intent !== undefined && found.intent !== 'find_office')
      return false;
    // A long message, or one that asks ("где находится соцзащита" again), is a question, not a town: leave the
    // flow and let search answer it (where an office is, with no place named, asks for the place again). Where the
    // finder asked for the place, a town of the region among words of where one lives is that town ("не знаю какой
    // район, рядом Суксун"), unless they name a subject ("какие пособия в Кунгуре").
    const town = !short && askedWhere ? unlistedPlace(turn, text, 0) : undefined;
    if (!short && !(town && !turn.deps.understanding.namesSubject(text.replace(town.name, ' '))))
      return false;
    const region = town?.region ?? turn.deps.understanding.region(text);
    // "я стою в очереди" after a listing names no town: it is about the queue for housing.
    if (!region && asksSomethingElse(turn, text, [], found)) return false;
    const place = town ?? village ?? unlistedPlace(turn, text, 3);
    showUnlisted(turn, {
      name: place?.name ?? text.trim(),
      ...(region ? { region: place?.region ?? region } : {}),
    });
    return true;
  }

  /**
   * A question outside the finder: a town of the directory named in it is remembered for the button under the
   * answer, and a bare "where do I go" there ("а куда идти во фролово", "где соцзащита во фролово") is that town's
   * offices at once. A region or another town named instead ("адрес мфц в камышине") forgets the town. A question
   * about offices names its town without "в" too ("соцзащита фролово адрес", "мфц волжский телефон").
   */
  function onQuestion(turn: Turn, text: string): boolean {
    const aboutOffices = wordsOf(text).some(
      (w) => w === 'где' || w === 'куда' || /^адрес/.test(w) || OFFICE_WORD.test(w) || CARD_WORD.test(w),
    );
    const named = placeNamedIn(directory, text, { alone: aboutOffices });
    if (!named) {
      if (turn.state.place && turn.deps.understanding.region(text)) turn.state.place = undefined;
      return false;
    }
    turn.state.place = named.place.id;
    if (!asksWhereToGo(named.rest)) return false;
    showPlace(turn, named.place, 0, false);
    return true;
  }

  /**
   * "📍 Адреса и часы работы" under an answer: the remembered town's offices; else, a town of a served region the
   * question named that the directory lacks ("а адрес соцзащиты какой, я в Ольховке живу"), what the finder has for
   * it (its region's hotlines); else the question where. That town goes in the button (within the 64 bytes of a
   * payload): `place` in the dialog's state keeps only the directory's ids.
   */
  function offerButton(turn: Turn): Button {
    const label = turn.ctx.t('agencies.offer');
    const place = turn.state.place ? directory.place(turn.state.place) : undefined;
    if (place) return action(label, payload('p', place.id));
    const text = turn.event.kind === 'text' ? turn.event.text : '';
    const unlisted = text ? unlistedPlace(turn, text, 0) : undefined;
    if (unlisted?.region) {
      const data = payload('u', unlisted.region, unlisted.name.replace(/:/g, ' '));
      if (new TextEncoder().encode(data).length <= 64) return action(label, data);
    }
    return action(label, payload('go'));
  }

  return {
    code: AGENCY_CODE,
    commands: ['where'],
    intents: ['find_office'],
    onIntent(turn) {
      // "где соцзащита я живу в деревне Ключи": the place named, known or not, instead of asking for it again.
      const text = turn.event.kind === 'text' ? turn.event.text : '';
      const known = text ? placeNamedIn(directory, text, { alone: true }) : undefined;
      if (known) return showPlace(turn, known.place, 0, false);
      const place = text ? unlistedPlace(turn, text, 2) : undefined;
      if (place) return showUnlisted(turn, place);
      askPlace(turn);
    },
    menuButtons: (turn) => [action(turn.ctx.t('agencies.menu'), payload('go'))],
    entryButtons: (turn, entry: KnowledgeEntry) => (offerTopics.has(entry.topic) ? [offerButton(turn)] : []),
    onQuestion,
    onCommand(turn, _command, args) {
      if (args.trim() && onPlaceText(turn, args)) return;
      askPlace(turn);
    },
    onButton(turn, raw) {
      const [kind, a, b] = raw.split(':');
      switch (kind) {
        case 'go':
          return askPlace(turn);
        case 'r':
          return a === 'perm' || a === 'volgograd' ? showRegion(turn, a) : turn.stale();
        case 'u': {
          const name = raw.split(':').slice(2).join(':').trim();
          return (a === 'perm' || a === 'volgograd') && name
            ? showUnlisted(turn, { name, region: a })
            : turn.stale();
        }
        case 'p': {
          const place = a ? directory.place(a) : undefined;
          const page = b === undefined ? 0 : Number(b);
          if (!place || !Number.isInteger(page) || page < 0) return turn.stale();
          return showPlace(turn, place, page, page > 0);
        }
        default:
          return turn.stale();
      }
    },
    onText(turn, text, found) {
      return onPlaceText(turn, text, found);
    },
    onLocation(turn, latitude, longitude) {
      showNearest(turn, latitude, longitude);
      return true;
    },
  };
}
