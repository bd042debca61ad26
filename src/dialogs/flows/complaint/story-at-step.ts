/**
 * The whole story typed where a button or an office's name was asked ("В МФЦ на Ленина сотрудница нагрубила
 * моей маме…"): it was read as a new question and the complaint was lost, or taken for the office's name.
 * It is kept as what happened, and the step is asked again.
 */
import { redactPersonalData } from '../../../messaging/personal-data.js';
import type { AgencyDirectory } from '../../../services/agencies/agency-directory.js';
import type { Turn } from '../../turn.js';
import { md } from '../flow-replies.js';
import { askAgency, askAgencyName, askRegion } from './agency-questions.js';
import { type Draft, MAX_DESCRIPTION_CHARS, type Step } from './complaint-draft.js';
import type { AskOptions } from './step-reply.js';
import { isShortStory, isStory, tellsMore } from './story-words.js';

/** Whether `text` typed at `step` tells the story (or more of it) rather than answering the step. */
export function toldAtStep(turn: Turn, step: Step, text: string): boolean {
  return (
    isStory(text) ||
    ((step === 'region' || step === 'agency') && isShortStory(text)) ||
    (step === 'region' &&
      tellsMore(text) &&
      // «пермский край город пермь» is the answer, not a story.
      !(turn.deps.understanding.region(text) && text.split(/\s+/).length <= 4))
  );
}

/** The story `told` at the region or office step with none kept yet: kept, and the step asked again (true). */
export function keepStoryAtStep(
  turn: Turn,
  directory: AgencyDirectory,
  step: Step,
  draft: Draft,
  text: string,
  told: boolean,
): boolean {
  const story =
    (step === 'region' || step === 'agency' || step === 'agency-name') && told && !draft.what
      ? redactPersonalData(text.slice(0, MAX_DESCRIPTION_CHARS))
      : undefined;
  if (!story) return false;
  const kept = { ...draft, what: story };
  const named = step === 'region' ? turn.deps.understanding.region(text) : undefined;
  const again = (key: string): AskOptions => ({ edit: false, lead: md(turn, key) });
  if (named) askAgency(turn, directory, { ...kept, region: named }, 'region', again('complaints.story_kept'));
  else if (step === 'region') askRegion(turn, kept, undefined, again('complaints.story_kept_region'));
  else if (step === 'agency')
    askAgency(turn, directory, kept, undefined, again('complaints.story_kept_agency'));
  else askAgencyName(turn, kept, undefined, again('complaints.story_kept_agency_name'));
  return true;
}
