/**
 * The questionnaire's questions in the order asked, their short payload codes, the number shown to the person, their
 * button options, and which question comes next for the answers so far.
 */
import {
  DISABILITY_GROUPS,
  DISABILITY_VALUES,
  EMPLOYMENT_VALUES,
  type HouseholdAnswers,
  PENSION_VALUES,
  REGION_VALUES,
  VETERAN_VALUES,
} from '../../../services/benefits/household.js';

/** The questions in the order asked (the disability group only after an adult's disability). */
export const STEPS = [
  'region',
  'children',
  'pregnant',
  'adults',
  'income',
  'disability',
  'group',
  'pension',
  'employment',
  'veteran',
] as const;
export type Step = (typeof STEPS)[number];

/** Short step codes for payloads (`bf:<code>:<value>`), within Telegram's 64 bytes. */
export const CODES: Record<Step, string> = {
  region: 'rg',
  children: 'ch',
  pregnant: 'pr',
  adults: 'ad',
  income: 'in',
  disability: 'di',
  group: 'dg',
  pension: 'pe',
  employment: 'em',
  veteran: 've',
};
export const STEP_OF_CODE = new Map(Object.entries(CODES).map(([step, code]) => [code, step as Step]));

/** The number shown to the person ("Вопрос 6 из 9"): the disability group belongs to question 6. */
export const QUESTION_NUMBER: Record<Step, number> = {
  region: 1,
  children: 2,
  pregnant: 3,
  adults: 4,
  income: 5,
  disability: 6,
  group: 6,
  pension: 7,
  employment: 8,
  veteran: 9,
};
export const QUESTIONS = 9;
export const MAX_CHILDREN = 12;

/** The step after `step`, given the answers so far (the group is asked only for an adult's disability). */
export function nextStep(step: Step, answers: HouseholdAnswers): Step | undefined {
  let i = STEPS.indexOf(step) + 1;
  for (; i < STEPS.length; i++) {
    const s = STEPS[i]!;
    if (s === 'group' && answers.disability !== 'self' && answers.disability !== 'other') continue;
    return s;
  }
  return undefined;
}

/** Forgets what a step recorded (when the person goes back to it, or skips it). */
export function clearStep(answers: HouseholdAnswers, step: Step): HouseholdAnswers {
  const a = { ...answers };
  switch (step) {
    case 'region':
      delete a.region;
      break;
    case 'children':
      delete a.children;
      break;
    case 'pregnant':
      delete a.pregnant;
      break;
    case 'adults':
      delete a.adults;
      break;
    case 'income':
      delete a.income;
      break;
    case 'disability':
      delete a.disability;
      delete a.disabilityGroup;
      break;
    case 'group':
      delete a.disabilityGroup;
      break;
    case 'pension':
      delete a.pension;
      break;
    case 'employment':
      delete a.employment;
      break;
    case 'veteran':
      delete a.veteran;
      break;
  }
  return a;
}

/** Button options of a step: [value, label key]. */
export function stepOptions(step: Step): [string, string][] {
  const list = (values: readonly string[], prefix: string): [string, string][] =>
    values.map((v) => [v, `${prefix}.${v}`]);
  switch (step) {
    case 'region':
      return REGION_VALUES.map((v) => [v, `regions.${v}`]);
    case 'pregnant':
      return [
        ['1', 'finder.options.yes'],
        ['0', 'finder.options.no'],
      ];
    case 'adults':
      return [
        ['1', 'finder.options.adults_1'],
        ['2', 'finder.options.adults_2'],
        ['3', 'finder.options.adults_3'],
        ['4', 'finder.options.adults_4'],
        ['5', 'finder.options.adults_5'],
      ];
    case 'disability':
      return list(DISABILITY_VALUES, 'finder.options.disability');
    case 'group':
      return list(DISABILITY_GROUPS, 'finder.options.group');
    case 'pension':
      return list(PENSION_VALUES, 'finder.options.pension');
    case 'employment':
      return list(EMPLOYMENT_VALUES, 'finder.options.employment');
    case 'veteran':
      return list(VETERAN_VALUES, 'finder.options.veteran');
    case 'children':
    case 'income':
      return [];
  }
}

/** The work question narrowed after "не работаю": looking for work or not (only the unemployment benefit differs). */
export const SEEKING_OPTIONS: [string, string][] = [
  ['job-seeking', 'finder.options.seeking.yes'],
  ['not-working', 'finder.options.seeking.no'],
];

/** The steps before `step` in the order asked for these answers: the history a resumed questionnaire goes back by. */
export function stepsBefore(step: Step, answers: HouseholdAnswers): Step[] | undefined {
  const history: Step[] = [];
  for (let s: Step | undefined = 'region'; s !== undefined; s = nextStep(s, answers)) {
    if (s === step) return history;
    history.push(s);
  }
  return undefined;
}
