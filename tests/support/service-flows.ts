/** The three citizen services built from the project's data, for engine-level tests with the DialogHarness. */
import { loadServiceData } from '../../src/app/build-flows.js';
import { createAgencyFinderFlow } from '../../src/dialogs/flows/agency-finder-flow.js';
import { createBenefitFinderFlow } from '../../src/dialogs/flows/benefit-finder-flow.js';
import { createComplaintFlow } from '../../src/dialogs/flows/complaint-flow.js';
import { DialogHarness, projectKnowledge } from './dialog-harness.js';

let cached: ReturnType<typeof loadServiceData> | undefined;
export function serviceData() {
  cached ??= loadServiceData('data', projectKnowledge());
  return cached;
}

export function servicesHarness(): DialogHarness {
  const h = new DialogHarness();
  const { rules, directory } = serviceData();
  h.flows = [
    createBenefitFinderFlow({ rules }),
    createAgencyFinderFlow({ directory }),
    createComplaintFlow({ directory }),
  ];
  return h;
}

/** The services harness after /start: the greeting is behind, the next message is the citizen's first. */
export function startedServices(): DialogHarness {
  const h = servicesHarness();
  h.send({ kind: 'start' });
  return h;
}

/** The benefit finder opened, Perm chosen and the children skipped: the pregnancy question (3 of 9) is open. */
export function finderAtPregnancyQuestion(): DialogHarness {
  const h = startedServices();
  h.press('bf:go');
  h.press('bf:rg:perm');
  h.press('bf:s:ch');
  return h;
}
