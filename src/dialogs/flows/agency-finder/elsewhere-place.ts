/**
 * A place in another region of Russia («саратов», «Казань») typed where the finder asks for the place: the directory
 * has offices of Perm krai and Volgograd oblast only. It said «Не нашёл «Саратов»» with Perm's ministry hotlines, as
 * for an unknown village (a citizen audit); now it says where that region's offices are found, with the federal lines.
 */
import { footerRow } from '../../reply-builders.js';
import type { Turn } from '../../turn.js';
import { md } from '../flow-replies.js';
import { AGENCY_CODE } from './agency-payloads.js';
import { federalContactsRow } from './finder-buttons.js';

/**
 * Whether the text names a place elsewhere in Russia; if so, says so and keeps the finder asking for a place. With
 * `inQuestion`, the text asks where an office is («где соцзащита в казани»): a region named in it is the place asked
 * about, though it is neither the whole message nor where one lives.
 */
export function showElsewhere(turn: Turn, text: string, inQuestion = false): boolean {
  const place = turn.deps.understanding.place(text);
  const asked = inQuestion && place?.otherRegion !== undefined;
  if (place?.region !== 'other' || !(place.only || place.own || asked)) return false;
  const named = place.otherRegion ? turn.deps.understanding.otherRegionName(place.otherRegion) : undefined;
  turn.state.flow = { code: AGENCY_CODE, step: 'place', data: {} };
  turn.state.place = undefined;
  turn.send({
    text: md(turn, named ? 'agencies.elsewhere_named' : 'agencies.elsewhere', named ? { region: named } : {}),
    buttons: [...federalContactsRow(turn), footerRow(turn.ctx)],
  });
  turn.outcome({ outcome: 'other', detail: 'agencies:elsewhere' });
  return true;
}
