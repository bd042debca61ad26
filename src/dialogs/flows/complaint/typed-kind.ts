/** Text typed where the kind of complaint was asked: the story told, or the kind named in it. */
import type { SearchOutcome } from '../../../search/search-types.js';
import type { AgencyDirectory } from '../../../services/agencies/agency-directory.js';
import type { Turn } from '../../turn.js';
import type { Draft } from './complaint-draft.js';
import { aboutOf, wantsToComplain } from './complaint-words.js';
import { isShortStory, isStory, tellsMore } from './story-words.js';
import { takeTold } from './told-story.js';
import { unreadReply } from './unread-reply.js';

/** False leaves the text to the assistant as a new question. */
export function onTypedKind(
  turn: Turn,
  directory: AgencyDirectory,
  draft: Draft,
  text: string,
  result: SearchOutcome,
): boolean {
  const about = aboutOf(text);
  const told =
    isStory(text) ||
    isShortStory(text) ||
    (draft.what !== undefined && tellsMore(text) && !wantsToComplain(text)) ||
    (about !== undefined && !wantsToComplain(text) && text.split(/\s+/).length >= 3);
  // Nothing begun yet and no complaint in the words: a question of its own.
  if (!told && !about) return draft.what ? unreadReply(turn, 'about', draft, text, result) : false;
  takeTold(turn, directory, text, about, told, draft.what);
  return true;
}
