/**
 * The one message map (after @webext-core/messaging's ProtocolMap): every message the extension's
 * parts send each other, by its `type`, with the schema of the request and of its reply (null:
 * the sender waits for none). `sendRequest` sends a request and parses its reply with the map's
 * schema, so no reply reaches the caller as `unknown`; tests/unit/lib/protocol.test.ts checks
 * that every message schema is in the map under its own type.
 *
 *   panel -> content script   capture-read      reply capture-result (checked again, field by field,
 *                                               by components/accept-capture.ts)
 *   content script -> panel   capture-changed   no reply
 *   background -> panel       panel-request     reply {taken: true} from the panel that took it
 *   panel -> background       pending           reply {requests} no panel took yet
 *   panel -> background       book-changed, reminder-changed, backup-schedule-changed   no reply
 *   background -> offscreen   offscreen-backup  reply {ok, url, fileName, createdAt} or {ok: false, error}
 */
import * as z from 'zod/mini';
import { bookChangedSchema, reminderChangedSchema } from './badge-messages';
import { offscreenBackupReplySchema, offscreenBackupSchema, scheduleChangedSchema } from './backup-messages';
import {
  captureChangedSchema,
  captureReadSchema,
  panelRequestMessageSchema,
  pendingReplySchema,
  pendingRequestsSchema,
  takenReplySchema,
} from './messages';

/**
 * A capture result's envelope: the capture inside is mended or refused field by field by the
 * panel's gate (components/accept-capture.ts), never dropped whole here for one bad field.
 */
export const captureResultEnvelopeSchema = z.object({ type: z.literal('buyerbook/capture-result'), capture: z.unknown() });

export const PROTOCOL = {
  'buyerbook/capture-read': { request: captureReadSchema, reply: captureResultEnvelopeSchema },
  'buyerbook/capture-changed': { request: captureChangedSchema, reply: null },
  'buyerbook/panel-request': { request: panelRequestMessageSchema, reply: takenReplySchema },
  'buyerbook/pending': { request: pendingRequestsSchema, reply: pendingReplySchema },
  'buyerbook/book-changed': { request: bookChangedSchema, reply: null },
  'buyerbook/reminder-changed': { request: reminderChangedSchema, reply: null },
  'buyerbook/backup-schedule-changed': { request: scheduleChangedSchema, reply: null },
  'buyerbook/offscreen-backup': { request: offscreenBackupSchema, reply: offscreenBackupReplySchema },
} as const;

export type ProtocolMap = typeof PROTOCOL;
export type MessageType = keyof ProtocolMap;
export type RequestOf<T extends MessageType> = z.infer<ProtocolMap[T]['request']>;
export type ReplyOf<T extends MessageType> = ProtocolMap[T]['reply'] extends z.ZodMiniType
  ? z.infer<ProtocolMap[T]['reply']>
  : undefined;

/**
 * Sends `message` through `send` (runtime.sendMessage, tabs.sendMessage bound to a tab) and
 * returns its reply parsed by the map: null when the reply does not have the reply's shape (or
 * no receiver answered), undefined for a message that has no reply.
 */
export async function sendRequest<T extends MessageType>(
  send: (message: RequestOf<T>) => Promise<unknown>,
  message: RequestOf<T> & { type: T },
): Promise<ReplyOf<T> | null> {
  const raw = await send(message);
  const schema = PROTOCOL[message.type].reply as z.ZodMiniType | null;
  if (!schema) return undefined as ReplyOf<T>;
  const parsed = z.safeParse(schema, raw);
  return parsed.success ? (parsed.data as ReplyOf<T>) : null;
}
