/** The offices of a listing with their numbers there: in the flow's state, so questions about them can follow. */
import type { Agency, AgencyDirectory } from '../../../services/agencies/agency-directory.js';
import type { Turn } from '../../turn.js';
import { AGENCY_CODE } from './agency-payloads.js';

/** An office as the list numbered it (its card's number, its map button's). */
export interface Listed {
  agency: Agency;
  n: number;
}

export const numbered = (agencies: readonly Agency[], first: number): Listed[] =>
  agencies.map((agency, i) => ({ agency, n: first + i }));

/** The offices of the last listing, with their numbers there (from the flow's state). */
export function listedOffices(turn: Turn, directory: AgencyDirectory): Listed[] {
  const flow = turn.state.flow;
  if (flow?.code !== AGENCY_CODE || flow.step !== 'listed') return [];
  const { shown, first } = flow.data;
  if (!Array.isArray(shown) || typeof first !== 'number') return [];
  return shown.flatMap((id, i) => {
    const agency = typeof id === 'string' ? directory.agency(id) : undefined;
    return agency ? [{ agency, n: first + i }] : [];
  });
}
