/**
 * Two ways of asking «how do I get it» that other cards' words outweighed: «как получить маткапитал на второго ребенка»
 * was the amounts' card (its body names the second child), and «встать на учет по беременности выплата» a choice led
 * by the job centre's registration («встать на учёт» being its words).
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

describe('the maternity capital asked how to get', () => {
  const CERTIFICATE = /^Кто имеет право на материнский капитал и как получить сертификат/;

  it.each(['как получить маткапитал на второго ребенка', 'как получить маткапитал на первого ребенка'])(
    '«%s» gets who is entitled and how the certificate comes',
    (question) => {
      expect(engineChat().send(question).text).toMatch(CERTIFICATE);
    },
  );

  it('for a third child (whose amount depends on the children before) the certificate leads the choices', () => {
    expect(engineChat().send('где оформить материнский капитал на третьего ребенка').buttons[0]).toMatch(
      CERTIFICATE,
    );
  });

  it('the amount asked is still the amounts’ card', () => {
    expect(engineChat().send('сколько маткапитал на второго ребенка').text).toMatch(
      /^Размер материнского капитала/,
    );
  });
});

describe('a pregnancy registered', () => {
  it('«встать на учет по беременности выплата» offers the pregnant women’s unified benefit first', () => {
    const reply = engineChat().send('встать на учет по беременности выплата');
    expect(reply.buttons[0]).toMatch(/^Единое пособие беременным/);
  });

  it('the job centre named is still the job centre', () => {
    expect(engineChat().send('беременная встать на учет в центр занятости').text).toMatch(
      /^Как встать на учёт в центр занятости/,
    );
  });
});
