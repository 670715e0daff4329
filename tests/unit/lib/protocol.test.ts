import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import * as messages from '../../../lib/messages';
import * as badge from '../../../lib/badge-messages';
import * as backup from '../../../lib/backup-messages';
import { PROTOCOL, sendRequest, type MessageType } from '../../../lib/protocol';

describe('the message map', () => {
  it('holds every message schema under its own type', () => {
    // Every exported schema whose shape has a literal `type` is a message: it must be in the map.
    const schemas = [...Object.entries(messages), ...Object.entries(badge), ...Object.entries(backup)].filter(
      ([name, v]) => name.endsWith('Schema') && v && typeof v === 'object' && 'shape' in (v as object),
    );
    const typed = schemas
      .map(([name, s]) => [name, ((s as { shape: Record<string, unknown> }).shape.type as { _zod?: { def?: { values?: unknown[] } } } | undefined)?._zod?.def?.values?.[0]] as const)
      .filter(([, t]) => typeof t === 'string');
    expect(typed.length).toBeGreaterThanOrEqual(5);
    for (const [name, type] of typed) {
      if (type === 'buyerbook/capture-result') continue; // the reply of capture-read
      expect(Object.keys(PROTOCOL), `${name} (${String(type)})`).toContain(type);
      expect(PROTOCOL[type as MessageType].request, name).toBe((messages as Record<string, unknown>)[name] ?? (badge as Record<string, unknown>)[name] ?? (backup as Record<string, unknown>)[name]);
    }
  });

  it('parses each reply with its schema: a stray reply is null, not unknown', async () => {
    const ask = { type: 'buyerbook/pending' as const, tabId: 7 };
    expect(await sendRequest(async () => ({ requests: [{ kind: 'capture' }] }), ask)).toEqual({ requests: [{ kind: 'capture' }] });
    expect(await sendRequest(async () => ({ requests: 'all of them' }), ask)).toBeNull();
    expect(await sendRequest(async () => undefined, ask)).toBeNull();
    const taken = await sendRequest(async () => ({ taken: true }), { type: 'buyerbook/panel-request', tabId: 7, request: { kind: 'capture' } });
    expect(taken).toEqual({ taken: true });
    expect(await sendRequest(async () => 'anything', { type: 'buyerbook/book-changed' })).toBeUndefined();
    // The offscreen document's reply: only a blob: URL and a plain file name are taken.
    const offscreen = { type: 'buyerbook/offscreen-backup' as const };
    expect(await sendRequest(async () => ({ ok: true, url: 'blob:chrome-extension://x/1', fileName: 'buyerbook-backup.jsonl', createdAt: 1 }), offscreen)).toMatchObject({ ok: true });
    expect(await sendRequest(async () => ({ ok: true, url: 'https://example.com/x', fileName: 'b.jsonl', createdAt: 1 }), offscreen)).toBeNull();
    expect(await sendRequest(async () => ({ ok: true, url: 'blob:x', fileName: '../etc/passwd', createdAt: 1 }), offscreen)).toBeNull();
    expect(z.safeParse(PROTOCOL['buyerbook/capture-read'].reply, { type: 'buyerbook/capture-result', capture: { bad: 1 } }).success).toBe(true);
  });
});
