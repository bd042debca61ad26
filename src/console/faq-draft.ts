/**
 * A consultant reply proposed as FAQ, exported as a draft knowledge-base entry in the format of data/faq/README.md.
 * A draft, not an entry: the curator fills the TODOs (title, more questions, sources, dates checked), removes
 * anything personal from the citizen's question, saves it as data/faq/<category>/<id>.md and runs `npm run kb:check`.
 */
import { stringify } from 'yaml';
import { REGIONS, type Region, regionOfCategory, type Topic } from '../knowledge/entry.js';
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

function asRegion(value: string | null | undefined): Region | undefined {
  return REGIONS.find((r) => r === value);
}

/**
 * Whom the answer is for. A topic's entries say it: a topic whose entries are all for one region (a Perm topic) gets
 * that region, one with a federal entry gets `federal`; a topic with no entries yet goes by its category
 * (`regional-perm`). Without a topic, the citizen's region if it is a region of the knowledge base: a Perm
 * consultant's answer published for everyone could tell the whole country about a Perm payment, while one kept to
 * Perm that holds everywhere only reaches fewer people until the curator widens it. `federal` otherwise.
 */
export function draftRegions(
  topic: Topic | undefined,
  kb: KnowledgeBase,
  citizenRegion: string | null | undefined,
): Region[] {
  if (topic) {
    const regions = new Set(kb.entriesOfTopic(topic.slug).flatMap((e) => e.regions));
    if (regions.has('federal')) return ['federal'];
    if (regions.size > 0) return REGIONS.filter((r) => regions.has(r));
    const byCategory = regionOfCategory(topic.category);
    return [byCategory ?? 'federal'];
  }
  const region = asRegion(citizenRegion);
  return [region && region !== 'federal' ? region : 'federal'];
}

/** `citizenRegion`: the region of the citizen whose ticket the answer came from, when known. */
export function faqDraft(
  proposal: FaqProposal,
  kb: KnowledgeBase,
  now: number,
  citizenRegion?: string | null,
): FaqDraft {
  const topic = proposal.topic ? kb.topic(proposal.topic) : undefined;
  const id = `draft-${proposal.id}`;
  const review = new Date(now);
  review.setUTCMonth(review.getUTCMonth() + REVIEW_MONTHS);
  const frontMatter = {
    id,
    topic: topic?.slug ?? 'TODO-topic-slug-from-data-topics-yaml',
    title: 'TODO: название меры так, как его назвал бы гражданин',
    regions: draftRegions(topic, kb, citizenRegion),
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
