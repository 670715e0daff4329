import { expect, test } from 'vitest';
import { DEFAULT_NEXT_STEP_SETTINGS, nextStepSettingsSchema } from '../../../lib/next-steps/settings';

test('the written-out next-step defaults are the schema defaults', () => {
  expect(DEFAULT_NEXT_STEP_SETTINGS).toEqual(nextStepSettingsSchema.parse({}));
});
