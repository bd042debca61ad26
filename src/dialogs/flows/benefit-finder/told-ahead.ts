/**
 * A later question's answer told at an earlier one: «инвалид 2 группы» or «я пенсионерка» typed at «Кто-то в семье
 * ждёт ребёнка?». Elderly citizens tell their situation as it comes to mind; the questionnaire was left for a search
 * («Подбор мер прерван на вопросе 3 из 9» and the disability pension's card), or said «Не понял ответ» (a citizen
 * walk-through). Now the answer is taken for its question, which is passed over when reached, and the open question
 * is asked again, saying what was noted.
 */
import { comparableText } from '../../../i18n/comparable-text.js';
import type { HouseholdAnswers } from '../../../services/benefits/household.js';
import type { Turn } from '../../turn.js';
import { md } from '../flow-replies.js';
import type { FinderData } from './finder-state.js';
import { ask, takenSteps } from './questionnaire-progress.js';
import { STEPS, type Step, stepOptions } from './questionnaire-steps.js';
import { pensionOfAgeSaid, saidDisability } from './said-answers.js';
import { asksSomething, employmentSaid, SAID_AS, svoSaid } from './typed-answer-words.js';

/** What a reply told of later questions: the answers and the questions they answer. */
interface Told {
  answers: HouseholdAnswers;
  steps: Step[];
  /** The own age the pension was read from («мне 74 года»), said in the note so the person sees why. */
  age?: number;
}

/** A word of disability: «у мужа» alone answers the disability question, but not another one. */
const DISABILITY_WORD = /(?:^|\s)(?:инвалид\S*|групп\S*|гр)(?:\s|$)/;

/**
 * The later questions a reply answers, each by the reading its own question uses (a sentence of one's disability,
 * of work, of the SVO; «я пенсионерка» as a whole). Only questions after `step` and not answered yet; none for a
 * reply that asks something besides.
 */
function toldOfLater(step: Step, text: string, d: FinderData, taken: readonly Step[]): Told | undefined {
  const typed = comparableText(text);
  if (asksSomething(text, typed)) return undefined;
  const later = (s: Step) => STEPS.indexOf(s) > STEPS.indexOf(step) && !taken.includes(s) && !d.h.includes(s);
  const answers: HouseholdAnswers = {};
  const steps: Step[] = [];
  if (later('disability') && DISABILITY_WORD.test(typed)) {
    // «инвалид 2 группы» with no one named is the person's own, as the disability question reads «инвалид».
    const said =
      saidDisability(text, true) ?? (/^инвалид/.test(typed) ? saidDisability(`я ${typed}`, true) : undefined);
    // A son or a daughter is a child of the family only when there are children under 18 (a grown son is another
    // adult, as the disability question reads him); before the children are told, it is not known which.
    const children = d.a.children;
    const who = said?.who === 'child' && children?.length === 0 ? 'other' : said?.who;
    if (said && who && (who !== 'child' || children !== undefined)) {
      answers.disability = who;
      steps.push('disability');
      if (said.group) {
        answers.disabilityGroup = said.group;
        steps.push('group');
      }
    }
  }
  const pension = SAID_AS.pension?.[typed];
  // «мне 74 года»: past every pension age, the pension question's «Получаю пенсию» (it was «Не понял ответ» at the
  // pregnancy question; an audit walk-through); «мне 74, пенсию не получаю» its «Нет».
  const byAge = pensionOfAgeSaid(text);
  if (later('pension') && (pension === 'pensioner' || byAge !== undefined)) {
    answers.pension = byAge?.pension ?? 'pensioner';
    steps.push('pension');
  }
  const employment = employmentSaid(text);
  if (later('employment') && employment) {
    answers.employment = employment as HouseholdAnswers['employment'];
    steps.push('employment');
  }
  const veteran = svoSaid(text);
  if (later('veteran') && veteran) {
    answers.veteran = veteran;
    steps.push('veteran');
  }
  if (steps.length === 0) return undefined;
  return pension === undefined && byAge !== undefined
    ? { answers, steps, age: byAge.age }
    : { answers, steps };
}

/** «инвалидность — да, у меня, II группа»: each question told of, by its short name and the options it took. */
function toldList(turn: Turn, told: Told): string {
  const t = turn.ctx.t;
  const label = (step: Step, value: string | undefined) => {
    const key = stepOptions(step).find(([v]) => v === value)?.[1];
    const text = key ? t(key) : '';
    // «Получаю пенсию» reads on in lower case; «II группа», «ИП» keep theirs.
    return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
  };
  const parts: string[] = [];
  for (const step of told.steps) {
    if (step === 'group') continue;
    const values =
      step === 'disability'
        ? [label('disability', told.answers.disability), label('group', told.answers.disabilityGroup)]
        : step === 'pension' && told.age !== undefined
          ? [
              t(told.answers.pension === 'no' ? 'finder.no_pension_of_age' : 'finder.pension_of_age', {
                age: told.age,
              }),
            ]
          : [label(step, told.answers[step as 'pension' | 'employment' | 'veteran'])];
    parts.push(`${t(`finder.facts.${step}`)} — ${values.filter(Boolean).join(', ')}`);
  }
  return parts.join('; ');
}

/**
 * The part of a reply after its first clause: «я инвалид 2 группы» of «нет, я инвалид 2 группы» or «нет я инвалид 2
 * группы», «муж на сво» of «детей нет, но муж на сво». Undefined for a reply of one clause.
 */
function partBeside(text: string): string | undefined {
  const rest = BESIDE_ANSWER.exec(text)?.groups?.rest;
  return rest && /\p{L}/u.test(rest) ? rest : undefined;
}

/** A first clause ended by a comma, a full stop or a dash, or a leading «да»/«нет»; then the rest, past «но», «а», «и». */
const BESIDE_ANSWER =
  /^\s*(?<first>[^,.;!—–]+?\s*[,.;!—–]|(?:да|нет|нету)\s)\s*(?:(?:но|а|и)\s+)?(?<rest>\S[\s\S]*)$/iu;

/**
 * The first clause of a reply whose rest tells a later question's answer: «не работаю» of «не работаю, муж на сво»,
 * «нет» of «нет, муж погиб на сво». The whole reply reads as no answer of the open question, so the caller reads this
 * clause alone; the rest is then taken by withToldBeside. Undefined when the rest tells of no later question.
 */
export function clauseBeforeTold(turn: Turn, step: Step, text: string, d: FinderData): string | undefined {
  const match = BESIDE_ANSWER.exec(text)?.groups;
  const rest = partBeside(text);
  if (!match?.first || rest === undefined) return undefined;
  return toldOfLater(step, rest, d, takenSteps(turn, d)) ? match.first : undefined;
}

/**
 * The answer of the open question with a later one's told beside it («нет, я инвалид 2 группы» at «Кто-то в семье ждёт
 * ребёнка?»): the later answers taken as if told alone, and the next reply led by saying so. The «нет» was taken and
 * the disability dropped without a word (an audit walk-through). `d` unchanged when nothing later is told.
 */
export function withToldBeside(turn: Turn, step: Step, text: string, d: FinderData): FinderData {
  const rest = partBeside(text);
  const taken = takenSteps(turn, d);
  const told = rest === undefined ? undefined : toldOfLater(step, rest, d, taken);
  if (!told) return d;
  turn.leadNextReply(md(turn, 'finder.told_beside', { told: toldList(turn, told) }));
  return withTold(d, taken, told);
}

/** The answers with those told added, and the questions they answer marked as taken (passed over when reached). */
function withTold(d: FinderData, taken: readonly Step[], told: Told): FinderData {
  return {
    ...d,
    a: { ...d.a, ...told.answers },
    p: [...taken, ...told.steps.filter((s) => !taken.includes(s))],
  };
}

/**
 * Takes what a reply at `step` told of later questions, and asks `step` again saying so. False when it told of
 * none, and the reply is read as before (asked again, or left for a search).
 */
export function onToldAhead(turn: Turn, step: Step, text: string, d: FinderData): boolean {
  const taken = takenSteps(turn, d);
  const told = toldOfLater(step, text, d, taken);
  if (!told) return false;
  const lead = md(turn, 'finder.told_ahead', { told: toldList(turn, told) });
  ask(turn, step, withTold(d, taken, told), false, lead, `finder:told_ahead:${step}`, true);
  return true;
}
