/**
 * An age asked of a son, a daughter or a grandchild after a card (helper X's task): «а дочке до какого возраста
 * платят» after the survivor's pension got the note that the answer does not say it, though its card says «детям,
 * внукам… до 18 лет, студентам очной формы — до 23 лет». A son or a daughter is one of the children a line names, a
 * granddaughter one of the grandchildren: the line is quoted. «а внуку…» quoted the carer's «…независимо от возраста,
 * если… ухаживают за… внуками умершего до 14 лет» for its word «возраст».
 */
import { describe, expect, it } from 'vitest';
import { lastReplyPlainSpaces as lastReply } from '../../support/engine-chat.js';

const CHILDREN_LINE = 'детям, внукам, братьям и сёстрам до 18 лет, студентам очной формы — до 23 лет';
const QUOTED =
  'В ответе «Пенсия по потере кормильца — кому положена после смерти мужа, жены, родителя» об этом сказано';

describe('an age asked of a child of the family after a card', () => {
  it.each([
    'а дочке до какого возраста платят',
    'а дочери до какого возраста платят',
    'а сыну до какого возраста платят',
    'а ребенку до какого возраста платят',
    'а внучке до какого возраста платят',
    'а внуку до какого возраста платят',
    'дочке до скольки лет платят',
  ])('after the survivor’s pension, «%s» quotes its line on children', (asked) => {
    const reply = lastReply('пенсия по потере кормильца', asked);
    expect(reply.text.startsWith(QUOTED), reply.text.slice(0, 160)).toBe(true);
    expect(reply.text).toContain(CHILDREN_LINE);
    expect(reply.text).not.toContain('ухаживают за детьми, братьями, сёстрами или внуками');
  });

  it('after the unified benefit, «а сыну до какого возраста платят» is its «…на каждого ребёнка до 17 лет»', () => {
    const reply = lastReply('положено ли нам единое пособие на ребенка', 'а сыну до какого возраста платят');
    expect(reply.text).toMatch(/^В ответе «[^»]+» об этом сказано/);
    expect(reply.text).toContain('на каждого ребёнка до 17 лет');
  });

  it('a line on a child’s age that is not of the measure given is not quoted for a daughter', () => {
    // The pension points' «…в стаж идут… уход за ребёнком до 1,5 лет» says what counts, not up to what age it is paid.
    const reply = lastReply('сколько баллов нужно для пенсии в 2026', 'а дочке до какого возраста платят');
    expect(reply.text).not.toContain('уход за ребёнком до 1,5 лет, уход за инвалидом');
  });
});
