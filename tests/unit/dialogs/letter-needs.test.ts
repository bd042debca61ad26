/**
 * A letter joining several needs in one sentence, with fewer than two question marks: the answer the whole letter
 * found, with a button to each other need's own answer (citizen audit 7, M10: the capital-repair question of a labour
 * veteran's letter was dropped unsaid). The project's own search, readings and flows.
 */
import { describe, expect, it } from 'vitest';
import { needClauses } from '../../../src/dialogs/letter-needs.js';
import { engineChat } from '../../support/engine-chat.js';

const VETERAN =
  'Здравствуйте! Пишет вам пенсионерка из Перми. Мне 74 года, пенсия 19 тысяч, я ветеран труда. Скажите ' +
  'пожалуйста, какие льготы мне положены по коммуналке и проезду, и можно ли получить компенсацию за капремонт? ' +
  'Живу одна в своей квартире.';
const DAUGHTER =
  'доброго времени суток. пишу за маму ей 82 года она инвалид второй группы живет одна в волжском. подскажите ' +
  'пожалуйста может ли ей приходить соцработник и сколько это стоит, а также положена ли ей какая то доплата к ' +
  'пенсии за возраст. спасибо';

describe('the needs of a letter', () => {
  it('are the clauses that ask, split where the letter joins them, not at every «и»', () => {
    expect(needClauses(VETERAN)).toEqual([
      'скажите пожалуйста какие льготы мне положены по коммуналке и проезду',
      'можно ли получить компенсацию за капремонт',
    ]);
    expect(needClauses(DAUGHTER)).toEqual([
      'подскажите пожалуйста может ли ей приходить соцработник и сколько это стоит',
      'положена ли ей какая то доплата к пенсии за возраст',
    ]);
    // One need, however long the letter: nothing to split.
    expect(
      needClauses(
        'Добрый день. Моему сыну 19 лет, он учится очно в техникуме, мы живем в Волгограде вдвоем, мой доход ' +
          '25000. Положено ли нам что-нибудь? Он получает стипендию 2500.',
      ),
    ).toEqual([]);
    // «и ещё», «а ещё» join needs too (written «ещё» or «еще»).
    expect(
      needClauses(
        'Мой отец ветеран боевых действий, живет в Волгограде. Какие у него льготы по ЖКУ, и ещё положен ли ему ' +
          'бесплатный проезд?',
      ),
    ).toEqual(['какие у него льготы по жку', 'положен ли ему бесплатный проезд']);
    expect(
      needClauses(
        'я беременна срок 11 недель положено ли мне единое пособие, а еще что положено при рождении',
      ),
    ).toEqual(['я беременна срок 11 недель положено ли мне единое пособие', 'что положено при рождении']);
    // A short question with «и» in it is not a letter.
    expect(needClauses('сколько платят и как оформить, а также куда идти')).toEqual([]);
  });

  it("a labour veteran's letter gets the ЖКУ compensation with a button to the capital-repair compensation, which opens it", () => {
    const chat = engineChat();
    const reply = chat.send(VETERAN);
    expect(reply.text).toMatch(/^В сообщении несколько вопросов\. Ответы на другие — по кнопкам ниже\./);
    expect(reply.text).toContain('Компенсация за ЖКУ ветеранам труда');
    const button = reply.buttons.find((b) => b.startsWith('➡️ ') && /капремонт/.test(b));
    expect(button).toBeDefined();
    expect(chat.send(`[${button}]`).text).toMatch(
      /^Компенсация взноса на капремонт пенсионерам с 70 и 80 лет/,
    );
  });

  it("a daughter's letter about a home social worker and a pension supplement gets both, one on a button: for age (her mother is 82) the fixed payment doubled from 80, not the supplement to the minimum (citizen audit 7, M10)", () => {
    const reply = engineChat().send(DAUGHTER);
    expect(reply.text).toContain('Социальный работник на дому');
    expect(reply.buttons).toContain(
      '➡️ Надбавки к пенсии — после 80 лет, за иждивенцев, сельским жителям, северянам',
    );
  });

  it('a letter the search is unsure of as a whole gets the first need answered and the other on a button, not three choices', () => {
    const reply = engineChat().send(
      'Здравствуйте. Я пенсионерка, мне 72 года, живу одна в частном доме в деревне в пермском крае, печное ' +
        'отопление. Можно ли получить помощь на дрова, и положена ли мне компенсация за капремонт?',
    );
    // The lead line is either of the letter's: with the 50% card kept for disabled people, the whole letter is answered.
    expect(reply.text).toMatch(/^В сообщении несколько вопросов\./);
    expect(reply.text).toContain('Субсидия на оплату ЖКУ');
    expect(reply.buttons).toContain('➡️ Компенсация взноса на капремонт пенсионерам с 70 и 80 лет');
  });
});
