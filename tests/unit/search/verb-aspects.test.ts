/**
 * The two aspects of one verb read alike: Snowball cuts «обратиться» and «обращаться» to different stems, and the
 * rarer one weighed more, so the same question got other replies by the verb's form.
 */
import { describe, expect, it } from 'vitest';
import { engineChat } from '../../support/engine-chat.js';

describe('«обращаться» and «обратиться»', () => {
  it('asks which measure for «куда обращаться за пособием», as for «куда обратиться за пособием»', () => {
    for (const question of ['куда обращаться за пособием', 'куда обратиться за пособием']) {
      const reply = engineChat().send(question);
      expect(reply.text, question).toMatch(/^О какой выплате или льготе вы спрашиваете\?/);
      expect(reply.buttons, question).not.toContain('Пособие на похороны (социальное пособие на погребение)');
    }
  });

  it('gives both forms of «куда … за компенсацией» the same reply', () => {
    const [imperfective, perfective] = [
      'куда обращаться за компенсацией',
      'куда обратиться за компенсацией',
    ].map((question) => engineChat().send(question));
    expect(imperfective).toEqual(perfective);
  });
});
