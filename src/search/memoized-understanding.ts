/**
 * The text understanding's readings remembered for the latest distinct texts. The engine reads one message
 * several times a turn (a region in it, a place, a section asked for, its terms), its flows read it again word by
 * word and two words at a time (the agency finder looks for a town in every window of a question, the age question
 * for a place in the first word), and the same short words come back in message after message: each reading is a
 * pure function of the text, and under load they were ~8% of the main thread. Like the search's memory, a new
 * knowledge base builds a new understanding, and with it an empty memory.
 */
import { LONGEST_REMEMBERED_TEXT, recentResults } from './recent-results.js';
import type { TextUnderstanding } from './search-types.js';

/** Distinct texts remembered per reading: whole messages and their words, ~0.1-0.2 KB each with the key. */
export const UNDERSTANDING_MEMORY_SIZE = 1000;

export function memoizeUnderstanding(
  understanding: TextUnderstanding,
  size = UNDERSTANDING_MEMORY_SIZE,
): TextUnderstanding {
  /** One reading remembered by its text (and the options that change it). */
  function remembered<A extends unknown[], V>(
    read: (text: string, ...rest: A) => V,
    keyOf: (...rest: A) => string,
  ) {
    const results = recentResults<V>(size);
    return (text: string, ...rest: A): V =>
      text.length > LONGEST_REMEMBERED_TEXT
        ? read(text, ...rest)
        : results.get(`${keyOf(...rest)}|${text}`, () => frozen(read(text, ...rest)));
  }
  const noOptions = () => '';
  const u = understanding;
  return {
    sectionRequest: remembered(u.sectionRequest.bind(u), (options) =>
      options ? `${options.bare ? 'b' : ''}${options.inQuestion ? 'q' : ''}` : '',
    ),
    region: remembered(u.region.bind(u), noOptions),
    place: remembered(u.place.bind(u), noOptions),
    statedTerms: remembered(u.statedTerms.bind(u), (options) => (options?.curated ? 'c' : '')),
    // Read for few messages (a follow-up's subject, a place alone, whether a subject is named): remembered, the
    // subject words alone held 0.4 MB for no time saved under load.
    ...(u.unlistedPlace ? { unlistedPlace: u.unlistedPlace.bind(u) } : {}),
    otherRegionName: u.otherRegionName.bind(u),
    namesSubject: u.namesSubject.bind(u),
    subjectWords: u.subjectWords.bind(u),
  };
}

/** One reading is handed to every caller that reads the same text: none of them may change it for the others. */
function frozen<V>(value: V): V {
  return typeof value === 'object' && value !== null ? Object.freeze(value) : value;
}
