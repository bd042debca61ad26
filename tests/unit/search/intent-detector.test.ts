import { describe, expect, it } from 'vitest';
import { createIntentDetector } from '../../../src/search/intent-detector.js';
import { recoverLatin } from '../../../src/search/latin-recovery.js';
import { createLexicon } from '../../../src/search/lexicon.js';
import { normalizeWords } from '../../../src/search/russian-normalizer.js';
import { patternWords } from '../../../src/search/text-analyzer.js';
import { projectResources } from './fixtures/fixture-search.js';

const resources = projectResources();
const detector = createIntentDetector(resources.intents);
const lexicon = createLexicon(
  Object.values(resources.intents.intents).flatMap((rules) => rules.flatMap((r) => patternWords(r.all))),
);
const intentOf = (text: string) => detector.detect(normalizeWords(recoverLatin(text, lexicon).text));

describe('intents (the shipped rules)', () => {
  it.each([
    'позовите оператора пожалуйста',
    'хочу общаться с живым человеком',
    'соедините со специалистом',
    'консультант!',
    'нужен консультант по моей ситуации',
    'перезвоните мне по поводу пенсии',
    'запишите меня на консультацию',
    'бот не понимает, дайте человека',
    'можно мне перезвонить? я плохо пишу на телефоне',
    'мне трудно писать',
    'нужна помощь живого консультанта по пособию',
    'Вопрос про опеку над внуком запутанный. Можно, чтобы ответил живой консультант, а не бот?',
  ])('hands "%s" to a person', (text) => {
    expect(intentOf(text)).toBe('human');
  });

  it('leaves asking for a phone number to the search (a call the person makes is not a call back)', () => {
    expect(intentOf('можно ли мне позвонить в соцзащиту')).toBeUndefined();
    expect(intentOf('куда мне позвонить по пенсии')).toBeUndefined();
  });

  it('reads a request for a person typed in the wrong layout', () => {
    expect(intentOf('cjtlbybnt c xtkjdtrjv')).toBe('human');
    expect(intentOf('jgthfnjh')).toBe('human');
  });

  it.each([
    'сожитель избивает меня, помогите',
    'не хочу жить больше',
    'думаю покончить с собой',
    'нас выгнали из квартиры, ночуем на вокзале с детьми',
    'отец угрожает убить',
  ])('treats "%s" as a crisis', (text) => {
    expect(intentOf(text)).toBe('crisis');
  });

  it('does not treat a benefit question about homeless people as a crisis', () => {
    expect(intentOf('положены ли выплаты бездомным')).toBeUndefined();
  });

  it('reads «живу на улице» with a street after it as an address, and without one as no home', () => {
    expect(intentOf('я живу на улице ленина какие льготы пенсионерам')).not.toBe('crisis');
    expect(intentOf('живу на улице кирова дом 5 положена субсидия')).not.toBe('crisis');
    expect(intentOf('я живу на улице уже неделю')).toBe('crisis');
    expect(intentOf('живу на улице с детьми помогите')).toBe('crisis');
    expect(intentOf('живу на улице, дом сгорел, что делать')).toBe('crisis');
  });

  it.each([
    'проверьте мое заявление на единое пособие',
    'вот мой снилс 111-222-333 44, гляньте сколько стажа',
    'заявление номер 55512345 почему не рассмотрено',
    'инспектор Сидорова нахамила, накажите ее',
    'сотрудник мфц грубил, разберитесь с ним и перезвоните',
  ])('sees "%s" as a personal case for a person to handle', (text) => {
    expect(intentOf(text)).toBe('personal_case');
  });

  it('reads eleven digits beside "телефон" or "перезвоните" as a phone number, a request for a person, not a СНИЛС', () => {
    expect(intentOf('мой телефон 89123456789 перезвоните мне пожалуйста')).toBe('human');
    expect(intentOf('позвоните маме +79123456789 она не умеет писать')).toBe('human');
    expect(intentOf('наберите меня 89123456789')).toBe('human');
    expect(intentOf('мой снилс 12345678901')).toBe('personal_case');
    // With "снилс" named it is one, a phone number beside it or not.
    expect(intentOf('мой снилс 123-456-789 64, телефон +7 912 345-67-89, почему не пришла пенсия')).toBe(
      'personal_case',
    );
  });

  it('answers general questions about statuses and complaints itself', () => {
    expect(intentOf('как проверить статус заявления на госуслугах')).toBeUndefined();
    expect(intentOf('как пожаловаться на сотрудника соцзащиты, хамит')).toBeUndefined();
    expect(intentOf('снилс сюда писать безопасно?')).toBeUndefined();
  });

  it.each([
    'какая завтра погода в перми',
    'дайте займ до зарплаты',
    'где взять кредит на машину',
    'напишите реферат по истории',
    'как записаться к стоматологу',
    'как получить загранпаспорт',
    'расскажи анекдот',
  ])('recognises "%s" as outside social welfare', (text) => {
    expect(intentOf(text)).toBe('off_topic');
  });

  it('leaves unpaid wages with nothing to feed the children in scope, still saying where the wages go', () => {
    const read = (text: string) => detector.read(normalizeWords(text));
    expect(read('на работе не платят зарплату 3 месяца')).toMatchObject({
      intent: 'off_topic',
      redirect: 'labour',
    });
    const need = read('на работе не платят зарплату 3 месяца, детей кормить нечем');
    expect(need.intent).toBeUndefined();
    expect(need.redirect).toBe('labour');
  });

  it('keeps welfare questions that mention a loan or a doctor in scope', () => {
    expect(intentOf('можно ли маткапиталом погасить кредит на жилье')).toBeUndefined();
    expect(intentOf('терапевт не дает направление на мсэ, что делать')).toBeUndefined();
  });

  it.each(['вы бот?', 'кто вы', 'здравствуйте, вы робот?', 'с кем я говорю'])(
    'says what the assistant is on "%s"',
    (text) => {
      expect(intentOf(text)).toBe('about');
    },
  );

  it('takes "bot" in a request for a person, or a welfare question, as those', () => {
    expect(intentOf('бот не понимает, дайте человека')).toBe('human');
    expect(intentOf('кто отвечает за субсидии')).toBeUndefined();
  });

  it.each(['привет', 'Здравствуйте!', 'добрый день', 'hello'])('greets back on "%s"', (text) => {
    expect(intentOf(text)).toBe('greeting');
  });

  it.each(['спасибо', 'Спасибо большое, помогли!', 'благодарю вас', 'спс', 'до свидания', 'Всего доброго!'])(
    'takes "%s" as thanks (a goodbye gets the same "пишите, я на связи")',
    (text) => {
      expect(intentOf(text)).toBe('thanks');
    },
  );

  it('sends a greeting or thanks with a question in it to the search, and a request for a person to a person', () => {
    expect(intentOf('здравствуйте, положено ли мне единое пособие')).toBeUndefined();
    expect(intentOf('здравствуйте, у меня вопрос')).toBeUndefined();
    expect(intentOf('спасибо, а какие документы')).toBeUndefined();
    expect(intentOf('привет, позовите человека')).toBe('human');
  });

  it.each(['спасибо, но не помогло', 'не помогло', 'это не то', 'не подходит мне', 'бесполезно'])(
    'takes "%s" as "that did not help"',
    (text) => {
      expect(intentOf(text)).toBe('unhelpful');
    },
  );

  it.each(['не понял', 'ничего не понятно', 'объясните проще', 'непонятно написано', 'не понял, не помогло'])(
    'takes "%s" as "I did not understand"',
    (text) => {
      expect(intentOf(text)).toBe('not_understood');
    },
  );

  it('takes "проще можно", "а можно попроще?" as "I did not understand" (they got "Если вы об ответе…"); a question about the simpler way is a question', () => {
    for (const text of ['проще можно', 'а можно попроще?', 'можно проще', 'я не поняла, попроще'])
      expect(intentOf(text), text).toBe('not_understood');
    for (const text of [
      'как проще оформить пособие',
      'что проще: маткапитал или вычет',
      'проще через госуслуги?',
    ])
      expect(intentOf(text), text).not.toBe('not_understood');
  });

  it('reads a bare "да", "понятно" or "нет" as a yes or a no, and a longer message with them as something else', () => {
    for (const text of ['да', 'Да.', 'понятно', 'хорошо', 'да, помогло'])
      expect(intentOf(text), text).toBe('agree');
    for (const text of ['нет', 'Нет!', 'неа']) expect(intentOf(text), text).toBe('disagree');
    expect(intentOf('нет госуслуг')).toBeUndefined();
    expect(intentOf('да, спасибо')).toBe('thanks');
    expect(intentOf('нет, не помогло')).toBe('unhelpful');
  });

  it('leaves a question that says "не" to the search', () => {
    expect(intentOf('не понимаю, как подать заявление на пособие')).toBeUndefined();
    expect(intentOf('не подходит по доходу на единое пособие, что делать')).toBeUndefined();
    expect(intentOf('не помогло, позовите человека')).toBe('human');
  });

  it('says whether a message is about social welfare at all', () => {
    expect(detector.read(normalizeWords('помогите с выплатой')).mentionsWelfare).toBe(true);
    expect(detector.read(normalizeWords('как дела у тебя')).mentionsWelfare).toBe(false);
  });
});
