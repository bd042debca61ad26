/**
 * "📍 Адреса и часы работы" under an answer: the remembered town's offices; else, a town of a served region the
 * question named that the directory lacks ("а адрес соцзащиты какой, я в Ольховке живу"), what the finder has for
 * it (its region's hotlines); else, the citizen's region known, its towns that have offices; else the question where. That town goes in the button (within the 64 bytes of a
 * payload): `place` in the dialog's state keeps only the directory's ids.
 */
import type { Button } from '../../../messaging/outgoing-message.js';
import type { AgencyDirectory, DirectoryRegion } from '../../../services/agencies/agency-directory.js';
import type { Turn } from '../../turn.js';
import { action } from '../flow-replies.js';
import { payload } from './agency-payloads.js';
import { unlistedPlace } from './unlisted-place.js';

export function offerButton(
  turn: Turn,
  directory: AgencyDirectory,
  /** «📍 Адреса и часы работы» under an answer; «📍 Куда обратиться» under a reply that names no office of its own. */
  labelKey: 'agencies.offer' | 'agencies.menu' = 'agencies.offer',
): Button {
  const label = turn.ctx.t(labelKey);
  const place = turn.state.place ? directory.place(turn.state.place) : undefined;
  if (place) return action(label, payload('p', place.id));
  const text = turn.event.kind === 'text' ? turn.event.text : '';
  // A town of a served region is named only where the message names that region: the engine has read the message
  // for one already (remembered), and the town is looked for word by word only then. Looked for under every answer,
  // it was ~1.5% of the main thread under load.
  const named = text !== '' && turn.deps.understanding.region(text) !== undefined;
  const unlisted = named ? unlistedPlace(turn, text, 0) : undefined;
  if (unlisted?.region) {
    const data = payload('u', unlisted.region, unlisted.name.replace(/:/g, ' '));
    if (new TextEncoder().encode(data).length <= 64) return action(label, data);
  }
  const region = directoryRegion(turn);
  return action(label, region ? payload('r', region, NEW_MESSAGE) : payload('go'));
}

/** A region's towns asked for under an answer: listed below it, the answer left in place. */
export const NEW_MESSAGE = 'n';

/** The citizen's region when the directory has it (Perm or Volgograd; not "elsewhere"). */
export function directoryRegion(turn: Turn): DirectoryRegion | undefined {
  const region = turn.state.region;
  return region === 'perm' || region === 'volgograd' ? region : undefined;
}
