/**
 * Help with the house asked by an old person living alone, and what it costs. «мне 80 лет живу одна кто поможет по
 * дому» was a list led by the 70/80 capital-repair compensation (the age and «одна» outweighed the help asked for),
 * and «а это платно?» after the social worker's card was taken for a new question: the disability assessment's card.
 * Services at home named as such were other measures: «услуги на дому для пенсионера» the housing subsidy (utilities
 * are «услуги» too), «сколько стоит соцуслуги на дому» the care home's card («дому» is the stem of «дом»).
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const SOCIAL_WORKER = /^Социальный работник на дому — как оформить и сколько стоит/;

describe('help at home for an old person', () => {
  it.each([
    'здравствуйте мне 80 лет живу одна кто поможет по дому',
    'мне 78 лет одна живу кто будет помогать по хозяйству',
    'маме 85 лет она одна кто поможет ей по дому',
    // A carer asked for by name (was a list led by the capital-repair compensation, without the social worker).
    'мне 80 лет живу одна нужна сиделка',
    'маме 85 нужна сиделка кто поможет',
    // Services at home asked for by that name.
    'услуги на дому для пенсионера',
    'сколько стоит соцуслуги на дому',
    'сколько стоят социальные услуги на дому',
    'соцуслуги на дому бесплатно кому',
  ])('«%s» gets the social worker at home', (question) => {
    expect(engineChat().send(question).text).toMatch(SOCIAL_WORKER);
  });

  it.each(['а это платно?', 'а бесплатно можно?', 'платить надо?'])(
    '«%s» after the card gets what it costs, not a new search',
    (followUp) => {
      const chat = engineChat();
      chat.send('здравствуйте мне 80 лет живу одна кто поможет по дому');
      const reply = chat.send(followUp);
      expect(reply.text).toMatch(SOCIAL_WORKER);
      expect(reply.text).toContain('Бесплатно, если среднедушевой доход не выше предельной величины');
      expect(reply.buttons).not.toContain('Сколько стоит');
    },
  );
});
