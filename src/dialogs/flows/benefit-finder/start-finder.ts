import { instantDate as formatDate } from '../../../i18n/calendar-date.js';
import type { HouseholdAnswers } from '../../../services/benefits/household.js';
import type { Turn } from '../../turn.js';
import { md } from '../flow-replies.js';
import { action, payload } from './finder-payloads.js';
import { keptAnswers } from './kept-answers.js';
import { ask } from './questionnaire-progress.js';

/** The finder opened: the answers kept earlier, if any and unless `fresh`, or else the first question. */
export function startFinder(turn: Turn, fresh: boolean): void {
  const saved = keptAnswers(turn);
  if (saved && !fresh) {
    turn.state.flow = undefined;
    const t = turn.ctx.t;
    turn.send({
      text: md(turn, 'finder.saved_found', { date: formatDate(saved.at) }),
      buttons: [
        [action(t('finder.buttons.show_saved'), payload('saved'))],
        [action(t('finder.buttons.restart'), payload('new'))],
        [action(t('finder.buttons.forget_saved'), payload('del'))],
      ],
    });
    turn.outcome({ outcome: 'other', detail: 'finder:saved' });
    return;
  }
  // A questionnaire open before starts afresh: nothing of it (the questions passed over) carries on.
  turn.state.flow = undefined;
  const answers: HouseholdAnswers = {};
  ask(turn, 'region', { a: answers, h: [] }, false, md(turn, 'finder.intro'));
}
