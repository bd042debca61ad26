/** Whether an office is open now, in its own time zone. */
import { formatTime, openState, type WeeklyHours } from '../../../services/agencies/opening-hours.js';
import type { Turn } from '../../turn.js';

/** "🟢 Сейчас открыто, до 17:30" or when it opens next, in the office's own time. */
export function openNow(turn: Turn, hours: WeeklyHours, utcOffsetHours: number): string | undefined {
  const t = turn.ctx.t;
  const state = openState(hours, turn.deps.now, utcOffsetHours);
  if (state.open) return t('agencies.card.open', { time: formatTime(state.closesAt) });
  if (state.opensAt?.today) return t('agencies.card.opens_today', { time: formatTime(state.opensAt.minute) });
  if (state.opensAt)
    return t('agencies.card.opens', {
      day: t('agencies.days').split(',')[state.opensAt.day] ?? '',
      time: formatTime(state.opensAt.minute),
    });
  return undefined;
}
