/**
 * The state of one citizen's dialog. Serialisable JSON with a version: persisted after every event, read back
 * after a restart. Live resources never go in here.
 */
import { isLocale, type Locale } from '../i18n/translator.js';
import type { SectionKey } from '../knowledge/entry.js';

export const DIALOG_STATE_VERSION = 1;

export type RegionChoice = 'perm' | 'volgograd' | 'other';

export interface HandoffState {
  /** When the hand-off started (ms). */
  since: number;
  reason: HandoffReason;
  /** When we last told the citizen their message was passed on (to avoid acknowledging every line). */
  lastAckAt?: number;
  /** A consultant took the ticket (they read along live: no more acknowledgements). */
  taken?: boolean;
}

export type HandoffReason =
  | 'user_request'
  | 'negative_feedback'
  | 'failed_searches'
  | 'crisis'
  | 'not_found'
  | 'personal_case';

export interface ActiveFlow {
  code: string;
  step: string;
  data: Record<string, unknown>;
}

export interface DialogState {
  v: typeof DIALOG_STATE_VERSION;
  locale: Locale;
  region?: RegionChoice;
  /**
   * With region 'other', the region the citizen named (its id in data/search/regions.yaml, never their words):
   * answers say that this region's own measures and amounts are not in the assistant's data, by its name.
   */
  otherRegion?: string;
  /** The greeting and the personal-data notice were shown. */
  greeted: boolean;
  /** The last entry answered: follow-ups ("а какие документы?") open its sections. */
  lastEntryId?: string;
  /**
   * The region the last answer was shown for when a flow gave one it does not save as the citizen's (the benefit
   * finder's, chosen with a button): typed follow-ups about that answer use it, as its buttons do. «а сколько мне
   * дадут» under the finder's Volgograd card gave the national amounts.
   */
  lastEntryRegion?: RegionChoice;
  /** Free-text searches in a row that found nothing usable. */
  failedSearches: number;
  /** Set while the chat is with a consultant. */
  handoff?: HandoffState;
  /**
   * The entries offered by the last "which of these do you mean?", until the next free text: a follow-up asked
   * instead of a choice ("а сколько он?") gets them again.
   */
  choices?: string[];
  /** The part those choices open, when they were offered for one («Покажу раздел «Документы»»). */
  choicesSection?: SectionKey;
  /**
   * A question we asked and wait an answer to: /forget's confirmation, or a consultant offered with a button (a typed
   * "да" next takes the offer up). Cleared by the next message, press or command.
   */
  pending?: 'forget-confirm' | 'handoff-offer';
  /**
   * After "не понял" the parts of this entry's answer were offered: another "не понял" about the same answer goes
   * to a person (also after opening a part).
   */
  partsOfferedFor?: string;
  /**
   * The reaction already recorded for the last answer shown (👍, 👎, a typed "да" or "нет"): the same reaction again
   * is thanked but not counted twice in the curators' report. A new answer clears it.
   */
  rated?: { id: string; helpful: boolean };
  /**
   * The town or district of the agency directory the citizen last named or chose (its id in data/agencies, never
   * their words): «📍 Адреса и часы работы» under an answer lists its offices instead of asking for the town again.
   */
  place?: string;
  /** The citizen picked the language (/lang): the language of their messages no longer switches it. */
  localeChosen?: boolean;
  /** A feature flow in progress (benefit finder, complaint, rating...): its code and its own JSON data. */
  flow?: ActiveFlow;
  /**
   * What a flow offered under an answer would begin with, and when it was offered: a complaint told in words and
   * answered with how to complain, which «Подать жалобу здесь» under that answer begins with. Taken by that button,
   * dropped when the next question is read.
   */
  offered?: { code: string; data: Record<string, unknown>; at: number };
  /**
   * What the citizen pays for housing, said without an income, the family's income for which the last reply asked
   * (see income-share.ts): the income typed next is set beside it. Cleared by the next message.
   */
  sharePayment?: number;
  /**
   * The citizen's income said without a payment after the housing subsidy's card, for which the last reply asked
   * what they pay («пенсия 12000»): the payment typed next is set beside it. Cleared by the next message.
   */
  shareIncome?: number;
  /** When the last reply began with condolences (ms): each follow-up of the same conversation repeated them. */
  condoledAt?: number;
  /** A fingerprint of the last free text (never the text) and when it came, to ignore a double send within seconds. */
  lastText?: { text: string; at: number };
  /**
   * What a feature flow keeps between conversations because the citizen agreed to it (the benefit finder's
   * answers), by flow code. Nothing goes here without consent; /forget clears it with the rest of the state.
   */
  kept?: Record<string, unknown>;
}

export function initialState(locale: Locale): DialogState {
  return { v: DIALOG_STATE_VERSION, locale, greeted: false, failedSearches: 0 };
}

/**
 * Reads a stored snapshot. Unknown versions or broken JSON start a fresh dialog in the given locale rather than
 * failing the citizen's message.
 */
export function restoreState(
  stored: { version: number; state: unknown } | undefined,
  fallbackLocale: Locale,
): DialogState {
  if (!stored || stored.version !== DIALOG_STATE_VERSION) return initialState(fallbackLocale);
  const s = stored.state as Partial<DialogState> | null;
  if (!s || typeof s !== 'object' || s.v !== DIALOG_STATE_VERSION) return initialState(fallbackLocale);
  return {
    ...initialState(isLocale(s.locale) ? s.locale : fallbackLocale),
    ...s,
    failedSearches: typeof s.failedSearches === 'number' ? s.failedSearches : 0,
  };
}
