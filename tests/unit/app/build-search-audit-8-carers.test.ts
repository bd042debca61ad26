/**
 * Citizen audit 8, H6 and M6, searched on the real knowledge base: carers asking whether caring earns them money,
 * where the knowledge base's answer is «no» or «it depends».
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSearchBuilder } from '../../../src/app/build-search.js';
import { firstReply, kb } from '../../support/project-search.js';

const DATA_DIR = fileURLToPath(new URL('../../../data', import.meta.url));

describe('care for someone of disability group II or III (M6, H6)', () => {
  it('is answered with the carers’ card, whose short answer says such care is neither paid nor counted (they were lists)', () => {
    for (const q of [
      'мама инвалид 3 группы ей 75 лет я не работаю за ней смотрю засчитают в стаж?',
      'ухаживаю за мужем инвалид 2 группы',
      'бабушке 79 лет инвалид 2 группы ухаживаю',
      'уход за инвалидом 2 группы',
      'Пишет вам Антонина. Сыну 35 лет он инвалид 2 группы с детства, живём в Волгограде вдвоём на мою пенсию 17000 и его пенсию. Положена ли мне какая-то выплата за уход за ним? И ещё можем ли мы получить субсидию за квартиру, платим 6 тысяч.',
    ]) {
      expect(firstReply(q), q).toEqual({ band: 'answer', entry: 'care-elderly-80-disabled-1' });
    }
    expect(kb.entry('care-elderly-80-disabled-1')?.short).toMatch(
      /При \*\*II или III группе\*\* \(если нет 80 лет\) ни выплаты, ни стажа за это не положено/,
    );
  });

  it('care for group I since childhood or a disabled child is still the payment of 10 000', () => {
    expect(firstReply('дочери 19 лет инвалид с детства 1 группы, по уходу еще платят?').entry).toBe(
      'disabled-child-carer-payment',
    );
  });
});

describe('a pensioner asking for money for caring for a disabled grandson (H6)', () => {
  it('gets the payment for the disabled child, whose short answer says it is not paid to someone with a pension (it was a list)', () => {
    const q = 'у меня внук инвалид а дочь работает а я на пенсии могу ли я получать по уходу за ним деньги';
    expect(firstReply(q), q).toEqual({ band: 'answer', entry: 'disabled-child-carer-payment' });
    expect(kb.entry('disabled-child-carer-payment')?.short).toMatch(
      /Не положено, если вы .*получаете пенсию/,
    );
  });
});

describe('«а деньги какие будут» after the carers’ card (M6, h10)', () => {
  it('asks for its «Сколько платят» part, as «а какие деньги» does (it got «Если вы об ответе…»)', () => {
    const { understanding } = createSearchBuilder(DATA_DIR)(kb);
    expect(understanding.sectionRequest('а деньги какие будут')).toBe('amount');
    expect(understanding.sectionRequest('а какие деньги')).toBe('amount');
    expect(kb.entry('care-elderly-80-disabled-1')?.sections.amount).toMatch(
      /Отдельной выплаты ухаживающему нет/,
    );
  });
});
