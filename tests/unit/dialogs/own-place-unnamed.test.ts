/**
 * One's own place said without its name («в нашем городе», «у нас в районе», «в моем районе») says where, not what:
 * «какие выплаты многодетным в нашем городе» got «Я не уверен», «в моем районе куда идти за субсидией» choices and
 * «куда обратиться в нашем районе за пособием» choices of the funeral benefit and the job centre («районе» matched
 * entries that say «район»). Each now gets what the same question without the place gets.
 */
import { describe, expect, it } from 'vitest';
import { lastReplyPlainSpaces as lastReply } from '../../support/engine-chat.js';

const firstLine = (text: string) => text.split('\n')[0];

describe('an unnamed own place', () => {
  it.each([
    ['какие выплаты многодетным в нашем городе', 'какие выплаты многодетным'],
    ['в моем районе куда идти за субсидией', 'куда идти за субсидией'],
    ['куда обратиться в нашем районе за пособием', 'куда обратиться за пособием'],
    ['у нас в городе какие льготы пенсионерам', 'какие льготы пенсионерам'],
  ])('«%s» is answered as «%s»', (withPlace, without) => {
    expect(firstLine(lastReply(withPlace).text)).toBe(firstLine(lastReply(without).text));
  });

  it('gets the card or the question back, not «Я не уверен» nor a choice', () => {
    expect(lastReply('какие выплаты многодетным в нашем городе').text).toMatch(
      /^Какие льготы и выплаты положены многодетным/,
    );
    expect(lastReply('в моем районе куда идти за субсидией').text).toMatch(/^Как оформить субсидию на ЖКУ/);
    expect(lastReply('куда обратиться в нашем районе за пособием').text).toMatch(
      /^О какой выплате или льготе вы спрашиваете\?/,
    );
  });

  it('a place named is still read: the town after «в нашем городе» gives its offices', () => {
    const reply = lastReply('в нашем городе камышине какие выплаты многодетным');
    expect(firstLine(reply.text)).toBe(firstLine(lastReply('какие выплаты многодетным камышин').text));
    expect(reply.buttons).toContain('📍 Адреса и часы работы');
  });
});
