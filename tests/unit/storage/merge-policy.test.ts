/** Both merges (buyer into buyer, capture into buyer) use one per-field table: no field may lack a policy. */
import { expect, test } from 'vitest';
import { MERGE_POLICY } from '../../../storage/merge-policy';
import { buyerSchema } from '../../../storage/schema';

test('every Buyer field has a merge policy, and no policy names a field that is gone', () => {
  expect(Object.keys(MERGE_POLICY).sort()).toEqual(Object.keys(buyerSchema.shape).sort());
});
