/**
 * A mother whose husband left, with the children (citizen audit 8, M9 and its follow-ups): what a parent raising
 * children alone gets (the unified benefit on the income now lower), the one-off material help, and never the
 * survivor's pension while nobody died.
 */
import { describe, expect, it } from 'vitest';
import { type ChatReply, engineChat } from '../../support/engine-chat.js';

function lastReply(...lines: string[]): ChatReply {
  const chat = engineChat();
  let reply: ChatReply = { text: '', buttons: [] };
  for (const line of lines) reply = chat.send(line);
  return reply;
}

const SINGLE_PARENT = 'Мать-одиночка или единственный родитель — какие пособия и права есть';
const MATERIAL_HELP = 'Разовая материальная помощь в трудной жизненной ситуации';
const SURVIVOR = /потере кормильца/;

describe('a husband who left, with the children', () => {
  it('k27 «я одна с ребенком инвалидом муж ушел денег нет что делать» offers the single parent’s measures (the unified benefit) beside the material help and the disabled child’s', () => {
    const reply = lastReply('я одна с ребенком инвалидом муж ушел денег нет что делать');
    expect(reply.buttons[0]).toBe(MATERIAL_HELP);
    expect(reply.buttons).toContain(
      'Ребёнок-инвалид — что положено ребёнку и родителям (все меры в одном месте)',
    );
    expect(reply.buttons).toContain(SINGLE_PARENT);
    expect(`${reply.text}\n${reply.buttons.join('\n')}`).not.toMatch(SURVIVOR);
  });

  it('«муж ушел к другой денег нет с двумя детьми что делать» gets the material help and the single parent’s measures, not «Я не уверен»', () => {
    const reply = lastReply('муж ушел к другой денег нет с двумя детьми что делать');
    expect(reply.text).not.toMatch(/Я не уверен/);
    expect(reply.buttons).toContain(MATERIAL_HELP);
    expect(reply.buttons).toContain(SINGLE_PARENT);
    expect(reply.buttons.join('\n')).not.toMatch(SURVIVOR);
  });

  it('«муж бросил нас с детьми помогите» gets the single parent’s card, which names the unified benefit, not the tax refund nor the survivor’s pension', () => {
    const reply = lastReply('муж бросил нас с детьми помогите');
    expect(reply.text).toMatch(new RegExp(`^${SINGLE_PARENT}`));
    expect(reply.text).toContain('единое пособие на детей до 17 лет');
    expect(`${reply.text}\n${reply.buttons.join('\n')}`).not.toMatch(SURVIVOR);
  });

  it('with the alimony unpaid named too, the alimony card comes beside it', () => {
    const reply = lastReply('муж ушел от нас с сыном, алименты не платит, что положено');
    expect(reply.text).toMatch(new RegExp(`^${SINGLE_PARENT}`));
    expect(reply.buttons.join('\n')).toMatch(/Алименты и единое пособие/);
  });
});

describe('a husband who died, or who only lost his job', () => {
  it('«муж умер остались с двумя детьми что положено» and «муж умер, а меня уволили» still get the survivor’s pension', () => {
    for (const q of ['муж умер остались с двумя детьми что положено', 'муж умер, а меня уволили']) {
      const { text } = lastReply(q);
      expect(text, q).toMatch(/^Примите мои соболезнования\.\n\nПенсия по потере кормильца/);
    }
  });

  it('«мужа уволили денег нет» is not taken for a husband who left', () => {
    expect(lastReply('мужа уволили денег нет').text).not.toMatch(new RegExp(`^${SINGLE_PARENT}`));
  });
});

describe('a refusal of a named benefit called unfair, and the general procedure’s own buttons (citizen audit 8)', () => {
  it('e05 «отказали в едином пособии непонятно почему я считаю это несправедливо» gets the benefit’s own «Как обжаловать», as «…как обжаловать» does', () => {
    const e05 = lastReply('отказали в едином пособии непонятно почему я считаю это несправедливо');
    const asked = lastReply('отказали в едином пособии как обжаловать');
    expect(e05.text).toMatch(/^Единое пособие на детей до 17 лет.* — Как обжаловать/);
    expect(e05.text).toBe(asked.text);
    expect(e05.buttons).toContain('Общий порядок обжалования');
  });

  it('e05 is a grievance told: its «✍️ Подать жалобу здесь» keeps the story; a question how to appeal has a new complaint', () => {
    const e05 = 'отказали в едином пособии непонятно почему я считаю это несправедливо';
    expect(lastReply(e05).buttons).toContain('✍️ Подать жалобу здесь');
    const form = lastReply(e05, '[✍️ Подать жалобу здесь]');
    expect(form.text).toMatch(/^Ваш рассказ я сохранил/);
    expect(form.text).toContain('О чём жалоба: 📄 На решение (отказ, сумма).');
    const asked = lastReply('отказали в едином пособии как обжаловать').buttons;
    expect(asked).toContain('✍️ Подать жалобу');
    expect(asked).not.toContain('✍️ Подать жалобу здесь');
  });

  it('a refusal naming no benefit keeps the general procedure', () => {
    expect(lastReply('отказали в пособии непонятно почему, считаю это несправедливым').text).toMatch(
      /^Отказали в выплате или льготе — как обжаловать/,
    );
  });

  it('the general procedure offers the choice of one’s own benefit, not a button named like its title', () => {
    const card = lastReply('пенсионный фонд неправильно посчитал пенсию стаж не весь учли что делать');
    expect(card.text).toMatch(/^Отказали в выплате или льготе — как обжаловать/);
    expect(card.buttons).not.toContain('⚖️ Как обжаловать отказ по выплате');
    expect(card.buttons).toContain('✍️ Подать жалобу здесь');
    const which = lastReply(
      'пенсионный фонд неправильно посчитал пенсию стаж не весь учли что делать',
      '[⚖️ Порядок обжалования по моей выплате]',
      '[Пенсия]',
    );
    expect(which.text).toMatch(/^Как оформить пенсию по старости.* — Как обжаловать/);
  });

  it('under another benefit’s answer to a refusal the button keeps its name', () => {
    expect(lastReply('отказали в субсидии на жку что делать').buttons).toContain(
      '⚖️ Как обжаловать отказ по выплате',
    );
  });
});
