/** «Напишите ваш город…»: the finder's first question, with the regions' buttons and the location request. */
import type { AgencyDirectory } from '../../../services/agencies/agency-directory.js';
import { footerRow } from '../../reply-builders.js';
import type { Turn } from '../../turn.js';
import { md } from '../flow-replies.js';
import { AGENCY_CODE } from './agency-payloads.js';
import { regionRow } from './finder-buttons.js';

export function askPlace(turn: Turn, directory: AgencyDirectory, leadKey?: string): void {
  turn.state.flow = { code: AGENCY_CODE, step: 'place', data: {} };
  turn.send({
    text: [...(leadKey ? md(turn, leadKey) : []), ...md(turn, 'agencies.ask')],
    buttons: [regionRow(turn, directory), footerRow(turn.ctx)],
    requestLocation: true,
  });
  turn.outcome({ outcome: 'other', detail: 'agencies:ask' });
}
