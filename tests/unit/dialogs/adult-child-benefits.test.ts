/**
 * A son or a daughter of 18 or more with a broad question of what is paid (helper H): «дочь 18 лет пособие» and
 * «дочь 08 г р пособие» got choices of the large family status, the childcare benefit to 1.5 and the unified benefit,
 * nothing of which is for an adult child. Child benefits end at 17: the unified benefit's card says so, and that full-
 * time study does not extend it.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const UNIFIED = /^Единое пособие на детей до 17 лет/;
const CHILDCARE = 'Кто может получать пособие до 1,5 лет и можно ли при этом работать';

describe('an adult child’s age with a broad question', () => {
  it.each([
    'дочь 18 лет пособие',
    'дочь 08 г р пособие',
    'сын 2007 года рождения какие пособия',
    'сыну 21 год пособие',
  ])('«%s» gets the unified benefit’s card, which says it is paid to 17', (q) => {
    expect(engineChat().send(q).text).toMatch(UNIFIED);
  });

  // Helper L: a child said not to work («не работает» pulled to the zero-income rule and the childcare benefit to
  // 1.5), or to study full-time (a grandchild studying was led by the payments to guardians), is still an adult child.
  it.each([
    'дочь 19 лет не работает пособие',
    'внук 20 лет учится очно какие выплаты',
    'сын 19 лет учится очно какие выплаты положены',
    'внучка 21 год учится в колледже что положено',
  ])('«%s» gets the unified benefit’s card too', (q) => {
    expect(engineChat().send(q).text).toMatch(UNIFIED);
  });

  it('a son looking for work is not read as an adult child’s benefits', () => {
    expect(engineChat().send('сын 18 лет ищет работу пособие').text).not.toMatch(UNIFIED);
  });

  it('its «Кто может получить» says study does not extend it', () => {
    const chat = engineChat();
    chat.send('дочь 18 лет пособие');
    expect(chat.send('[Кто может получить]').text).toContain('учёба его не продлевает');
  });

  it('choices for a son of 19 no longer offer the childcare benefit to 1.5', () => {
    const reply = engineChat().send('сын 19 лет какие выплаты положены');
    expect(reply.buttons).not.toContain(CHILDCARE);
  });

  it('a disability or a death named keeps its own reading', () => {
    expect(engineChat().send('дочь 18 лет инвалид какая пенсия').text).not.toMatch(UNIFIED);
    expect(engineChat().send('сын 19 лет учится очно отец умер какие выплаты').text).not.toMatch(UNIFIED);
  });
});

// Helpers N and R: a child's age told with a word of what is paid alone, or of 17, got «Я не уверен»: «выплаты» alone
// is in too many entries to rank the card, «сыну 16» had no «лет», 17 was not an adult child's age, and «льготы» is in
// no words of the card. A student daughter was offered the students' maternity benefit first, with no pregnancy named.
describe('a child’s age with a word of what is paid', () => {
  it.each([
    'дочь 17 лет что положено',
    'сыну 16 пособие',
    'сын 20 лет какие выплаты',
    'сын 18 лет льготы',
    'дочке 10 лет выплаты',
    'дочь 20 лет студентка какие льготы',
  ])('«%s» gets the unified benefit’s card, which says it is paid to 17', (q) => {
    expect(engineChat().send(q).text).toMatch(UNIFIED);
  });

  it('a measure named beside the age keeps its own reading', () => {
    expect(engineChat().send('сыну 16 пособие по уходу').text).not.toMatch(UNIFIED);
    expect(engineChat().send('сын 20 лет пособие по безработице').text).not.toMatch(UNIFIED);
  });

  it('a student daughter who is pregnant is still led by the students’ maternity benefit', () => {
    const reply = engineChat().send('дочь 20 лет студентка беременна какие выплаты');
    expect(reply.text).not.toMatch(UNIFIED);
    expect(reply.buttons[0]).toBe('Декретные студенткам очной формы обучения');
  });
});
