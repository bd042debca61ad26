/**
 * Answers kept at the person's request (`DialogState.kept.bf`), encoded as the buttons carry them: read, kept, and
 * deleted.
 */
import { decodeAnswers, encodeAnswers } from '../../../services/benefits/household.js';
import type { Turn } from '../../turn.js';
import { md, menuButton } from '../flow-replies.js';
import { action, FINDER_CODE, payload } from './finder-payloads.js';

/** The answers as a button carries them, and when they were kept (the date the offer to show them says). */
export interface KeptAnswers {
  code: string;
  at: number;
}

/** The kept answers, unless missing or no longer readable. */
export function keptAnswers(turn: Turn): KeptAnswers | undefined {
  const k = turn.state.kept?.[FINDER_CODE] as KeptAnswers | undefined;
  return k && typeof k.code === 'string' && decodeAnswers(k.code) ? k : undefined;
}

/** «Сохранить ответы»: the answers the button carries are kept, with the date, until the person deletes them. */
export function keepAnswers(turn: Turn, value: string): void {
  const answers = decodeAnswers(value);
  if (!answers) return turn.stale();
  turn.state.kept = {
    ...turn.state.kept,
    [FINDER_CODE]: { code: encodeAnswers(answers), at: turn.deps.now },
  };
  turn.send({
    text: md(turn, 'finder.kept'),
    buttons: [[action(turn.ctx.t('finder.buttons.forget_saved'), payload('del')), menuButton(turn)]],
  });
  turn.outcome({ outcome: 'other', detail: 'finder:kept' });
}

/** «Удалить сохранённые ответы». */
export function forgetKeptAnswers(turn: Turn): void {
  if (turn.state.kept) {
    const { [FINDER_CODE]: _dropped, ...rest } = turn.state.kept;
    turn.state.kept = Object.keys(rest).length > 0 ? rest : undefined;
  }
  turn.send({
    text: md(turn, 'finder.saved_deleted'),
    buttons: [[action(turn.ctx.t('finder.buttons.restart'), payload('new')), menuButton(turn)]],
  });
  turn.outcome({ outcome: 'other', detail: 'finder:deleted' });
}
