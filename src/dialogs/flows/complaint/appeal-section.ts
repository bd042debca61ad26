/**
 * "How to appeal a refusal": the appeal section of the knowledge-base entry of the benefit the person names, or the
 * general procedure when it has none.
 */
import type { KnowledgeEntry } from '../../../knowledge/entry.js';
import type { Button } from '../../../messaging/outgoing-message.js';
import type { SearchOutcome } from '../../../search/search-types.js';
import { encodePayload } from '../../payloads.js';
import { sectionMessage } from '../../reply-builders.js';
import type { Turn } from '../../turn.js';
import { action, md } from '../flow-replies.js';
import { payload } from './complaint-payloads.js';

/** The general entry on appealing a refusal: its "how to apply" section is the procedure. */
export const GENERAL_APPEAL_ENTRY = 'appeal-benefit-refusal';

/**
 * The appeal section of the named benefit's entry, or the general procedure when it has none. `questionTopic` is
 * what the question was about when it came as free text (an appeal against a refusal, whatever the benefit).
 * `storyKept`: the question told what happened and was kept (`state.offered`), so the complaint button files it.
 */
export function showAppeal(
  turn: Turn,
  entry: KnowledgeEntry | undefined,
  edit: boolean,
  questionTopic?: string,
  storyKept = false,
): void {
  const t = turn.ctx.t;
  turn.state.flow = undefined;
  const general = turn.deps.kb.entry(GENERAL_APPEAL_ENTRY);
  const own = entry?.sections.appeal !== undefined ? entry : undefined;
  const shown = own ?? general;
  if (!shown) return turn.stale();
  const message = sectionMessage(turn.ctx, shown, own ? 'appeal' : 'apply');
  const lead =
    own || entry?.id === GENERAL_APPEAL_ENTRY
      ? []
      : md(turn, entry ? 'complaints.appeal_general' : 'complaints.appeal_not_found', {
          title: entry?.title ?? '',
        });
  const extra: Button[][] = [
    ...(own && general && own.id !== general.id
      ? [
          [
            action(
              t('complaints.buttons.general_procedure'),
              encodePayload({ a: 'section', id: general.id, section: 'apply' }),
            ),
          ],
        ]
      : []),
    [
      storyKept
        ? action(t('complaints.offer'), payload('told'))
        : action(t('complaints.buttons.new'), payload('go')),
    ],
  ];
  turn.state.lastEntryId = shown.id;
  turn.send(
    { ...message, text: [...lead, ...message.text], buttons: [...extra, ...(message.buttons ?? [])] },
    edit,
  );
  turn.outcome({
    outcome: 'answer',
    entryId: shown.id,
    topics: questionTopic && questionTopic !== shown.topic ? [questionTopic, shown.topic] : [shown.topic],
    detail: own ? 'complaint:appeal-section' : 'complaint:appeal-general',
  });
}

/**
 * The benefit named in "как обжаловать отказ в едином пособии": the message without its appeal words (the
 * `appeal` cues of data/search/sections.yaml, asked word by word) searched again; the best entry found of the
 * best one's topic that has an appeal section of its own, else that topic's overview with one. ("в едином пособии"
 * alone ties its amount, which has none, with its overview, which has one: the first hit alone sent such questions
 * to the general procedure. «отказали в едином пособии непонятно почему я считаю это несправедливо» found the
 * general procedure among the choices and the benefit's income rules, which has none: it got the general card, not
 * the benefit's own «Как обжаловать»; citizen audit 8, e05.)
 */
export function namedBenefit(turn: Turn, text: string): KnowledgeEntry | undefined {
  const words = text.split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
  const rest = words.filter((w) => turn.deps.understanding.sectionRequest(w) !== 'appeal');
  if (rest.length === words.length || rest.length === 0) return undefined;
  const found = entriesOfBestTopic(turn, turn.deps.search.search(rest.join(' ')));
  return found.find((e) => e.sections.appeal !== undefined) ?? overviewWithAppeal(turn, found[0]?.topic);
}

/** The overview of a topic («…-overview») that has an appeal section, if it has one. */
function overviewWithAppeal(turn: Turn, topic: string | undefined): KnowledgeEntry | undefined {
  if (topic === undefined) return undefined;
  return turn.deps.kb
    .entriesOfTopic(topic)
    .find((e) => e.id.endsWith('-overview') && e.sections.appeal !== undefined);
}

/**
 * The entries found of the best hit's topic, in rank, without the general appeal entry. The general entry first
 * among choices names no benefit: the next hit's topic is the benefit's then (answered, it is the question's).
 */
function entriesOfBestTopic(turn: Turn, found: SearchOutcome): KnowledgeEntry[] {
  const topic = (
    found.band === 'clarify' ? found.hits.find((h) => h.entryId !== GENERAL_APPEAL_ENTRY) : found.hits[0]
  )?.topic;
  return found.hits
    .filter((h) => h.topic === topic && h.entryId !== GENERAL_APPEAL_ENTRY)
    .map((h) => turn.deps.kb.entry(h.entryId))
    .filter((e): e is KnowledgeEntry => e !== undefined);
}

/** «отказали в едином пособии на ребенка, …»: what follows the refusal, to the end of its clause. */
const REFUSED =
  /(?:отказали|отказал|отказала|отказ|отказывают|не дали|не дают|не назначили|не назначают)\s+(?:мне\s+|нам\s+)?(?:в\s+|во\s+)?([^,.;!?]{4,80})/u;

/**
 * The benefit a complaint's story says was refused («отказали в едином пособии…, соцзащита фролово»), for «Как
 * обжаловать отказ» under the receipt: the story searched, and of the best topic the overview with an appeal section,
 * another entry with one, or the best entry (whose page then gives the general procedure, saying so). The appeal
 * words' reading (namedBenefit) found none in most stories, and the best entry alone was a narrow one («правило
 * нулевого дохода» for a refusal said to be for too high an income; verification pass 8).
 */
export function storyBenefit(turn: Turn, story: string): KnowledgeEntry | undefined {
  // What was refused, up to the end of its clause: the story's other words (the complaint, the office) lead the
  // search to the general appeal entry or the offices' contacts.
  const refused = REFUSED.exec(story.toLowerCase())?.[1]?.trim();
  if (!refused) return undefined;
  const found = turn.deps.search.search(refused);
  if (found.intent !== undefined) return undefined;
  const entries = entriesOfBestTopic(turn, found);
  const withAppeal = entries.filter((e) => e.sections.appeal !== undefined);
  return withAppeal.find((e) => e.id.endsWith('-overview')) ?? withAppeal[0] ?? entries[0];
}
