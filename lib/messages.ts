/**
 * The one message protocol between content scripts and the side panel, after PixieBrix and
 * @webext-core/messaging: every message has a zod schema, both ends parse what they receive, and
 * handlers are registered apart from call sites (lib/content-runtime.ts, components/use-capture.ts).
 *
 *   content script -> panel   capture/changed   {capture}      (page loaded, or a SPA switched conversation)
 *   panel -> content script   capture/read      {}             answered by capture/result {capture}
 *
 * `zod/mini` keeps the content script small.
 */
import * as z from 'zod/mini';
import { rawCaptureSchema } from './capture-schema';

export const captureChangedSchema = z.object({
  type: z.literal('buyerbook/capture-changed'),
  capture: rawCaptureSchema,
});
export type CaptureChanged = z.infer<typeof captureChangedSchema>;

export { captureReadSchema, type CaptureRead } from './capture-read';
import type { CaptureRead } from './capture-read';

export const captureResultSchema = z.object({
  type: z.literal('buyerbook/capture-result'),
  capture: rawCaptureSchema,
});
export type CaptureResult = z.infer<typeof captureResultSchema>;

export const captureReadMessage = (): CaptureRead => ({ type: 'buyerbook/capture-read' });
