/**
 * The panel's "read this page now" request: the one message a content script receives. In its
 * own module so the content script carries this small schema and not the capture schemas.
 */
import * as z from 'zod/mini';

export const captureReadSchema = z.object({ type: z.literal('buyerbook/capture-read') });
export type CaptureRead = z.infer<typeof captureReadSchema>;
