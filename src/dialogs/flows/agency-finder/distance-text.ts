/** How far an office is, as a person says it: "300 м", "2,5 км", "40 км". */
import type { Turn } from '../../turn.js';

export function distanceText(turn: Turn, km: number): string {
  if (km < 1)
    return turn.ctx.t('agencies.distance_m', { m: Math.max(100, Math.round((km * 1000) / 100) * 100) });
  const rounded = km < 10 ? Math.round(km * 10) / 10 : Math.round(km);
  return turn.ctx.t('agencies.distance_km', { km: String(rounded).replace('.', ',') });
}
