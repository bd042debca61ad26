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
