/**
 * The complaint being told: its steps, the draft the flow state keeps (JSON, so a restart resumes it), and how much
 * of the citizen's own words is kept.
 */
import { redactPersonalData } from '../../../messaging/personal-data.js';
import type { DirectoryRegion } from '../../../services/agencies/agency-directory.js';
import type { Turn } from '../../turn.js';
import { COMPLAINT_CODE } from './complaint-payloads.js';
import type { AboutCode } from './complaint-words.js';

/** The longest description kept (the transcript keeps the whole message anyway). */
export const MAX_DESCRIPTION_CHARS = 2000;
export const MAX_AGENCY_NAME_CHARS = 200;
export const MAX_WISH_CHARS = 500;

export type Step =
  | 'about'
  | 'region'
  | 'agency'
  | 'agency-name'
  | 'what'
  | 'wish'
  | 'wish-text'
  | 'consent'
  | 'confirm'
  | 'add'
  | 'appeal';

export interface Draft {
  about?: AboutCode;
  region?: DirectoryRegion | 'other';
  agencyId?: string;
  agencyName?: string;
  what?: string;
  wish?: string;
  consent?: boolean;
  /**
   * The Social Fund named in the words that began the complaint («хочу пожаловаться на пенсионный фонд в
   * волжском»), which told no story to keep: the region's Fund office is chosen once the region is known.
   */
  fund?: true;
  /**
   * The wish is to have a decision changed («Пересмотреть решение», «хочу чтобы назначили»), whatever the complaint
   * is about: only the office's own appeal can do that, and the summary and receipt say so.
   */
  review?: true;
  /** Steps taken, for "back". */
  h: Step[];
  [key: string]: unknown;
}

/** The complaint's draft, or undefined when another flow (or none) is active. */
export function draftOf(turn: Turn): Draft | undefined {
  return turn.state.flow?.code === COMPLAINT_CODE ? (turn.state.flow.data as Draft) : undefined;
}

/**
 * A complaint whose answer would have to change a decision: about a decision, or wishing one reviewed (about an office
 * or an employee; this assistant decides nothing).
 */
export function seeksDecisionChange(draft: Draft): boolean {
  return draft.about === 'de' || (draft.review === true && draft.about !== 'as');
}

/** The draft with the wish taken; `review` says whether it asks for a decision to be changed. */
export function withWish(draft: Draft, wish: string, review: boolean): Draft {
  const { review: _earlier, ...rest } = draft;
  return review ? { ...rest, wish, review: true } : { ...rest, wish };
}

/** A story with words added (at the summary: «хочу дополнить жалобу: …»), within the length kept. */
export function withAddition(draft: Draft, addition: string): Draft {
  const what = [draft.what, redactPersonalData(addition)].filter(Boolean).join('\n');
  return { ...draft, what: what.slice(0, MAX_DESCRIPTION_CHARS) };
}
