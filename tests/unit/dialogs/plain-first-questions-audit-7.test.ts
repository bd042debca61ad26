/**
 * Common first messages where one answer is plainly meant got «Уточните, пожалуйста, о чём вы спрашиваете:» with a
 * list (citizen audit 7, M4), in a fresh chat each, through the engine as the app builds it from data/.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const CLARIFY = /^Уточните, пожалуйста/;
const reply = (text: string) => engineChat().send(text);

describe('a plain first question is answered, not a list', () => {
  it('«как подать на единое пособие через госуслуги» is the children’s unified benefit; with a pregnancy named, the pregnant women’s', () => {
    for (const q of ['как подать на единое пособие через госуслуги', 'единое пособие через госуслуги']) {
      expect(reply(q).text, q).toMatch(/^Единое пособие на детей до 17 лет — кому положено и как оформить/);
    }
    expect(reply('как подать на единое пособие беременной через госуслуги').text).toMatch(
      /^Как оформить единое пособие беременной/,
    );
    // A refusal keeps its choices between the reasons.
    expect(reply('почему не дали единое пособие').text).toMatch(CLARIFY);
  });

  it('«пенсия по старости как оформить» is how to apply for the old-age pension, as «как оформить пенсию по старости» is', () => {
    for (const q of ['пенсия по старости как оформить', 'как оформить пенсию по старости']) {
      expect(reply(q).text, q).toMatch(/^Как оформить пенсию по старости — заявление, документы/);
    }
    // The social pension named, or no record said, is still the social pension.
    for (const q of ['социальная пенсия как оформить', 'пенсия как оформить если нет стажа'])
      expect(reply(q).text, q).toMatch(/^Социальная пенсия/);
  });

  it('«хочу оформить единое пособие беременной срок 10 недель» is the pregnant women’s unified benefit: the weeks are the pregnancy’s, not a waiting time', () => {
    const r = reply('хочу оформить единое пособие беременной срок 10 недель');
    expect(r.text).not.toMatch(CLARIFY);
    expect(r.text).toMatch(/^Единое пособие беременным/);
  });

  it('«материнский капитал на первого ребенка» is the capital’s amount, with the first child’s 728 921,90 ₽ and from which birth year it is given', () => {
    const r = reply('материнский капитал на первого ребенка');
    expect(r.text).toMatch(/^Размер материнского капитала в 2026 году/);
    // Whether it is given for the first child at all: for one born or adopted since 2020 (matcap-certificate).
    expect(r.text.replace(/\s/g, ' ')).toContain(
      'на первого ребёнка, рождённого или усыновлённого с 2020 года, — 728 921,90 ₽',
    );
  });

  it('«сколько единое пособие в перми» is the unified benefit’s amounts in Perm figures, not Perm’s contacts or subsistence minimum', () => {
    const r = reply('сколько единое пособие в перми');
    expect(r.text).toMatch(/^Сколько платят единое пособие на ребёнка/);
    expect(r.text.replace(/\s/g, ' ')).toContain('16 901 ₽ в месяц');
    expect(r.text).toContain('Суммы указаны для региона: Пермский край.');
  });

  it('the region’s own measure named with the region stays the region’s own, or a choice with it', () => {
    expect(reply('прикамье многодетные льготы 2026 какие').text).toMatch(
      /^Многодетные семьи в Пермском крае/,
    );
    // «от края» asks for the region's own measure: its birth payment to soldiers' wives is the answer.
    expect(reply('родила пока муж на сво, есть выплата от края пермь').text).toMatch(
      /^Краевая выплата при рождении ребёнка студенткам и жёнам участников СВО \(Пермский край\)/,
    );
  });
});

describe('a region’s own measure asked for is not answered with the federal one', () => {
  it('«краевой материнский капитал…», «льготы пенсионерам … от края» keep their choices (the federal capital and the federal overview were answered)', () => {
    for (const q of [
      'краевой материнский капитал в пермском крае на третьего',
      'какие льготы пенсионерам в пермском крае от края',
    ]) {
      const text = reply(q).text;
      expect(text, q).not.toMatch(/^Размер материнского капитала/);
      expect(text, q).not.toMatch(/^Льготы пенсионерам — что положено/);
    }
    // The federal measure with the region named only as where one lives is still answered in the region's figures.
    expect(reply('сколько единое пособие в перми').text).not.toMatch(CLARIFY);
  });
});
