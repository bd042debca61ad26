/**
 * Button payloads: short strings (≤ 64 bytes, Telegram's callback-data limit) that come back when a button is
 * pressed. Encoded and decoded only here. A payload we cannot decode (an old button after a release, or a forged
 * one) decodes to undefined and gets the "this button is outdated" reply.
 */

import { isLocale, type Locale } from '../i18n/translator.js';
import { SECTION_KEYS, type SectionKey } from '../knowledge/entry.js';
import type { RegionChoice } from './dialog-state.js';

export type ButtonAction =
  | { a: 'menu' }
  | { a: 'category'; slug: string }
  | { a: 'topic'; slug: string }
  | { a: 'entry'; id: string; region?: RegionChoice }
  | { a: 'section'; id: string; section: SectionKey; region?: RegionChoice }
  | { a: 'feedback'; id: string; helpful: boolean }
  /** `section`: the part of the entry on screen, shown again for the region (not the short answer). */
  | { a: 'region'; region: RegionChoice; id?: string; section?: SectionKey }
  | { a: 'handoff'; reason: 'user_request' | 'not_found' }
  | { a: 'handoff-cancel' }
  | { a: 'lang'; locale: Locale }
  | { a: 'forget'; confirm: boolean }
  | { a: 'help' };

const SLUG = /^[a-z0-9][a-z0-9-]{0,47}$/;
const REGIONS: readonly RegionChoice[] = ['perm', 'volgograd', 'other'];

export function encodePayload(action: ButtonAction): string {
  switch (action.a) {
    case 'menu':
      return 'm';
    case 'category':
      return `c:${action.slug}`;
    case 'topic':
      return `t:${action.slug}`;
    case 'entry':
      return action.region ? `e:${action.id}:${action.region}` : `e:${action.id}`;
    case 'section': {
      const s = `s:${action.id}:${SECTION_KEYS.indexOf(action.section)}`;
      return action.region ? `${s}:${action.region}` : s;
    }
    case 'feedback':
      return `f:${action.id}:${action.helpful ? 1 : 0}`;
    case 'region':
      if (!action.id) return `r:${action.region}`;
      return action.section
        ? `r:${action.region}:${action.id}:${SECTION_KEYS.indexOf(action.section)}`
        : `r:${action.region}:${action.id}`;
    case 'handoff':
      return action.reason === 'not_found' ? 'h:n' : 'h';
    case 'handoff-cancel':
      return 'hx';
    case 'lang':
      return `l:${action.locale}`;
    case 'forget':
      return action.confirm ? 'fg:y' : 'fg:n';
    case 'help':
      return '?';
  }
}

export function decodePayload(payload: string): ButtonAction | undefined {
  const [kind, a, b, c] = payload.split(':');
  const slug = (v: string | undefined) => (v !== undefined && SLUG.test(v) ? v : undefined);
  /** The region an answer's buttons carry (a flow answered for a region it did not save), or undefined. */
  const carried = (v: string | undefined) => (v === undefined ? undefined : REGIONS.find((r) => r === v));
  switch (kind) {
    case 'm':
      return { a: 'menu' };
    case '?':
      return { a: 'help' };
    case 'c':
      return slug(a) ? { a: 'category', slug: a! } : undefined;
    case 't':
      return slug(a) ? { a: 'topic', slug: a! } : undefined;
    case 'e': {
      const region = carried(b);
      if (!slug(a) || (b !== undefined && !region)) return undefined;
      return region ? { a: 'entry', id: a!, region } : { a: 'entry', id: a! };
    }
    case 's': {
      const section = SECTION_KEYS[Number(b)];
      const region = carried(c);
      if (!slug(a) || !section || !/^\d$/.test(b ?? '') || (c !== undefined && !region)) return undefined;
      return region ? { a: 'section', id: a!, section, region } : { a: 'section', id: a!, section };
    }
    case 'f':
      return slug(a) && (b === '1' || b === '0') ? { a: 'feedback', id: a!, helpful: b === '1' } : undefined;
    case 'r': {
      const region = REGIONS.find((r) => r === a);
      if (!region) return undefined;
      if (b === undefined) return { a: 'region', region };
      if (!slug(b)) return undefined;
      if (c === undefined) return { a: 'region', region, id: b };
      const section = /^\d$/.test(c) ? SECTION_KEYS[Number(c)] : undefined;
      return section ? { a: 'region', region, id: b, section } : undefined;
    }
    case 'h':
      return a === undefined
        ? { a: 'handoff', reason: 'user_request' }
        : a === 'n'
          ? { a: 'handoff', reason: 'not_found' }
          : undefined;
    case 'hx':
      return { a: 'handoff-cancel' };
    case 'l':
      return isLocale(a) ? { a: 'lang', locale: a } : undefined;
    case 'fg':
      return a === 'y' || a === 'n' ? { a: 'forget', confirm: a === 'y' } : undefined;
    default:
      return undefined;
  }
}
