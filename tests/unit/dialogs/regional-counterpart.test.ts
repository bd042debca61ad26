import { describe, expect, it } from 'vitest';
import { regionalCounterpart } from '../../../src/dialogs/regional-counterpart.js';
import { projectKnowledge } from '../../support/dialog-harness.js';

describe('regional counterparts (the same measure in the other region)', () => {
  const kb = projectKnowledge();
  const counterpart = (id: string, region: 'perm' | 'volgograd') =>
    regionalCounterpart(kb, kb.entry(id)!, region)?.id;

  it("pairs the two regions' subsistence minimum and contacts entries, both ways", () => {
    expect(counterpart('volgograd-subsistence-minimum', 'perm')).toBe('perm-subsistence-minimum-benefits');
    expect(counterpart('perm-subsistence-minimum-benefits', 'volgograd')).toBe(
      'volgograd-subsistence-minimum',
    );
    expect(counterpart('volgograd-social-agencies-contacts', 'perm')).toBe('perm-social-agencies-contacts');
  });

  it('pairs nothing for a federal entry, an entry of the region named, or a measure only one region has', () => {
    expect(counterpart('ep-children-overview', 'perm')).toBeUndefined();
    expect(counterpart('perm-subsistence-minimum-benefits', 'perm')).toBeUndefined();
    // A payment at birth for young mothers is not the one for students and soldiers' wives.
    expect(counterpart('volgograd-young-mother-payment', 'perm')).toBeUndefined();
  });
});
