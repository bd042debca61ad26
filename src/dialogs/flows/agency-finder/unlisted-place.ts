/**
 * A place the directory lacks, read from a message ("деревня Ключи", "рядом Суксун") or from the flow's state (the
 * place the finder last said it has no addresses for).
 */
import type { DirectoryRegion } from '../../../services/agencies/agency-directory.js';
import type { Turn } from '../../turn.js';
import { AGENCY_CODE } from './agency-payloads.js';
import {
  DISTRICT,
  FINDING_WORD,
  isHoursWord,
  isRegionWord,
  isWhereWord,
  PLACE_TALK,
  PLEA_WORDS,
  QUESTION_START,
} from './message-words.js';

/** A place the directory lacks, as the citizen named it, and its region when the search's regions know the town. */
export interface UnlistedPlace {
  name: string;
  region?: DirectoryRegion;
}

/**
 * The place a message names that the directory lacks: a town of a served region (data/search/regions.yaml: "рядом
 * Суксун", "я в Ольховке живу") with that region; else, up to `maxWords`, the words left besides those of where
 * one lives, of asking and of where to go ("деревня Ключи" → «Ключи»), with the region if one is named. Undefined
 * when nothing is left, too much is, or a plea is ("помогите").
 */
export function unlistedPlace(turn: Turn, text: string, maxWords: number): UnlistedPlace | undefined {
  const tokens = text.split(/[^A-Za-zА-Яа-яЁё0-9-]+/).filter((w) => w.length > 0);
  const lower = tokens.map((w) => w.toLowerCase().replace(/ё/g, 'е'));
  // The hours asked are no place: «во сколько работает мфц в москве» was «Не нашёл «Работает москве»» (verification
  // pass 7).
  const said = (w: string) =>
    PLACE_TALK.has(w) ||
    isWhereWord(w) ||
    isHoursWord(w) ||
    QUESTION_START.test(w) ||
    FINDING_WORD.test(w) ||
    isRegionWord(w);
  const name = (at: readonly number[]) => {
    const words = at.map((i) => tokens[i]!).join(' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  };
  const rest = lower.flatMap((w, i) => (said(w) ? [] : [i]));
  const pleads = rest.some((i) => PLEA_WORDS.test(lower[i]!));
  for (let size = 1; size <= 2; size++) {
    for (let i = 0; i + size <= tokens.length; i++) {
      const window = lower.slice(i, i + size);
      if (window.some(said)) continue;
      const region = turn.deps.understanding.region(window.join(' '));
      if (!region) continue;
      // "Суксунский район"; "Ключи Суксунский район" is the village and its district.
      const end = i + size + (DISTRICT.test(lower[i + size] ?? '') ? 1 : 0);
      const town = name([...Array(end - i).keys()].map((k) => i + k));
      const village = rest.filter((k) => k < i || k >= end);
      return {
        name: village.length > 0 && village.length <= 2 && !pleads ? `${name(village)}, ${town}` : town,
        region,
      };
    }
  }
  if (rest.length === 0 || rest.length > maxWords || pleads) return undefined;
  const region = turn.deps.understanding.region(text);
  return { name: name(rest), ...(region ? { region } : {}) };
}

/** The place the finder last said it has no addresses for, while it waits for another place. */
export function lastUnlisted(turn: Turn): UnlistedPlace | undefined {
  const flow = turn.state.flow;
  if (flow?.code !== AGENCY_CODE || flow.step !== 'place' || typeof flow.data.missing !== 'string')
    return undefined;
  const region = flow.data.region;
  return {
    name: flow.data.missing,
    ...(region === 'perm' || region === 'volgograd' ? { region } : {}),
  };
}
