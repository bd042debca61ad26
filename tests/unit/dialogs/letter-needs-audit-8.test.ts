/**
 * Long letters with several needs (citizen audit 8, H8 and M1): one answer per need, the first need's card first, a
 * button for each other need, and «Отвечаю на первый» only over the first question's answer. A need is searched with
 * what the letter told of the person before it when that is what picks its answer. The project's own search,
 * readings and flows.
 */
import { describe, expect, it } from 'vitest';
import { needClauses, questionNeeds, toldSituation } from '../../../src/dialogs/letter-needs.js';
import { engineChat } from '../../support/engine-chat.js';

const nextButtons = (buttons: string[]) => buttons.filter((b) => b.startsWith('➡️ '));

describe('the needs of a long letter (citizen audit 8)', () => {
  it('reads the situation told before the first question, and each need a question joins', () => {
    expect(
      toldSituation(
        'Добрый день! Мой отец ветеран боевых действий, 1955 г.р., живет в Волгограде. Какие у него льготы по ЖКУ?',
      ),
    ).toMatch(/мой отец ветеран боевых действий .*живет в волгограде$/);
    expect(toldSituation('Какие льготы положены ветерану труда? Живу в Перми.')).toBe('');
    expect(
      questionNeeds('Положено ли нам единое пособие и ещё можно ли получить 450 тысяч на ипотеку'),
    ).toEqual(['положено ли нам единое пособие', 'можно ли получить 450 тысяч на ипотеку']);
    expect(questionNeeds('Как оформить удостоверение многодетной семьи')).toEqual([
      'Как оформить удостоверение многодетной семьи',
    ]);
    // «когда» asks; a need named after «и ещё» asks as the clause before it did.
    expect(
      needClauses(
        'мне 63 года мужчина 1963 года рождения когда мне на пенсию и ещё меня уволили с работы положено ли пособие',
      ),
    ).toHaveLength(2);
    expect(
      needClauses(
        'мы с мужем пенсионеры живем в доме печное отопление положена ли нам помощь с дровами и ещё доплата к пенсии',
      ),
    ).toEqual([
      'мы с мужем пенсионеры живем в доме печное отопление положена ли нам помощь с дровами',
      'доплата к пенсии',
    ]);
  });

  it("a combat veteran's son asking about his father's ЖКУ benefits and a social worker gets the veterans' ЖКУ compensation, not the large families' card as «the first» (H8)", () => {
    const reply = engineChat().send(
      'Добрый день! Мой отец ветеран боевых действий, 1955 г.р., живет в Волгограде. Какие у него льготы по ЖКУ, и ' +
        'ещё положен ли ему бесплатный проезд? А также может ли он получить соцработника?',
    );
    expect(reply.text).not.toContain('Отвечаю на первый');
    expect(reply.text).not.toContain('Какие льготы и выплаты положены многодетным');
    expect(reply.text).toContain('Компенсация за ЖКУ ветеранам труда, многодетным и другим льготникам (ЕДК)');
    expect(reply.text).toContain('Федеральным льготникам (инвалидам, ветеранам боевых действий и др.)');
    expect(nextButtons(reply.buttons)).toEqual([
      '➡️ Социальный работник на дому — как оформить и сколько стоит',
    ]);
  });

  it('a mother of three asking about the unified benefit, «и ещё» the 450 000 and the certificate gets the benefit first and a button for each other (M1 a03)', () => {
    const reply = engineChat().send(
      'Здравствуйте! У нас трое детей, младшему 2 года, муж работает, я в декрете. Живём в Волгограде. Положено ли ' +
        'нам единое пособие и ещё можно ли получить 450 тысяч на ипотеку? И как оформить удостоверение многодетной семьи?',
    );
    expect(reply.text).toMatch(/^В сообщении несколько вопросов\. Отвечаю на первый/);
    expect(reply.text).toContain('Единое пособие на детей до 17 лет');
    expect(nextButtons(reply.buttons)).toEqual([
      '➡️ 450 тысяч на ипотеку многодетным — кому положено',
      '➡️ Удостоверение многодетной семьи — как получить',
    ]);
  });

  it('a man born in 1963 asking when he retires «и ещё» about unemployment benefit gets his retirement line and a button to the pre-pensioners, not a list (M1 a06)', () => {
    const reply = engineChat().send(
      'мне 63 года мужчина 1963 года рождения когда мне на пенсию и ещё меня уволили с работы положено ли пособие по ' +
        'безработице как предпенсионеру',
    );
    expect(reply.text).toContain('Мужчины 1963 г. р. выходят на пенсию по старости в 65 лет — в 2028 г.');
    expect(nextButtons(reply.buttons)).toEqual([
      '➡️ Предпенсионеры — кто это и что положено, если уволили перед пенсией',
    ]);
  });

  it('pensioners asking for help with firewood «и ещё доплата к пенсии» get a button to the supplement too (M1 a10)', () => {
    const reply = engineChat().send(
      'Здравствуйте у меня вопрос мы с мужем пенсионеры ему 70 мне 68 живем в доме печное отопление дрова стоят 30 ' +
        'тысяч на зиму пенсии у нас 16 и 14 тысяч положена ли нам какая помощь с дровами и ещё доплата к пенсии',
    );
    expect(reply.text).toContain('Субсидия на оплату ЖКУ');
    expect(nextButtons(reply.buttons)).toContain('➡️ Доплата к пенсии до прожиточного минимума');
  });

  it("an SVO widow asking what is due to her and her son «и ещё» about ЖКУ gets the SVO families' card first (M1 a15)", () => {
    const reply = engineChat().send(
      'Я вдова участника СВО живу в Волгоградской области с сыном 14 лет. Какие выплаты положены мне и сыну, и ещё ' +
        'есть ли льготы по оплате коммуналки для семьи погибшего',
    );
    // Both needs are the families' card's since helper P (its «Сколько платят» names their ЖКУ); the disabled
    // people's 50% card the second need got is no button.
    expect(reply.text).toMatch(/^Поддержка семей участников СВО/);
    expect(reply.buttons.join('\n')).not.toContain('Компенсация 50% за ЖКУ инвалидам');
  });

  it('a large family asking about the unified benefit first and the regional capital last gets the benefit first (M1 a14)', () => {
    const reply = engineChat().send(
      'Добрый день. Мы многодетная семья, 4 детей, доход на семью 60000, Волгоград. Положено ли нам единое пособие, ' +
        'и сколько будет на четверых, и ещё положен ли региональный капитал на третьего ребенка?',
    );
    expect(reply.text).toContain('Единое пособие на детей до 17 лет');
    expect(nextButtons(reply.buttons)).toEqual([
      '➡️ Областной родительский капитал на третьего ребёнка (Волгоградская область)',
    ]);
  });

  it("an SVO soldier's wife whose first question («какие выплаты нам положены») finds no answer alone is not told «Отвечаю на первый» over the next need's card (M1 n03)", () => {
    const reply = engineChat().send(
      'Здравствуйте. Мне 35 лет, двое детей 4 и 10 лет, муж на СВО, живем в Перми, я не работаю. Какие выплаты нам ' +
        'положены, и ещё положено ли единое пособие, а также есть ли льготы на детский сад?',
    );
    expect(reply.text).toMatch(/^В сообщении несколько вопросов\. Ответы на другие — по кнопкам ниже\./);
    expect(reply.text).toContain('Единое пособие на детей до 17 лет');
    expect(nextButtons(reply.buttons)).toEqual(['➡️ Поддержка семей участников СВО — куда обращаться']);
  });

  it('a divorced mother asking about the unified benefit «и сколько будет на двоих» gets no button to the maternity capital for the number of children (M1 l20)', () => {
    expect(
      needClauses(
        'У меня двое детей, живем в Перми. Положено ли единое пособие, и сколько будет на двоих? И ещё как взыскать алименты?',
      ),
    ).toEqual(['положено ли единое пособие', 'как взыскать алименты']);
    const reply = engineChat().send(
      'У меня двое детей 3 и 7 лет, я в разводе, бывший муж алименты не платит, работаю продавцом зарплата 22 тысячи, ' +
        'живем в Перми. Положено ли единое пособие, и сколько будет на двоих? И ещё как взыскать алименты?',
    );
    expect(reply.text).toContain('Единое пособие на детей до 17 лет');
    expect(reply.buttons.join('\n')).not.toContain('материнского капитала');
  });
});
