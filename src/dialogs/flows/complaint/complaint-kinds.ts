/** What a complaint can be about and what the person can want of it, as the flow's buttons offer them. */
import type { AboutCode } from './complaint-words.js';

/** The kinds of complaint: a payload code, and the kind as the filed complaint and the locale strings name it. */
export const ABOUT = {
  ag: 'agency',
  em: 'employee',
  de: 'decision',
  as: 'assistant',
} as const satisfies Record<AboutCode, string>;
/** The wishes offered as buttons («other» is typed in the person's own words). */
export const WISHES = ['check', 'review', 'fix', 'apology'] as const;
