/**
 * Firewood and coal for a stove, with the project's knowledge base and search: the housing subsidy and the utility
 * compensations pay for the fuel, and a question naming it gets them, not «Я не уверен».
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const SUBSIDY = 'Субсидия на оплату ЖКУ — кому положена (правило 22%)';
const EDK = 'Компенсация за ЖКУ ветеранам труда, многодетным и другим льготникам (ЕДК)';

describe('fuel for a stove', () => {
  it('offers the housing subsidy first to «уголь для пенсионеров бесплатно»', () => {
    const reply = engineChat().send('уголь для пенсионеров бесплатно');
    expect(reply.text).not.toMatch(/Я не уверен/);
    expect(reply.buttons[0]).toBe(SUBSIDY);
  });

  it("answers a labour veteran's coal with the compensation, which says the region may pay for fuel", () => {
    const reply = engineChat().send('ветеран труда компенсация за уголь');
    expect(reply.text).toMatch(new RegExp(`^${EDK.replace(/[()]/g, '\\$&')}`));
    expect(reply.text).toMatch(
      /При печном отоплении регион может компенсировать и топливо \(дрова, уголь\) — уточните в соцзащите/,
    );
  });

  it('keeps the subsidy for firewood asked with no status, and the disabled people’s compensation for theirs', () => {
    expect(engineChat().send('дрова дорогие помогите').text).toMatch(/^Субсидия на оплату ЖКУ/);
    expect(engineChat().send('инвалид 2 группы дрова компенсация').text).toMatch(
      /^Компенсация 50% за ЖКУ инвалидам/,
    );
  });
});
