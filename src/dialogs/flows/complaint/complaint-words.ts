/**
 * A complaint in the citizen's own words: whom it is about, whether it asks to file one here (not how to complain
 * elsewhere), an addition to a finished story, a region not known. The patterns run over comparableText (lower
 * case, ё as е, letters and digits only) unless said otherwise.
 */
import { comparableText } from '../../../i18n/comparable-text.js';

/** The kinds of complaint, by their payload codes (complaint-kinds.ts's ABOUT). */
export type AboutCode = 'ag' | 'em' | 'de' | 'as';

/** This chat itself («ваш бот», «этот помощник», «чат ничего не понимает»). */
const ABOUT_ASSISTANT =
  /(^| )(бот|бота|боту|ботом|боте|чатбот\S*|помощник\S*|робот\S*|ассистент\S*|ваш чат|этот чат|этого чата|вашего чата|вашем чате|этом чате)( |$)/;
/** Rudeness is done by a person: «в соцзащите нагрубили» is about an employee, whoever it was. */
const RUDE =
  /(^| )(нахам\S*|нагруб\S*|груб\S*|хам\S*|оскорб\S*|накрич\S*|кричал\S*|наорал\S*|орал\S*|унизил\S*|издевал\S*|выгнал\S*)( |$)/;
/** A pension or a benefit counted wrong, told as a grievance («неправильно посчитал пенсию», «стаж не весь учли»). */
const MISCOUNTED_WORDS =
  '(неправильно|неверно|ошибочно) (посчитал|рассчитал|начислил)\\S*|не весь стаж|стаж не весь|не учли|занизил\\S*';
const MISCOUNTED = new RegExp(`(^| )(${MISCOUNTED_WORDS})( |$)`);
/** A benefit refused or miscounted: the decision, which only the agency changes. */
const DECISION = new RegExp(
  `(^| )(отказали|отказал|отказала|отказано|отказ в|отказе в|получила? отказ|пришел отказ|${MISCOUNTED_WORDS}|прекратили выплат\\S*|перестали платить)( |$)`,
);
const STAFF =
  /(^| )(сотрудни\S*|специалист\S*|работни\S*|инспектор\S*|регистратор\S*|начальни\S*|руководител\S*|девушк\S*|женщин\S*|мужчин\S*)( |$)/;
const AGENCY =
  /(^| )(соцзащит\S*|собес\S*|управлени\S*|мфц|сфр|пфр|осфр|соцфонд\S*|фонд\S*|центр\S*|отдел\S*|филиал\S*|учреждени\S*|цсзн|кцсон|не принял\S*|не прин[яе]ли|потерял\S*|волокит\S*|не отвечают|не дозвон\S*)( |$)/;

export function toldMiscounted(text: string): boolean {
  return MISCOUNTED.test(comparableText(text));
}

/** A refusal called unfair or unexplained («непонятно почему я считаю это несправедливо»): a grievance told. */
const UNFAIR =
  /(^| )(несправедлив\S*|непонятно почему|непонятно за что|не объяснил\S*|не объяснили|без объяснени\S*)( |$)/;

export function toldUnfair(text: string): boolean {
  return UNFAIR.test(comparableText(text));
}

/**
 * Whom a complaint told in words is about, when that is clear. The chat first (it is named only when meant); then
 * rudeness (a person), a refusal (a decision, even one a clerk announced), a clerk named, an office or what offices
 * do wrong.
 */
export function aboutOf(text: string): AboutCode | undefined {
  const words = comparableText(text);
  if (ABOUT_ASSISTANT.test(words)) return 'as';
  if (RUDE.test(words)) return 'em';
  if (DECISION.test(words)) return 'de';
  if (STAFF.test(words)) return 'em';
  if (AGENCY.test(words)) return 'ag';
  return undefined;
}

/**
 * «хочу подать жалобу на сотрудника…», «хочу пожаловаться на ваш бот…», «в мфц нахамили, хочу пожаловаться»: a
 * complaint to file, in the first person.
 */
const WANTS_TO_COMPLAIN =
  /(^| )(хочу|хотим|хотела?|хотелось|буду|собираюсь|решила?|прошу) (бы )?(подать |написать |оставить |направить |отправить |составить |принять )?(жалоб\S*|пожаловат\S*|жаловат\S*|отзыв)( |$)/;
/**
 * The same wish with the verb first, as it is said aloud («пожаловаться хочу на пенсионный фонд», «жалобу хочу
 * подать на мфц»): it got «Уточните…» with three entries, one of them the subsistence minimum.
 */
const WANTS_TO_COMPLAIN_VERB_FIRST =
  /(^| )((пожаловат\S*|жаловат\S*) (бы )?(хочу|хотим|хотела?|хотелось|собираюсь|решила?)|(жалоб\S*|отзыв) (хочу|хотим|хотела?|собираюсь|решила?) (бы )?(подать|написать|оставить|направить|отправить|составить))( |$)/;
/**
 * The complaint named first, as a heading («жалоба на пенсионный фонд в волжском», «жалоба на мфц»): «жалоба» alone
 * opens the complaints' menu and «хочу пожаловаться на…» the form, but these got «Уточните…» or the card on how to
 * complain (citizen audit 7, M9 and L11).
 */
const COMPLAINT_HEADING = /^(жалоба|жалобу) на /;
/** «…куда», «как»: how to complain is a question for the knowledge base, as is a complaint sent to a body. */
const ASKS_HOW =
  /(^| )(куда|как|где|кому|каким образом|образец|шаблон|что делать|что мне делать|можно ли|подскажите)( |$)/;
/**
 * Over the text as typed, lower case: a comma ends the wish, so «хочу пожаловаться, в соцзащите посчитали…» tells
 * where it happened, not where the complaint goes (it got the knowledge base's «how to complain»; citizen audit 6).
 */
const ADDRESSED_ELSEWHERE = /(жалоб|пожаловат|жаловат|отзыв)[а-яё]* (в|во) /;

/**
 * «но сначала скажите, какой лимит», «а сколько ждать»: a question asked with the wish to complain (or at a step of
 * the complaint) is the knowledge base's to answer first; the complaint can follow by its button. «какой-то» is no
 * question.
 */
const ASKS_FIRST =
  /(^| )(скажите|расскажите|объясните|сначала|сколько|почему|зачем|(какой|какая|какие|какую|каков|какова)(?! то( |$)))( |$)/;
/** Praise or thanks («бот хороший, спасибо»), which is no complaint unless something bad is said too. */
const PRAISE =
  /(^| )(спасибо|благодар\S*|хорош\S*|отличн\S*|молодц\S*|понравил\S*|помог|помогла|помогли|удобн\S*|супер|класс\S*)( |$)/;
const BAD =
  /(^| )(не|нет|плох\S*|ужас\S*|отврат\S*|безобраз\S*|бесполезн\S*|нахам\S*|нагруб\S*|груб\S*|хам\S*|обман\S*|отказ\S*)( |$)/;

/** Is the message a question (a question mark, or words that ask)? Over the text as typed. */
export function asksQuestion(text: string): boolean {
  const words = comparableText(text);
  return /\?\s*$/.test(text) || ASKS_HOW.test(words) || ASKS_FIRST.test(words);
}

/** Praise or thanks with nothing bad said («хочу оставить отзыв бот хороший спасибо»). */
export function praises(text: string): boolean {
  const words = comparableText(text);
  return PRAISE.test(words) && !BAD.test(words);
}

export function wantsToComplain(text: string): boolean {
  const words = comparableText(text);
  return (
    (WANTS_TO_COMPLAIN.test(words) ||
      WANTS_TO_COMPLAIN_VERB_FIRST.test(words) ||
      COMPLAINT_HEADING.test(words)) &&
    !ASKS_HOW.test(words) &&
    !ASKS_FIRST.test(words) &&
    !ADDRESSED_ELSEWHERE.test(text.toLowerCase()) &&
    !praises(text)
  );
}

/**
 * «хочу дополнить жалобу: она ещё и трубку бросила», «добавлю: …», over the text as typed (the addition keeps its
 * punctuation). The words after the request, empty when it has none; undefined when the text asks no addition.
 */
const ADDITION =
  /^\s*(?:(?:а|я|и|ещ[её]|хочу|хотела?|можно|нужно|надо|прошу)\s+)*(?:дополнить|дополню|добавить|добавлю|дописать|допишу)(?:\s+(?:к\s+)?(?:жалоб\S*|обращени\S*|рассказ\S*|ещ[её]))*[\s:,.;!—–-]*/iu;

export function additionOf(text: string): string | undefined {
  const found = ADDITION.exec(text);
  return found ? text.slice(found[0].length).trim() : undefined;
}

/** A pension named («пенсию по старости», «пенсии»), not a pensioner («пенсионерка»). */
const PENSION = /(^| )пенси(я|и|ю|ей|ям|ях|ями)( |$)/;
/** The Social Fund named already («пенсионный фонд», «сфр»). */
const SOCIAL_FUND_NAMED = /(^| )(сфр|пфр|осфр|соцфонд\S*|фонд\S*|пенсионк\S*)( |$)/;

/**
 * The Social Fund named in a story: «на пенсионный фонд», «в сфр», «соцфонд» (not another fund, «фонд капремонта»);
 * also misspelt with one «н» («на пенсионый фонд»: the list was shown without the Fund chosen).
 */
const STORY_NAMES_SOCIAL_FUND =
  /(^| )(сфр|пфр|осфр|соцфонд\S*|пенсионк\S*|пенсионн?[оы]\S* фонд\S*|социальн\S* фонд\S*|фонд\S* пенсионн?ого)( |$)/;

export function namesSocialFund(text: string): boolean {
  return STORY_NAMES_SOCIAL_FUND.test(comparableText(text));
}

/** The unified benefit named («единое пособие», «ЕП»): the Social Fund grants it too. */
const UNIFIED_BENEFIT = /(^| )(един\S* пособи\S*|еп)( |$)/;

/**
 * A measure the Social Fund grants, named in a story that does not name the Fund: a pension («в соцзащите
 * неправильно посчитали пенсию»), or the unified benefit («отказали в едином пособии, соцзащита фролово»: the
 * complaint went to social protection, which cannot change it; verification pass 8).
 */
export function fundMeasureNotAtFund(text: string): 'pension' | 'unified' | undefined {
  const words = comparableText(text);
  if (SOCIAL_FUND_NAMED.test(words)) return undefined;
  if (PENSION.test(words)) return 'pension';
  return UNIFIED_BENEFIT.test(words) ? 'unified' : undefined;
}

/** «не знаю какой регион», «не помню»: the region is not known, so the complaint goes on without it. */
const UNKNOWN = /(^| )(не знаю|незнаю|не помню|без понятия|понятия не имею|не в курсе|хз|не уверена?)( |$)/;

export function unknownAnswer(text: string): boolean {
  return UNKNOWN.test(comparableText(text));
}

/**
 * «отправляйте», «да, отправьте жалобу», «подавайте»: the summary's «Отправить» in other forms (only «отправить», the
 * label's own word, was read, and «отправляйте» showed the summary again unsent). Every word must be one of these.
 */
const SEND_WORD =
  /^(отправ(ить|ляйте|ляй|ьте|ь|ляем|им|лять)|подава(йте|й)|подайте|давайте|да|ну|все|пожалуйста|жалобу|можно)$/;

export function typedSend(text: string): boolean {
  const words = comparableText(text).split(' ').filter(Boolean);
  return (
    words.length > 0 &&
    words.length <= 5 &&
    words.some((w) => /^(отправ|пода)/.test(w)) &&
    words.every((w) => SEND_WORD.test(w))
  );
}

/** «да», «ок», «нет», «ладно»: a yes or a no where a name was asked (it became the office's name). */
const YES_NO = /^(да|ага|угу|ок|окей|хорошо|ладно|конечно|нет|неа|не)( (да|нет|хорошо|конечно))?$/;

export function yesOrNo(text: string): boolean {
  return YES_NO.test(comparableText(text));
}

/**
 * «передумала не надо», «не хочу больше жаловаться», «ладно не надо ничего»: the complaint given up, in a short
 * message of the person's own (citizen audit 5, H5; the general cancel words, isTypedCancel, are read first). Not
 * a story or a wish: «они передумали и не дали субсидию», «ничего не надо, только извинения», «передумала, лучше на
 * сотрудника» (a verification pass).
 */
const GIVES_UP =
  /^(?:(?:ладно|ну|все|всё|я|нет|тогда|уже) )*(передумал\S*|не (хочу|буду|стану) (больше |уже )?(жаловат\S*|жалобу|подавать)|(жаловат\S*|жалобу) (не (буду|хочу|надо|нужно))|(не надо|не нужно) (ничего|никакой жалобы|жалобу|жаловат\S*)|ничего не (надо|нужно))(?: (?:уже|больше|тогда|спасибо|не надо|не нужно|не буду|жаловаться|ничего))*$/;
const GIVES_UP_MAX_WORDS = 6;

export function givesUpComplaint(text: string): boolean {
  const words = comparableText(text);
  return words.split(' ').length <= GIVES_UP_MAX_WORDS && GIVES_UP.test(words);
}
