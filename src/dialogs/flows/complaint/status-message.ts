/**
 * /status: the citizen's tickets (from the records the runner reads before the transition) and when they are
 * answered.
 */
import { instantDate as formatDate } from '../../../i18n/calendar-date.js';
import type { Block } from '../../../messaging/rich-text.js';
import type { Turn } from '../../turn.js';
import { action, md, menuButton } from '../flow-replies.js';
import { payload } from './complaint-payloads.js';

/** `days`: within how many working days supervisors answer (the flow's option). */
export function showStatus(turn: Turn, days: number): void {
  const t = turn.ctx.t;
  const complaints = turn.deps.records?.complaints ?? [];
  const waiting = complaints.some((c) => c.status !== 'answered');
  const text: Block[] =
    complaints.length === 0
      ? md(turn, 'complaints.status_none')
      : [
          ...md(turn, 'complaints.status_title'),
          {
            type: 'list',
            items: complaints.map((c) => [
              { text: c.ticket, bold: true },
              {
                text: ` ${t('complaints.status_item', {
                  date: formatDate(c.createdAt),
                  subject: c.agencyName ?? t(`complaints.about.${c.about}`),
                  status: t(`complaints.statuses.${c.status}`),
                })}`,
              },
            ]),
          },
          ...(waiting ? md(turn, 'complaints.status_answer_within', { days }) : []),
        ];
  turn.send({
    text,
    buttons: [
      [action(t('complaints.buttons.new'), payload('go'))],
      [action(t('complaints.buttons.appeal'), payload('ap')), menuButton(turn)],
    ],
  });
  turn.outcome({ outcome: 'other', detail: `complaint:status:${complaints.length}` });
}
