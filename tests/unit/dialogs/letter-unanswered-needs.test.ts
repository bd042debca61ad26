/**
 * A need of a long letter that no answer covers is not dropped unsaid (audit 8 H8 l19 and M1 a04, helper P): the
 * knowledge base has nothing on a combat veteran's free travel, so the reply says a consultant will help with it; the
 * medicines of a person with a disability, a choice of the social package's entries alone, are read with the
 * letter's first words («я инвалид 2 группы…») and get a button to the social package.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const next = (buttons: string[]) => buttons.filter((b) => b.startsWith('➡️'));

describe('a need of a letter with no answer of its own', () => {
  it('l19: the combat veteran’s free travel is said to be a consultant’s, under the ЖКУ card and the social worker', () => {
    const reply = engineChat().send(
      'Добрый день! Мой отец ветеран боевых действий, 1955 г.р., живет в Волгограде. Какие у него льготы по ЖКУ, и ещё ' +
        'положен ли ему бесплатный проезд? А также может ли он получить соцработника?',
    );
    expect(reply.text).toContain(
      'На вопрос «положен ли ему бесплатный проезд» проверенного ответа у меня нет — с ним поможет консультант',
    );
    expect(reply.text).toContain('Компенсация за ЖКУ ветеранам труда, многодетным и другим льготникам (ЕДК)');
    expect(next(reply.buttons)).toEqual(['➡️ Социальный работник на дому — как оформить и сколько стоит']);
    expect(reply.buttons).toContain('👤 Консультант');
  });

  it('a04: «можно ли лекарства бесплатно получать» after the ЖКУ discount gets a button to the social package', () => {
    const reply = engineChat().send(
      'я инвалид 2 группы живу в волжском пенсия 14 тыс платим за квартиру 5 тыс и ещё лекарства дорогие, положена ли ' +
        'скидка на жку и кроме того можно ли лекарства бесплатно получать',
    );
    expect(reply.text).toContain('Компенсация 50% за ЖКУ инвалидам');
    expect(next(reply.buttons)).toContain(
      '➡️ Набор социальных услуг (соцпакет) — что входит и как им пользоваться',
    );
    expect(reply.text).not.toContain('проверенного ответа у меня нет');
  });

  it('l20: collecting alimony, which the knowledge base leaves to the courts, is said to be a consultant’s', () => {
    const reply = engineChat().send(
      'У меня двое детей 3 и 7 лет, я в разводе, бывший муж алименты не платит, работаю продавцом зарплата 22 тысячи, ' +
        'живем в Перми. Положено ли единое пособие, и сколько будет на двоих? И ещё как взыскать алименты?',
    );
    expect(reply.text).toContain('На вопрос «как взыскать алименты» проверенного ответа у меня нет');
  });

  it('a letter whose needs all get answers says nothing of the kind (a02)', () => {
    const reply = engineChat().send(
      'Здравствуйте, маме 84 года, я за ней ухаживаю, не работаю. Положена ли мне выплата по уходу и кроме того ' +
        'положена ли маме прибавка к пенсии после 80 лет?',
    );
    expect(reply.text).not.toContain('проверенного ответа у меня нет');
  });
});
