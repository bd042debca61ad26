/**
 * Short follow-ups typed after one answer card that the card itself answers (citizen audit 7, M1, M3 and L12): a
 * condition the card states, a limit it sets, what is due to the person asking.
 */
import { describe, expect, it } from 'vitest';
import { type ChatReply, engineChat } from '../../support/engine-chat.js';

/** The reply to the last of these lines, each sent in turn in a fresh chat. */
function lastReply(...lines: string[]): ChatReply {
  const chat = engineChat();
  let reply: ChatReply = { text: '', buttons: [] };
  for (const line of lines) reply = chat.send(line);
  return reply;
}

describe("a follow-up the card's own line answers, in the words the citizen uses", () => {
  it('«а если я не работаю» after the childcare benefit to 1.5 is its line on the unified benefit for those not working (was «Если вы об ответе…»)', () => {
    const reply = lastReply('сколько платят по уходу за ребенком до полутора лет', 'а если я не работаю');
    expect(reply.text).toMatch(/^В ответе «Пособие по уходу за ребёнком до 1,5 лет/);
    expect(reply.text).toContain('неработающим вместо него можно оформить единое пособие');
  });

  it('«а если живу с дочерью она работает» after the capital repair compensation is its condition of living alone or with non-working pensioners (was choices of the consultant and the carer payment)', () => {
    const reply = lastReply('капремонт 80 лет не платить', 'а если живу с дочерью она работает');
    expect(reply.text).toMatch(/^В ответе «Компенсация взноса на капремонт/);
    expect(reply.text).toContain('не работает и живёт один');
    expect(reply.text).not.toMatch(/Уточните, пожалуйста/);
  });

  it('«а если я работаю» after it still gets the line that working ends the right', () => {
    const reply = lastReply('капремонт 80 лет не платить', 'а если я работаю');
    expect(reply.text).toContain('Кто пошёл работать, теряет право');
  });

  it('«а пенсию заберут всю» after the care home is its line «берут не больше 75% дохода» (was «Я не уверен» and the pension dates)', () => {
    const reply = lastReply('мама с деменцией в дом престарелых как оформить', 'а пенсию заберут всю');
    expect(reply.text).toMatch(/^В ответе «Дом-интернат/);
    expect(reply.text).toContain('не больше 75% дохода');
  });
});

describe('a follow-up asking whether the measure is theirs, or under a condition no line names, gets who may get it', () => {
  it("«а мне?» after the unified benefit's amount is who may get it (income per person below the minimum), with the finder (was «Если вы об ответе…»)", () => {
    const reply = lastReply('сколько платят единое пособие', 'а мне?');
    expect(reply.text).toMatch(/^Единое пособие на детей до 17 лет .* — Кто может получить/);
    expect(reply.text).toContain('ниже прожиточного минимума');
    expect(reply.buttons).toContain('🧮 Подобрать меры для моей семьи');
  });

  it("«а мне 25» after the Volgograd young mothers' payment is its conditions, the age limit first", () => {
    const reply = lastReply('сколько дают молодым мамам в волгограде', 'а мне 25');
    expect(reply.text).toMatch(/— Кто может получить/);
    expect(reply.text).toContain('не исполнилось 24 лет');
  });

  it('«а матери» after the support of SVO families is who counts in the family (parents too)', () => {
    const reply = lastReply('сын погиб на сво что положено семье', 'а матери');
    expect(reply.text).toMatch(/— Кто может получить/);
    expect(reply.text).toContain('супруги, дети, родители');
  });

  it('«а если доход больше» after the Volgograd parental capital is its conditions with the income limit (was «Если вы об ответе…»)', () => {
    const reply = lastReply('пособие на третьего ребенка в волгограде', 'сколько', 'а если доход больше');
    expect(reply.text).toMatch(/^Областной родительский капитал .* — Кто может получить/);
    expect(reply.text).toContain('не выше 1,5 прожиточного минимума');
  });

  it("keeps the line that names the one asked for («а детям» after the survivor's pension) and says no «нет раздела» where the measure has no such part", () => {
    const children = lastReply('потеря кормильца', 'а детям');
    expect(children.text).toMatch(/^В ответе «Пенсия по потере кормильца/);
    expect(children.text).toContain('детям, внукам');
    const capital = lastReply('размер материнского капитала', 'а мне?');
    expect(capital.text).not.toMatch(/нет раздела/);
  });
});
