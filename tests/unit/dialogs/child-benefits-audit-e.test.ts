/**
 * Children's benefits asked in a first message (helper E's findings). «что положено на ребенка» was refused as
 * off-topic, though «какие выплаты на ребенка» got the unified benefit's card: what is «положено», «полагается» or
 * «дают» on a child is which benefits.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const UNIFIED = 'Единое пособие на детей до 17 лет';
const DISABLED_CHILD = 'Ребёнок-инвалид';

describe('children’s benefits in a first message', () => {
  it.each([
    'что положено на ребенка',
    'что полагается на ребенка',
    'что дают на ребенка',
    'что положено на детей',
    'что дают на малыша',
    'что нам положено на ребенка',
  ])('«%s» asks which benefits: the unified benefit’s card', (q) => {
    const reply = engineChat().send(q);
    expect(reply.text.startsWith(UNIFIED), reply.text.slice(0, 80)).toBe(true);
  });

  it.each(['что положено на ребенка инвалида', 'что положено на ребенка с инвалидностью'])(
    '«%s» is still the disabled child’s card',
    (q) => {
      expect(engineChat().send(q).text.startsWith(DISABLED_CHILD)).toBe(true);
    },
  );
});
