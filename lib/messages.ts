/**
 * The one message protocol between content scripts and the side panel, after PixieBrix and
 * @webext-core/messaging: every message has a zod schema, both ends parse what they receive, and
 * handlers are registered apart from call sites (entrypoints/shared/content-runtime.ts, components/use-capture.ts).
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

/*
 * The seller's requests that reach the panel through the background (entrypoints/background.ts):
 *
 *   background -> panel       panel-request   {tabId, request}   answered {taken: true} by an open panel
 *   panel -> background       pending         {tabId}            answered {requests}: those no panel took
 *
 * A request is a selection picked from the page with the context menu ("use as email"), or the
 * keyboard command's "capture this page". The background keeps, for a short while, a request no
 * panel took (the command or the menu has just opened the panel), and the panel asks for them
 * once it has started.
 */

/** The manifest's keyboard command (wxt.config.ts): opens the panel and captures the page. */
export const CAPTURE_COMMAND = 'capture-page';

/** The capture form fields a selection can be sent to, in the context menu's order. */
export const PICK_FIELDS = ['name', 'company', 'email', 'phone', 'whatsapp', 'wechat', 'website', 'country'] as const;
export type PickField = (typeof PICK_FIELDS)[number];

/** A selection is clipped to this before it is sent: no field of the form holds more. */
export const PICK_MAX = 500;

/**
 * The document in the tab's top frame when the seller asked (Chrome's documentId, learned by the
 * background): the panel takes the request only while that document is still the one in the tab.
 * Absent where Chrome could not say.
 */
const requestDocument = z.optional(z.string().check(z.maxLength(200)));

export const panelRequestSchema = z.union([
  z.object({
    kind: z.literal('pick'),
    field: z.enum(PICK_FIELDS),
    text: z.string().check(z.maxLength(PICK_MAX)),
    pageUrl: z.nullable(z.string().check(z.maxLength(4000))),
    documentId: requestDocument,
  }),
  z.object({ kind: z.literal('capture'), documentId: requestDocument }),
]);
export type PanelRequest = z.infer<typeof panelRequestSchema>;

export const panelRequestMessageSchema = z.object({
  type: z.literal('buyerbook/panel-request'),
  tabId: z.number(),
  request: panelRequestSchema,
});
export type PanelRequestMessage = z.infer<typeof panelRequestMessageSchema>;

export const pendingRequestsSchema = z.object({ type: z.literal('buyerbook/pending'), tabId: z.number() });
export type PendingRequests = z.infer<typeof pendingRequestsSchema>;

export const pendingReplySchema = z.object({ requests: z.array(panelRequestSchema).check(z.maxLength(20)) });
export type PendingReply = z.infer<typeof pendingReplySchema>;

export const takenReplySchema = z.object({ taken: z.literal(true) });
