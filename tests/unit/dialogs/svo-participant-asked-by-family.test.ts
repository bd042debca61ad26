/**
 * A participant named as one's husband or son (helper U's finding 3): «муж 1980 года рождения участник сво» gets the
 * participants' own card, and the family asking may mean its own support too: the families' card is a button under
 * it, not in its place.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const PARTICIPANTS = /^Помощь участникам СВО и ветеранам боевых действий — фонд «Защитники Отечества»/;
const FAMILIES_BUTTON = '➡️ Ещё: Поддержка семей участников СВО — куда обращаться';

describe('a participant of the SVO asked about by his family', () => {
  // «муж участник сво льготы» was the families' card before helper V's bare «льготы» beside a description (the
  // group's overview, here the participants'); it reads as «что положено» does, with the families' card a button away.
  it.each([
    'муж 1980 года рождения участник сво',
    'муж участник сво',
    'сын участник сво что положено',
    'муж участник сво льготы',
  ])('«%s» gets the participants’ card with the families’ card a button away', (question) => {
    const reply = engineChat().send(question);
    expect(reply.text).toMatch(PARTICIPANTS);
    expect(reply.buttons).toContain(FAMILIES_BUTTON);
  });

  it('the family’s own benefits asked keep the families’ card as the answer', () => {
    for (const question of ['жена участника сво какие льготы', 'льготы семьям участников сво'])
      expect(engineChat().send(question).text, question).toMatch(
        /^Поддержка семей участников СВО — куда обращаться/,
      );
  });

  it('a participant asking for himself gets no families’ button', () => {
    expect(engineChat().send('я участник сво что положено').buttons).not.toContain(FAMILIES_BUTTON);
  });
});
