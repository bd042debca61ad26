/** Where the directory is thin for a place: which kinds of office it lacks there, said before the hotlines. */
import type { RichText } from '../../../messaging/rich-text.js';
import type { Agency, AgencyKind } from '../../../services/agencies/agency-directory.js';
import type { Turn } from '../../turn.js';
import { md } from '../flow-replies.js';

const KINDS_TO_CHECK: readonly AgencyKind[] = ['sfr-client-service', 'social-protection', 'mfc'];

/** "The directory has no Social Fund offices here…" where some kind of office is missing for a place. */
export function thinNotice(turn: Turn, found: readonly Agency[]): RichText {
  const missing = KINDS_TO_CHECK.filter((k) => !found.some((a) => a.kind === k)).map((k) =>
    turn.ctx.t(`agencies.kinds.${k}`),
  );
  return missing.length > 0 ? md(turn, 'agencies.thin', { missing: missing.join(', ') }) : [];
}
