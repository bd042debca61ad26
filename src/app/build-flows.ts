/**
 * Builds the citizen services (benefit finder, agency finder, complaints) from `data/benefits/` and
 * `data/agencies/`, next to the search index: at start and on every knowledge reload. Errors in those files throw,
 * so a broken edit fails the start loudly and a hot reload keeps the working version (like the knowledge base).
 */
import { createAgencyFinderFlow } from '../dialogs/flows/agency-finder-flow.js';
import { createBenefitFinderFlow } from '../dialogs/flows/benefit-finder-flow.js';
import { createComplaintFlow } from '../dialogs/flows/complaint-flow.js';
import type { FlowHandler } from '../dialogs/flows/flow-handler.js';
import { ratingFlow } from '../dialogs/flows/rating-flow.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { KnowledgeLoadError } from '../knowledge/problems.js';
import { type AgencyDirectory, loadAgencyDirectory } from '../services/agencies/agency-directory.js';
import { type BenefitRules, loadBenefitRules } from '../services/benefits/benefit-rules.js';

export interface FlowParts {
  flows: FlowHandler[];
}

export interface ServiceData {
  rules: BenefitRules;
  directory: AgencyDirectory;
}

/** Loads and validates the services' data against a loaded knowledge base; throws KnowledgeLoadError on errors. */
export function loadServiceData(dataDir: string, kb: KnowledgeBase): ServiceData {
  const benefits = loadBenefitRules(dataDir, {
    figures: kb.figures,
    entryExists: (id) => kb.entry(id) !== undefined,
  });
  const agencies = loadAgencyDirectory(dataDir);
  const errors = [...benefits.problems, ...agencies.problems].filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new KnowledgeLoadError(errors);
  return { rules: benefits.rules, directory: agencies.directory };
}

export function createFlowBuilder(
  dataDir: string,
  options: { answerWithinWorkingDays?: number } = {},
): (kb: KnowledgeBase) => FlowParts {
  return (kb) => {
    const { rules, directory } = loadServiceData(dataDir, kb);
    return {
      flows: [
        createBenefitFinderFlow({ rules }),
        createAgencyFinderFlow({ directory }),
        createComplaintFlow({
          directory,
          ...(options.answerWithinWorkingDays
            ? { answerWithinWorkingDays: options.answerWithinWorkingDays }
            : {}),
        }),
        // The 1–5 rating after a consultant closed the chat (started by the hand-off, not from the menu).
        ratingFlow,
      ],
    };
  };
}
