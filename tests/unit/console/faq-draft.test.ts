import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { FaqProposal } from '../../../src/console/console-store.js';
import { faqDraft } from '../../../src/console/faq-draft.js';
import type { KnowledgeEntry, Region } from '../../../src/knowledge/entry.js';
import { createKnowledgeBase } from '../../../src/knowledge/knowledge-base.js';

const NOW = Date.parse('2026-12-05T10:00:00Z');

function entry(id: string, topic: string, regions: Region[]): KnowledgeEntry {
  return {
    id,
    topic,
    title: id,
    questions: [],
    keywords: [],
    regions,
    short: 'Кратко.',
    sections: {},
    sources: [],
    asOf: '2026-01-01',
    reviewBy: '2027-01-01',
    file: `data/faq/${id}.md`,
  };
}

const kb = createKnowledgeBase(
  {
    categories: [
      { slug: 'family-children', title: 'Семьи с детьми' },
      { slug: 'regional-perm', title: 'Пермский край' },
      { slug: 'regional-volgograd', title: 'Волгоградская область' },
    ],
    topics: [
      { slug: 'unified-benefit', title: 'Единое пособие', category: 'family-children' },
      {
        slug: 'perm-family-support',
        title: 'Региональные меры для семей с детьми в Пермском крае',
        category: 'regional-perm',
      },
      { slug: 'volgograd-new-topic', title: 'Новая тема', category: 'regional-volgograd' },
    ],
  },
  [
    entry('unified-benefit-amount', 'unified-benefit', ['federal']),
    entry('unified-benefit-perm', 'unified-benefit', ['perm']),
    entry('perm-large-family-payment', 'perm-family-support', ['perm']),
  ],
  new Map(),
);

function proposal(topic: string | null): FaqProposal {
  return {
    id: 7,
    citizenId: 1,
    handoffId: 3,
    messageId: 10,
    question: 'Какие выплаты многодетным в Перми?',
    answer: 'В Пермском крае многодетным семьям платят ежемесячно.',
    topic,
    status: 'accepted',
    proposedBy: 1,
    proposedByName: 'Ирина',
    createdAt: NOW,
    decidedBy: null,
    decidedAt: null,
  };
}

/** What a curator reads in the draft's `regions:` line. */
function regionsOf(topic: string | null, citizenRegion?: string | null): unknown {
  const { content } = faqDraft(proposal(topic), kb, NOW, citizenRegion);
  const front = /^---\n([\s\S]*?)\n---/.exec(content)![1]!;
  return (parse(front) as { regions: unknown }).regions;
}

describe('the FAQ draft of a consultant reply', () => {
  it('is for Perm when the proposal is in a Perm topic, whatever region the citizen had', () => {
    expect(regionsOf('perm-family-support')).toEqual(['perm']);
    expect(regionsOf('perm-family-support', 'volgograd')).toEqual(['perm']);
  });

  it('is federal in a topic with a federal entry, even for a citizen from Perm', () => {
    expect(regionsOf('unified-benefit', 'perm')).toEqual(['federal']);
  });

  it('goes by the category for a regional topic with no entries yet', () => {
    expect(regionsOf('volgograd-new-topic')).toEqual(['volgograd']);
  });

  it("without a topic takes the citizen's region, and is federal when that is unknown", () => {
    expect(regionsOf(null, 'perm')).toEqual(['perm']);
    expect(regionsOf(null, 'other')).toEqual(['federal']);
    expect(regionsOf(null, null)).toEqual(['federal']);
  });
});
