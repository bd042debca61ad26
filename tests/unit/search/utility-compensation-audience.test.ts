/**
 * The disabled people's 50% utilities compensation is theirs: «компенсация за газ» led with it though the person said
 * nothing of a disability, and the regional compensation (ЕДК) of other beneficiaries was a button under it.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const EDK = 'Компенсация за ЖКУ ветеранам труда, многодетным и другим льготникам (ЕДК)';
const DISABLED = 'Компенсация 50% за ЖКУ инвалидам и семьям с детьми-инвалидами';

describe('the utilities compensations and whom they are for', () => {
  it('offers the ЕДК first, then the subsidy, to someone who names no disability', () => {
    const reply = engineChat().send('компенсация за газ');
    expect(reply.text).not.toMatch(new RegExp(`^${DISABLED}`));
    expect(reply.buttons[0]).toBe(EDK);
    expect(reply.buttons).toContain('Субсидия на оплату ЖКУ — кому положена (правило 22%)');
  });

  it('answers a disabled person with the 50% card', () => {
    const reply = engineChat().send('компенсация за коммуналку инвалиду 2 группы');
    expect(reply.text.startsWith(DISABLED)).toBe(true);
  });
});
