/**
 * The words the finder reads a message by: asking, where to go, an office, what a card shows, where one lives, a
 * plea, a region. They tell a place named from a question asked about one.
 */
import type { AgencyKind } from '../../../services/agencies/agency-directory.js';
import { wordMatch } from '../../../services/agencies/agency-search.js';

/** Words a question starts with; no town of the directory's regions does. */
export const QUESTION_START =
  /^(?:где|как|куда|когда|что|почему|зачем|сколько|какой|какая|какое|какие|кто|можно|подскажите|скажите)(?![а-яё])/;

/** Whether a message asks something rather than names a place. */
export const asks = (text: string) => text.includes('?') || QUESTION_START.test(text.trim().toLowerCase());

/** Words asking where to go with a place named: "куда идти", "где", "адрес". */
const GO_VERB =
  /^(?:идти|пойти|сходить|обращаться|обратиться|ехать|поехать|подойти|прийти|звонить|записываться|записаться)$/;
/** An office named without saying which: "соцзащита", "мфц", "пенсионный фонд". */
export const OFFICE_WORD =
  /^(?:соцзащит|соц$|защит|социальн|мфц|сфр|пфр|соцфонд|фонд|пенсионн|собес|центр|отделени|управлени|клиентск|служб)/;
/** The rest of a "where do I go" question: particles and politeness. */
const FILLER_WORDS = new Set(
  (
    'а и но мне нам вам же теперь тогда можно лучше там тут здесь вот ли именно подскажите скажите пожалуйста ' +
    'находится находятся есть ближайший ближайшая ближайшее ближайшие с этим этом по вопросу нужно надо у нас'
  ).split(' '),
);

/** A word of a "where do I go" request: where, go, an office, its address, a particle. */
export const isWhereWord = (w: string) =>
  w === 'где' ||
  w === 'куда' ||
  /^адрес/.test(w) ||
  GO_VERB.test(w) ||
  OFFICE_WORD.test(w) ||
  FILLER_WORDS.has(w);

export const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^a-zа-я0-9]+/)
    .filter((w) => w.length > 0);

/** What an office's card shows besides the address: asked for with a town named after a listing, it is the listing. */
export const CARD_WORD = /^(?:телефон|номер|час|режим|график|работ|при[её]м|открыт|закрыт|карт)/;

/**
 * Words of where someone lives or what kind of place, not which one: "я живу в деревне …", "не знаю какой район,
 * рядом …", "с. …".
 */
export const PLACE_TALK = new Set(
  (
    'я мы у нас живу живем проживаю проживаем живет живут в во на из под около возле рядом недалеко от близко с д ' +
    'дер деревня деревне деревни село селе села пос поселок поселке поселка п пгт хутор хуторе х станица станице ст ' +
    'аул район районе района р н город городе г ближайший ближайшего не знаю какой какая какое какие это там тут ' +
    'мой моем моей наш нашем нашей свой своем своей р-н'
  ).split(' '),
);
/** A district after its name: "Суксунский район". */
export const DISTRICT = /^(?:район|района|районе|округ|округа|округе|р-н)$/;
/** The rest of "как найти мфц", "где расположена соцзащита", "запись в мфц": finding an office, not its place. */
export const FINDING_WORD = /^(?:найти|найду|добрат|доехат|запис|при[её]м|располож|наход)/;
/** A plea or a word of asking, not a place: "помогите", "срочно" (the search calls them vague, as it does "Ключи"). */
export const PLEA_WORDS =
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
export const isRegionWord = (w: string) => REGION_WORDS.some((r) => wordMatch(w, r) >= 2);

/**
 * A short "where do I go" with nothing else asked: "а куда идти", "куда обращаться", "где соцзащита", "адрес мфц"
 * (the place already left out). "где оформить субсидию во фролово" asks about the subsidy: the search answers it.
 */
export function asksWhereToGo(rest: readonly string[]): boolean {
  if (rest.length === 0 || rest.length > 10) return false;
  const cue =
    rest.includes('где') ||
    rest.some((w) => w === 'адрес' || w === 'адреса') ||
    rest.some((w, i) => w === 'куда' && rest.slice(i + 1).some((v) => GO_VERB.test(v)));
  // "где соцзащита, я живу в деревне рядом с Губахой": where one lives is said, nothing else is asked.
  return cue && rest.every((w) => isWhereWord(w) || PLACE_TALK.has(w));
}

/** Words of asking an office's hours: «во сколько работает», «в субботу открыто», «какой график». */
const HOURS_WORDS = new Set(
  (
    'во сколько до скольки скольких со с какого времени график графику режим работы часы работает работают ' +
    'работаете открыт открыта открыто открыты закрыт закрыта закрыто открывается закрывается в по субботу субботам ' +
    'воскресенье воскресеньям выходные выходным сегодня завтра сейчас ли какой какие какое у них'
  ).split(' '),
);
/** The words among them that ask the hours (and not only whether it exists). */
const HOURS_CUE =
  /^(?:скольки|скольких|график|режим|часы|суббот|воскресен|выходн|открыт|закрыт|открыва|закрыва)/;

/** A word of asking an office's hours (see asksOfficeHours): no place's name. */
export const isHoursWord = (w: string) => HOURS_WORDS.has(w);

/**
 * An office's hours asked, with nothing else: «мфц во сколько работает», «соцзащита в субботу работает?», «режим
 * работы мфц» (the place already left out). The directory's cards have the hours (citizen audit 6: these got the
 * hotlines' entry, and «субботу работает» was read as a place).
 */
export function asksOfficeHours(rest: readonly string[]): boolean {
  if (rest.length === 0 || rest.length > 10) return false;
  return (
    rest.some((w) => OFFICE_WORD.test(w)) &&
    // «во сколько», not «сколько» alone: «а соцзащита пермь сколько» asks an amount (a generated follow-up).
    rest.some((w, i) => HOURS_CUE.test(w) || (w === 'сколько' && rest[i - 1] === 'во')) &&
    rest.every((w) => isWhereWord(w) || HOURS_WORDS.has(w) || PLACE_TALK.has(w))
  );
}

/**
 * An office and nothing else beside the town: «мфц фролово», «соцзащита волжский» (the region's contacts among
 * choices; citizen audit 6). Not «мфц фролово документы»: something is asked about.
 */
export function namesOfficeOnly(rest: readonly string[]): boolean {
  return (
    rest.length > 0 && rest.length <= 3 && rest.some((w) => OFFICE_WORD.test(w)) && rest.every(isWhereWord)
  );
}

/** Words of asking an office's phone: «телефон», «номер», «какой у них телефон». */
const PHONE_CUE = /^(?:телефон|номер)/;
const PHONE_WORDS = new Set('какой какие какая у них их дайте дай напишите подскажите скажите'.split(' '));

/**
 * An office's phone asked, with nothing else: «соцзащита волжский телефон», «телефон соцзащиты во фролово», «номер мфц»
 * (the place already left out). The directory's cards have the phones; these got the region's general contacts
 * (citizen audit 7, M7).
 */
export function asksOfficePhone(rest: readonly string[]): boolean {
  if (rest.length === 0 || rest.length > 8) return false;
  return (
    rest.some((w) => OFFICE_WORD.test(w)) &&
    rest.some((w) => PHONE_CUE.test(w)) &&
    rest.every((w) => isWhereWord(w) || PHONE_CUE.test(w) || PHONE_WORDS.has(w) || PLACE_TALK.has(w))
  );
}

/**
 * The kind of office a message names, when one: «мфц», «соцзащита», «пенсионный фонд». Its offices are listed first.
 */
export function officeKindAsked(words: readonly string[]): AgencyKind | undefined {
  const kinds = new Set<AgencyKind>();
  for (const [i, w] of words.entries()) {
    if (/^мфц/.test(w)) kinds.add('mfc');
    else if (/^(?:соцзащит|цсзн|собес|защит)/.test(w)) kinds.add('social-protection');
    else if (
      /^(?:сфр|пфр|соцфонд)/.test(w) ||
      (/^фонд/.test(w) && /^(?:пенсионн|социальн)/.test(words[i - 1] ?? ''))
    )
      kinds.add('sfr-client-service');
  }
  return kinds.size === 1 ? [...kinds][0] : undefined;
}
