/**
 * «В какой выплате или льготе вам отказали?»: the benefits most often appealed as buttons, or one typed and
 * searched.
 */
import type { KnowledgeEntry } from '../../../knowledge/entry.js';
import { footerRow } from '../../reply-builders.js';
import type { Turn } from '../../turn.js';
import { action, md } from '../flow-replies.js';
import { GENERAL_APPEAL_ENTRY, showAppeal } from './appeal-section.js';
import { COMPLAINT_CODE, payload } from './complaint-payloads.js';

/** Benefits people most often appeal, as quick buttons: [label key, entry id]. */
const APPEAL_SHORTCUTS: readonly [string, string][] = [
  ['ep', 'ep-children-overview'],
  ['mse', 'disability-mse-appeal'],
  ['pension', 'pension-how-to-apply'],
  ['subsidy', 'housing-subsidy-apply'],
  ['unemployment', 'unemployment-registration'],
];

export function askAppeal(turn: Turn, edit: boolean): void {
  const t = turn.ctx.t;
  const shortcuts = APPEAL_SHORTCUTS.filter(([, id]) => turn.deps.kb.entry(id));
  turn.state.flow = { code: COMPLAINT_CODE, step: 'appeal', data: { h: [] } };
  turn.send(
    {
      text: md(turn, 'complaints.appeal_ask'),
      buttons: [
        ...shortcuts.map(([key, id]) => [action(t(`complaints.appeal_options.${key}`), payload('ap', id))]),
        footerRow(turn.ctx),
      ],
    },
    edit,
  );
  turn.outcome({ outcome: 'other', detail: 'complaint:appeal' });
}

/**
 * The benefit typed at the appeal question: the first entry found with an appeal section of its own, or else the
 * first found (and with it the general procedure).
 */
export function showTypedAppeal(turn: Turn, text: string): void {
  const result = turn.deps.search.search(text.slice(0, 300));
  const entries = result.hits
    .map((h) => turn.deps.kb.entry(h.entryId))
    .filter((e): e is KnowledgeEntry => !!e);
  const withAppeal = entries.find((e) => e.sections.appeal !== undefined && e.id !== GENERAL_APPEAL_ENTRY);
  showAppeal(turn, withAppeal ?? entries[0], false);
}
