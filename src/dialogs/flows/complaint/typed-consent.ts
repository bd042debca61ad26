/** Text typed at «Можно связаться с вами здесь?»: yes or no in words, or more of the story. */
import type { SearchOutcome } from '../../../search/search-types.js';
import type { Turn } from '../../turn.js';
import { typedAnswer } from '../../typed-answer.js';
import { md } from '../flow-replies.js';
import { type Draft, withAddition } from './complaint-draft.js';
import { askConsent } from './detail-questions.js';
import { isShortStory, isStory, tellsMore } from './story-words.js';
import { askConfirm } from './summary-message.js';
import { unreadReply } from './unread-reply.js';

/** False leaves the text to the assistant as a new question. */
export function onTypedConsent(turn: Turn, draft: Draft, text: string, result: SearchOutcome): boolean {
  const t = turn.ctx.t;
  const consent = typedAnswer(
    text,
    [
      { value: '1', label: t('complaints.buttons.consent_yes') },
      { value: '0', label: t('complaints.buttons.consent_no') },
    ],
    { yes: '1', no: '0' },
  );
  // More of the story instead of the answer («а ещё она документы потеряла»): added to it, the question again.
  if (consent === undefined && draft.what && (isStory(text) || isShortStory(text) || tellsMore(text))) {
    const lead = md(turn, 'complaints.added');
    askConsent(turn, withAddition(draft, text), undefined, false, { lead });
    return true;
  }
  if (consent === undefined) return unreadReply(turn, 'consent', draft, text, result);
  askConfirm(turn, { ...draft, consent: consent === '1' }, 'consent', false);
  return true;
}
