/**
 * A consultant reply proposed as FAQ, exported as a draft knowledge-base entry in the format of data/faq/README.md.
 * A draft, not an entry: the curator fills the TODOs (title, more questions, sources, dates checked), removes
 * anything personal from the citizen's question, saves it as data/faq/<category>/<id>.md and runs `npm run kb:check`.
 */
import { stringify } from 'yaml';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { FaqProposal } from './console-store.js';

export interface FaqDraft {
  fileName: string;
  /** Where the file goes, relative to the project. */
  path: string;
  content: string;
}

/** Review date: six months after the draft. */
const REVIEW_MONTHS = 6;

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function faqDraft(proposal: FaqProposal, kb: KnowledgeBase, now: number): FaqDraft {
  const topic = proposal.topic ? kb.topic(proposal.topic) : undefined;
  const id = `draft-${proposal.id}`;
  const review = new Date(now);
  review.setUTCMonth(review.getUTCMonth() + REVIEW_MONTHS);
  const frontMatter = {
    id,
    topic: topic?.slug ?? 'TODO-topic-slug-from-data-topics-yaml',
    title: 'TODO: название меры так, как его назвал бы гражданин',
    regions: ['federal'],
    questions: [
      proposal.question.trim().toLowerCase().slice(0, 300),
      'TODO: ещё вопрос так, как пишут граждане',
      'TODO: ещё вопрос',
      'TODO: ещё вопрос',
    ],
    keywords: ['TODO'],
    short: proposal.answer.trim(),
    sources: [{ title: 'TODO: официальный источник', url: 'https://TODO', official: true }],
    as_of: isoDate(now),
    review_by: isoDate(review.getTime()),
  };
  const content = [
    '---',
    stringify(frontMatter, { lineWidth: 0 }).trimEnd(),
    '---',
    '',
    '## Кто может получить',
    '',
    'TODO',
    '',
    '## Как подать',
    '',
    'TODO',
    '',
  ].join('\n');
  const category = topic?.category ?? 'TODO-category';
  return { fileName: `${id}.md`, path: `data/faq/${category}/${id}.md`, content };
}
