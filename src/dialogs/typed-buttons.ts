/**
 * Menu buttons typed as words. People who do not see or trust buttons (an older phone, a VK client without
 * keyboards) type what is written on them: "Пенсии и пожилые", "Подобрать меры поддержки", "меню". Searched as a
 * question, a label finds some entry that happens to share its words; it should do what pressing the button does.
 */
import { comparableText } from '../i18n/comparable-text.js';
import type { KnowledgeEntry } from '../knowledge/entry.js';
import { encodePayload } from './payloads.js';
import { HOTLINES_ENTRY, offeredSections, sectionLabel } from './reply-builders.js';
import type { Turn } from './turn.js';

/** Words people use for the main menu itself, besides the menu button's label. */
const MENU_WORDS = new Set([
  'меню',
  'главное меню',
  'в меню',
  'назад в меню',
  'в начало',
  'начало',
  'menu',
  'main menu',
]);

/**
 * Other words for a menu button's label, by the label they mean, as whole messages. «Куда обращаться» with nothing
 * before it asked «О какой выплате…?» where the button «Куда обратиться» finds the offices; «хочу пожаловаться» and
 * «жалоба» asked the same and «куда жаловаться» was refused as off-topic, where «Подать жалобу» takes the complaint
 * (citizen audits).
 */
const LABEL_WORDS = new Map<string, string>([
  ...[
    'куда обращаться',
    'куда обратится',
    'куда мне обратиться',
    'куда мне обращаться',
    'куда идти',
    'куда пойти',
  ].map((w) => [w, 'куда обратиться'] as const),
  ...[
    'жалоба',
    'жалобу',
    'у меня жалоба',
    'пожаловаться',
    'хочу пожаловаться',
    'хочу пожаловатся',
    // The same wish said verb first, as aloud (it asked «О какой выплате…?», or gave how to complain elsewhere).
    'пожаловаться хочу',
    'пожаловаться хотела',
    'пожаловаться хотел',
    'жалобу хочу подать',
    'жалобу хочу написать',
    'жалобу хочу оставить',
    'хочу жалобу подать',
    'хочу жалобу написать',
    'хотела пожаловаться',
    'хотела бы пожаловаться',
    'как пожаловаться',
    'куда пожаловаться',
    'куда жаловаться',
    'куда можно пожаловаться',
    'где пожаловаться',
    'хочу подать жалобу',
    'хочу написать жалобу',
    'хочу оставить жалобу',
    'написать жалобу',
    'оставить жалобу',
    'как подать жалобу',
    'где подать жалобу',
    'куда подать жалобу',
  ].map((w) => [w, 'подать жалобу'] as const),
]);
/**
 * Whole messages that ask for a number to call, which the hotlines' entry answers (its button is under answers, not
 * in the menu): «куда звонить» was the emergency help, violence and 112 (a citizen audit).
 */
const HOTLINE_WORDS = new Set([
  'куда звонить',
  'куда позвонить',
  'куда мне звонить',
  'куда мне позвонить',
  'какой телефон',
  'какой номер',
  'какой номер телефона',
  'номер телефона',
  'телефон',
  'телефоны',
  'дайте телефон',
  'дайте номер телефона',
  'телефон для справок',
  'телефон горячей линии',
  'горячая линия',
  // A free number's prefix alone («8 800», «8-800»): the free lines are wanted (it was «не помогу»; citizen audit 6).
  '8 800',
  '8800',
  'номер 8 800',
  'телефон 8 800',
]);
/**
 * «Удалите мои данные», «сотрите мою переписку», «забудьте меня»: what /forget does, asked in words (it got the
 * personal-data article, which names /forget, and nothing was deleted; a citizen audit). Whole messages only.
 */
const FORGET_WORDS = new RegExp(
  '^(?:(?:прошу|пожалуйста|хочу|можно|я хочу|просьба) )*' +
    '(?:(?:удалите|удалить|удали|сотрите|стереть|сотри|уничтожьте|уберите)(?: пожалуйста)? ' +
    '(?:(?:все |всю )?(?:мои|мою|моих|мой|все|эти|свои|свою)(?: (?:данные|переписку|сообщения|сообщение|информацию|персональные данные|личные данные))?' +
    '|(?:всю )?(?:переписку|сообщения|сообщение|персональные данные|личные данные))' +
    '(?: обо мне| из базы| пожалуйста)*' +
    // «удалите сообщение, там паспорт»: a number sent by mistake (the whole chat is what /forget can delete).
    '(?: (?:там|где|с|в нем) (?:мой )?(?:паспорт|снилс|номер карты|номер|данные карты))?' +
    '|забудьте меня(?: пожалуйста)?)$',
);

/** Whether the text asks, in words, for everything kept about the citizen to be deleted (/forget). */
export function isTypedForget(text: string): boolean {
  return text.length <= 80 && FORGET_WORDS.test(comparableText(text));
}

/** Words of a typed answer to «Удалить всю нашу переписку…?»: a word that decides it, and words around it. */
const DELETE_YES = new Set([
  'да',
  'удалите',
  'удалить',
  'удаляйте',
  'удали',
  'подтверждаю',
  'согласен',
  'согласна',
]);
const DELETE_NO = new Set(['нет', 'не', 'оставьте', 'оставить', 'отмена', 'передумал', 'передумала']);
const DELETE_ALSO = new Set([
  'все',
  'пожалуйста',
  'конечно',
  'надо',
  'нужно',
  'удалять',
  'ничего',
  'спасибо',
]);

/**
 * A typed answer to the deletion question: true for «да», «да удалите», false for «нет», «не надо», «оставьте»;
 * undefined for anything else (a question of its own).
 */
export function typedForgetAnswer(text: string): boolean | undefined {
  const words = comparableText(text).split(' ').filter(Boolean);
  if (words.length === 0 || words.length > 4) return undefined;
  const no = words.some((w) => DELETE_NO.has(w));
  const known = words.every((w) => DELETE_YES.has(w) || DELETE_NO.has(w) || DELETE_ALSO.has(w));
  if (!known) return undefined;
  if (no) return false;
  return words.some((w) => DELETE_YES.has(w)) ? true : undefined;
}

/** «а куда жаловаться», «ну хочу пожаловаться»: a particle before the words changes nothing. */
const LEADING_PARTICLE = /^(?:а|и|ну|так|вот) /;

const MAX_LABEL_CHARS = 40;

/** Whether a text, made comparable, asks for the main menu itself ("меню", "в начало", the menu button's label). */
function isMenuText(turn: Turn, typed: string): boolean {
  return MENU_WORDS.has(typed) || typed === comparableText(turn.ctx.t('buttons.menu'));
}

/** Whether the text asks for the main menu itself. */
export function isTypedMenu(turn: Turn, text: string): boolean {
  return text.length <= MAX_LABEL_CHARS && isMenuText(turn, comparableText(text));
}

/**
 * The payload of the main-menu button whose label is exactly this text (up to case, emoji and punctuation), or of
 * the menu itself for "меню". Only whole labels: "пенсии" alone is a question for the search.
 */
export function typedMenuButton(turn: Turn, text: string): string | undefined {
  // Labels are a few words: a longer message is a question, and is not worth building the menu for.
  if (text.length > MAX_LABEL_CHARS) return undefined;
  const typed = comparableText(text);
  if (typed.length === 0) return undefined;
  if (isMenuText(turn, typed)) return encodePayload({ a: 'menu' });
  const bare = typed.replace(LEADING_PARTICLE, '');
  // In a flow «а телефон?» is about what it showed (the agency finder's offices have their own numbers).
  if (HOTLINE_WORDS.has(bare) && !turn.state.flow && turn.deps.kb.entry(HOTLINES_ENTRY))
    return encodePayload({ a: 'entry', id: HOTLINES_ENTRY });
  const label = LABEL_WORDS.get(bare) ?? typed;
  for (const b of turn.menuButtons().flat())
    if (b.kind === 'action' && comparableText(b.label) === label) return b.payload;
  return undefined;
}

/**
 * The payload of the button under `entry`'s answer whose label is exactly this text: «Даты выплат», «Что положено»,
 * an entry's own name of a part, which the section cues do not know («что положено» after the labour veteran's
 * rights got «откройте нужную часть кнопкой»; a verification pass).
 */
export function typedSectionButton(turn: Turn, entry: KnowledgeEntry, text: string): string | undefined {
  if (text.length > MAX_LABEL_CHARS) return undefined;
  const typed = comparableText(text);
  const section = offeredSections(entry).find(
    (k) => comparableText(sectionLabel(turn.ctx, entry, k)) === typed,
  );
  return section ? encodePayload({ a: 'section', id: entry.id, section }) : undefined;
}
