/**
 * A description and the broad question alone (helper U, from helper S's «noticed»): «мама 1940 года рождения» gets
 * the pensioners' overview, but «мама 1940 года рождения что положено» got choices led by the birth lump sum (on
 * «мама» and «рождения»), and «…пермь что положено» Perm's birth payment to students. The words of who is described
 * counted as asking for the overview only without the question.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

const PENSIONERS = 'Льготы пенсионерам — что положено';

describe('a description with the broad question of what is due', () => {
  it.each([
    'мама 1940 года рождения что положено',
    'что положено маме 1940 года рождения',
    'свекровь 1945 года рождения что положено',
    'мама 1940 года рождения пермь что положено',
    'мама 1940 года рождения волгоград что положено',
  ])('«%s» gets the pensioners’ overview, as without the question', (q) => {
    const reply = engineChat().send(q);
    expect(reply.text.startsWith(PENSIONERS), reply.text.slice(0, 80)).toBe(true);
  });
});
