/**
 * What every content script does, on a live (jsdom) document with WXT's fake browser: push the
 * capture when it loads, push again when a single-page app switches conversation without a page
 * load, answer the panel's read request, and ignore any other message.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { runCapture } from '../../entrypoints/shared/content-runtime';
import { emptyCapture } from '../../lib/capture';
import type { PlatformModule } from '../../extractors/types';

const module: PlatformModule = {
  platform: 'alibaba',
  matches: ['https://message.alibaba.com/*'],
  adapters: [
    {
      id: 'test/open-chat',
      detect: () => true,
      extract: (doc, url) => {
        const c = emptyCapture('alibaba', url.href);
        c.buyer.name = doc.querySelector('#open-chat .buyer')?.textContent ?? null;
        return c;
      },
      examples: { positive: [], negative: [] },
    },
  ],
};

describe('content runtime', () => {
  let ctx: ContentScriptContext;
  const sent: unknown[] = [];

  beforeEach(() => {
    fakeBrowser.reset();
    sent.length = 0;
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (m: unknown) => {
      sent.push(m);
    });
    document.body.replaceChildren();
    const chat = document.createElement('div');
    chat.id = 'open-chat';
    const buyer = document.createElement('span');
    buyer.className = 'buyer';
    buyer.textContent = 'First Buyer';
    chat.append(buyer);
    document.body.append(chat);
    ctx = new ContentScriptContext('test');
  });
  afterEach(() => ctx.abort());

  it('pushes the capture on load and again when the open conversation changes', async () => {
    runCapture(module, ctx);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'buyerbook/capture-changed', capture: { buyer: { name: 'First Buyer' } } });

    document.querySelector('#open-chat .buyer')!.textContent = 'Second Buyer';
    await vi.waitFor(() => expect(sent).toHaveLength(2), { timeout: 2000 });
    expect(sent[1]).toMatchObject({ capture: { buyer: { name: 'Second Buyer' } } });
    expect(JSON.stringify(sent[1])).not.toContain('First Buyer');
  });

  it('does not push again when the page changes but the capture does not', async () => {
    runCapture(module, ctx);
    const noise = document.createElement('i');
    noise.textContent = 'typing…';
    document.body.append(noise);
    await new Promise((r) => setTimeout(r, 600));
    expect(sent).toHaveLength(1);
  });

  it('answers the panel read request and ignores other messages', async () => {
    runCapture(module, ctx);
    vi.mocked(fakeBrowser.runtime.sendMessage).mockRestore();
    const ask = (message: unknown) => fakeBrowser.runtime.sendMessage(message);
    expect(await ask({ type: 'buyerbook/capture-read' })).toMatchObject({
      type: 'buyerbook/capture-result',
      capture: { buyer: { name: 'First Buyer' } },
    });
    expect(await ask({ type: 'buyerbook/delete-everything' })).toBeUndefined();
    expect(await ask('buyerbook/capture-read')).toBeUndefined();
    expect(await ask({ type: 'buyerbook/capture-read', then: 1 })).toMatchObject({ type: 'buyerbook/capture-result' });
  });

  it('watches only the part of the page its adapter names', async () => {
    let reads = 0;
    const watched: PlatformModule = {
      ...module,
      adapters: [{ ...module.adapters[0]!, observe: '#open-chat', extract: (d, u) => (reads++, module.adapters[0]!.extract(d, u)) }],
    };
    runCapture(watched, ctx);
    expect(reads).toBe(1);
    const feed = document.createElement('section');
    feed.textContent = 'a feed post';
    document.body.append(feed);
    await new Promise((r) => setTimeout(r, 600));
    expect(reads).toBe(1);
    document.querySelector('#open-chat .buyer')!.textContent = 'Second Buyer';
    await vi.waitFor(() => expect(sent).toHaveLength(2), { timeout: 2000 });
  });

  it('reads nothing on an address no adapter claims (the panel would refuse it)', async () => {
    let reads = 0;
    const nowhere: PlatformModule = {
      ...module,
      adapters: [{ ...module.adapters[0]!, detect: () => false, extract: (d, u) => (reads++, module.adapters[0]!.extract(d, u)) }],
    };
    runCapture(nowhere, ctx);
    document.querySelector('#open-chat .buyer')!.textContent = 'Second Buyer';
    await new Promise((r) => setTimeout(r, 600));
    expect(reads).toBe(0);
    expect(sent).toHaveLength(0);
  });
});
