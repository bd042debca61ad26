/**
 * A short question about the offices just listed, read from its words: "а как туда доехать", "а часы работы какие",
 * "а в субботу работают?", "а телефон?". They were read as place names («Не нашёл «а как туда доехать» в
 * справочнике») or as the assistant's own hours. Every word must be one of these questions' or a particle: a message
 * with anything else in it (a measure, a town, "вы", "консультант") is not a follow-up, and goes where it went.
 */
import type { AgencyKind } from '../../services/agencies/agency-directory.js';

export type OfficeQuestion = 'hours' | 'route' | 'phone';

export interface OfficeFollowUp {
  /** What is asked, in the order the reply gives it: hours, route (the address and the map), phone. */
  asks: OfficeQuestion[];
  /** The days asked about (0 = Monday), in the offices' own week: "в субботу" → [5], "в выходные" → [5, 6]. */
  days?: readonly number[];
  /** "сегодня" or "завтра": relative to the office's local date, which only the caller knows. */
  relativeDay?: 0 | 1;
  /** An office named without saying which ("а мфц в субботу работает?"): only that kind of the listed offices. */
  kind?: AgencyKind;
}

const HOURS =
  /^(?:час(?:ы|ов|ам)?|режим\S*|график\S*|работа(?:ет|ют)|работы|открыва\S*|открыт\S*|закрыва\S*|закрыт\S*|обед\S*|перерыв\S*|при[её]мн\S*|при[её]ма|скольки|будн\S*)$/;
const ROUTE =
  /^(?:доехать|доеду|добраться|доберусь|дойти|дойду|пройти|пройду|проехать|проеду|проезд|маршрут\S*|карт[аеуы]?|остановк\S*|автобус\S*|троллейбус\S*|трамва\S*|маршрутк\S*|транспорт\S*|адрес\S*|находит\S*|наход[яи]тся|располож\S*|где)$/;
const PHONE = /^(?:телефон\S*|номер\S*|позвонить|звонить|дозвониться|созвониться|связаться)$/;

/** Day words, Monday first: "в субботу работают?". */
const DAY_WORDS: readonly RegExp[] = [
  /^понедельник\S*$/,
  /^вторник\S*$/,
  /^сред[уае]$/,
  /^четверг\S*$/,
  /^пятниц\S*$/,
  /^суббот\S*$/,
  /^воскресень\S*$/,
];
const WEEKEND = /^выходн\S*$/;
const TODAY = /^сегодня$/;
const TOMORROW = /^завтра$/;

const KIND_WORDS: readonly [RegExp, AgencyKind][] = [
  [/^мфц$/, 'mfc'],
  [/^(?:соцзащит\S*|собес\S*|цсзн|соц|социальн\S*|защит\S*)$/, 'social-protection'],
  [/^(?:сфр|пфр|соцфонд\S*|фонд\S*|пенсионн\S*|клиентск\S*)$/, 'sfr-client-service'],
];

/** Particles, pronouns for the offices ("туда", "у них") and politeness: words that ask nothing of their own. */
const FILLER = new Set(
  (
    'а и ну но же ли так тогда там туда тут сюда это эти этот эта они их им ним них него нее ней он она оно ' +
    'у к в во на по до со с от из за мне нам меня нас я мы можно как какой какая какое какие каким каких когда ' +
    'куда что чем сколько подскажите скажите пожалуйста дайте напишите уточните еще тоже вот они есть лучше ' +
    'быстрее отсюда сейчас всех всё все спасибо хорошо понятно ясно ок ладно офис офиса офисы учреждение ' +
    'учреждения учреждений отделение отделения центр центра их'
  ).split(' '),
);

/** What the message asks about the listed offices, or undefined when it is something else. */
export function officeFollowUp(text: string): OfficeFollowUp | undefined {
  const words = text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^a-zа-я0-9]+/)
    .filter((w) => w.length > 0);
  if (words.length === 0 || words.length > 9) return undefined;
  let hours = false;
  let route = false;
  let phone = false;
  const days = new Set<number>();
  let relativeDay: 0 | 1 | undefined;
  let kind: AgencyKind | undefined;
  for (const w of words) {
    const day = DAY_WORDS.findIndex((re) => re.test(w));
    const named = KIND_WORDS.find(([re]) => re.test(w))?.[1];
    if (day >= 0) days.add(day);
    else if (WEEKEND.test(w)) days.add(5).add(6);
    else if (TODAY.test(w)) relativeDay = 0;
    else if (TOMORROW.test(w)) relativeDay = 1;
    else if (HOURS.test(w)) hours = true;
    else if (ROUTE.test(w)) route = true;
    else if (PHONE.test(w)) phone = true;
    else if (named) kind = named;
    else if (!FILLER.has(w)) return undefined;
  }
  // "когда работают" and "во сколько открывается" are the hours; "а в субботу?" asks whether they are open then.
  if (days.size > 0 || relativeDay !== undefined) hours = true;
  const asks = (
    [
      ['hours', hours],
      ['route', route],
      ['phone', phone],
    ] as const
  ).flatMap(([q, asked]) => (asked ? [q] : []));
  if (asks.length === 0) return undefined;
  return {
    asks,
    ...(days.size > 0 ? { days: [...days].sort() } : {}),
    ...(relativeDay !== undefined && days.size === 0 ? { relativeDay } : {}),
    ...(kind ? { kind } : {}),
  };
}

/** Words asking whether there is one: "а мфц там есть?", "а соцзащита у них имеется?". */
const IS_THERE = /^(?:есть|имеется|имеются|бывает|найдется|нет)$/;

/**
 * An office named with nothing asked of it but whether there is one ("а мфц там есть?", "а соцзащита?"): its kind.
 * Undefined when any other word is in the message.
 */
export function officeNamedAlone(text: string): AgencyKind | undefined {
  const words = text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^a-zа-я0-9]+/)
    .filter((w) => w.length > 0);
  if (words.length === 0 || words.length > 6) return undefined;
  let kind: AgencyKind | undefined;
  for (const w of words) {
    const named = KIND_WORDS.find(([re]) => re.test(w))?.[1];
    if (named) kind = named;
    else if (!FILLER.has(w) && !IS_THERE.test(w)) return undefined;
  }
  return kind;
}
