/**
 * Tells a message written in English from Russian typed in Latin letters ("posobie na rebenka", which the search
 * reads by transliteration). The knowledge base is Russian, so an English question cannot be answered from it; the
 * person should be told so in words they read, not get a Russian "I did not understand".
 */

/**
 * Common English words that transliterated Russian does not produce: "a", "i", "to", "on", "my", "do" are left out
 * because they are also "а", "и", "то", "он", "мы", "до".
 */
const ENGLISH_WORDS = new Set(
  `me you your we our he she his her they their it is are am was were be been have has had does did the
  an and or but of for with about in at from can could would should will need want help please what
  how where when why who which get pay money benefit benefits pension child children disability
  allowance payment apply speak english hello hi thanks thank if this that there any not don't i'm
  much many needs needed social worker grandmother grandfather mother father husband wife daughter elderly
  disabled consultant operator human person someone somebody talk call phone office address dont russian
  understand language translate sorry`.split(/\s+/),
);

/**
 * One word that is English and never transliterated Russian: «Help» got the Russian «Я постараюсь помочь» (a
 * verification pass). «hello», «hi» are left out: Russians greet so too, and the Russian greeting answers them.
 */
const ENGLISH_ALONE = new Set(['help', 'please', 'english']);

const CYRILLIC = /[\u0400-\u04ff]/u;

/**
 * Danger said in English: violence, a threat, a wish to die, no home. The crisis rules read Russian (Latin letters
 * are read as transliterated Russian), so «help me please my husband beats me» got only the notice that questions
 * are read in Russian, without 112 (a verification pass).
 */
const ENGLISH_CRISIS =
  /\b(beats? me|beating me|being beaten|beaten|hits? me|hitting me|hurts? me|hurting me|kill me|kill myself|killing myself|suicide|want to die|wanna die|end my life|domestic violence|abuses? me|abusing me|being abused|raped?|threatens? (me|to kill)|threatening (me|to kill)|homeless|nowhere to (live|sleep|go))\b/;

/** Whether an English message says someone is in danger (see ENGLISH_CRISIS). */
export function saysCrisisInEnglish(text: string): boolean {
  return !CYRILLIC.test(text) && ENGLISH_CRISIS.test(text.toLowerCase());
}
/**
 * A person asked for in English: «Consultant please» and «I need a human operator please» got the Russian refusal
 * or «Я не уверен» (a citizen audit). The button to a consultant is what such a person needs.
 */
const ENGLISH_PERSON =
  /\b(consultants?|operators?|human|real person|live person|live agent|agent please|talk to (a|someone|somebody|a person)|speak (to|with) (a|someone|somebody|a person)|call me( back)?)\b/;

/** Whether an English message asks for a person (see ENGLISH_PERSON). */
export function asksForPersonInEnglish(text: string): boolean {
  return !CYRILLIC.test(text) && ENGLISH_PERSON.test(text.toLowerCase());
}

const LATIN_WORD = /[a-z]+(?:'[a-z]+)?/g;

/**
 * True when the message has no Cyrillic and at least two of its words, and at least 40% of them, are common English
 * words. One word ("ok", "da") is too little to tell a language by, except the few in ENGLISH_ALONE.
 */
export function looksEnglish(text: string): boolean {
  if (CYRILLIC.test(text)) return false;
  const words = text.toLowerCase().replace(/’/g, "'").match(LATIN_WORD) ?? [];
  if (words.length === 1) return ENGLISH_ALONE.has(words[0]!);
  if (words.length < 2) return false;
  const english = words.filter((w) => ENGLISH_WORDS.has(w)).length;
  return english >= 2 && english / words.length >= 0.4;
}
