import '../../lib/zod-setup';
/**
 * The benchmark page: the real storage modules running in the extension's origin against the
 * real `buyerbook` IndexedDB, driven by bench/run.ts through `window.bench`. Each function does
 * one measured thing and returns its timings; the runner repeats and summarises them.
 *
 * Only the `bench` and `e2e` builds contain this page (the entrypoints:resolved hook in
 * wxt.config.ts drops it from every other mode).
 */
import { browser } from 'wxt/browser';
import type { BenchApi, RatioRun, SearchRun } from '../../bench/api';
import { generateBook, type BookChunk } from '../../bench/generate';
import { toBuyerRow } from '../../storage/buyer-row';
import { countBuyers, findBuyers, listBuyers, type BuyerFilters } from '../../storage/buyers-repo';
import { SEARCH_LIMIT } from '../../components/list-sizes';
import { bulkImport } from '../../storage/bulk-import';
import { getDb, openDb, type BuyerbookDB } from '../../storage/db';
import { listTimeline } from '../../storage/touchpoints-repo';
import { captureReadMessage } from '../../lib/messages';

const status = (text: string) => {
  const el = document.getElementById('status');
  if (el) el.textContent = text;
};

/** Results per search as the panel asks for them. */
const LIMIT = SEARCH_LIMIT;

/** The filters a filtered search is timed with, one a query in turn: broad ones, the hard case. */
const FILTERS: BuyerFilters[] = [{ stage: 'new' }, { country: 'US' }, { idleDays: 30 }, { platform: 'alibaba' }];

const rowsOf = (c: BookChunk) => c.buyers.length + c.inquiries.length + c.touchpoints.length;

/** Bare Dexie: the rows written as they are, one transaction a chunk, as bulkImport does. */
async function barePut(db: BuyerbookDB, c: { buyers: unknown[]; inquiries: unknown[]; touchpoints: unknown[] }): Promise<void> {
  await db.transaction('rw', db.buyers, db.inquiries, db.touchpoints, async () => {
    await db.buyers.bulkPut(c.buyers as never[]);
    await db.inquiries.bulkPut(c.inquiries as never[]);
    await db.touchpoints.bulkPut(c.touchpoints as never[]);
  });
}

async function scratch(name: string): Promise<BuyerbookDB> {
  const db = openDb(name);
  await db.delete();
  const fresh = openDb(name);
  await fresh.open();
  return fresh;
}

const api: BenchApi = {
  features: () => ({ todayView: false, backup: false }),

  async fillBook({ seed, size, chunkBuyers, from, to }) {
    const db = getDb();
    await db.open();
    let importMs = 0;
    let generateMs = 0;
    let rows = 0;
    const gen = generateBook(seed, size, chunkBuyers, from, to);
    for (;;) {
      const g0 = performance.now();
      const next = gen.next();
      generateMs += performance.now() - g0;
      if (next.done) break;
      const t0 = performance.now();
      await bulkImport(next.value, db);
      importMs += performance.now() - t0;
      rows += rowsOf(next.value);
      status(`filled ${rows} rows`);
    }
    return { importMs, generateMs, rows };
  },

  async fillRatio({ seed, size, chunkBuyers, bareFirst }) {
    const chunks = [...generateBook(seed, size, chunkBuyers)];
    // The bare side writes exactly what the product stores: rows prepared here, untimed.
    const prepared = chunks.map((c) => ({ buyers: c.buyers.map((b) => toBuyerRow(b)), inquiries: c.inquiries, touchpoints: c.touchpoints }));
    const repoDb = await scratch('buyerbook-ratio');
    const bareDb = await scratch('buyerbook-bare');
    const out: RatioRun = { repoMs: 0, bareMs: 0, rows: chunks.reduce((n, c) => n + rowsOf(c), 0) };
    const repo = async () => {
      const t0 = performance.now();
      for (const c of chunks) await bulkImport(c, repoDb);
      out.repoMs = performance.now() - t0;
    };
    const bare = async () => {
      const t0 = performance.now();
      for (const c of prepared) await barePut(bareDb, c);
      out.bareMs = performance.now() - t0;
    };
    // Alternating which goes first across runs cancels any warm-up advantage.
    if (bareFirst) {
      await bare();
      await repo();
    } else {
      await repo();
      await bare();
    }
    const [a, b] = await Promise.all([repoDb.touchpoints.count(), bareDb.touchpoints.count()]);
    if (a !== b) throw new Error(`ratio batch differs: ${a} touchpoints through the product, ${b} bare`);
    await repoDb.delete();
    await bareDb.delete();
    return out;
  },

  async counts() {
    const db = getDb();
    const [buyers, inquiries, touchpoints] = await Promise.all([db.buyers.count(), db.inquiries.count(), db.touchpoints.count()]);
    return { buyers, inquiries, touchpoints };
  },

  async search({ queries, keystrokes, filtered }) {
    const out: SearchRun = { keystrokeMs: [], hits: [] };
    for (let q = 0; q < queries.length; q++) {
      const filter: BuyerFilters = filtered ? FILTERS[q % FILTERS.length]! : {};
      for (const prefix of keystrokes[q] ?? []) {
        const t0 = performance.now();
        await findBuyers({ query: prefix, limit: LIMIT, ...filter });
        out.keystrokeMs.push(performance.now() - t0);
      }
      const query = queries[q]!;
      const { buyers: all, more } = await findBuyers({ query: query.text, limit: LIMIT, ...filter });
      const id = query.buyerId;
      out.hits.push({ query: query.text, results: all.length, found: !id ? null : all.some((b) => b.id === id) ? true : more ? null : false });
    }
    return out;
  },

  async listFirstPage(limit) {
    const t0 = performance.now();
    const page = await listBuyers({ limit });
    const ms = performance.now() - t0;
    // The panel shows the page first and counts after (the count is not part of the figure).
    return { ms, shown: page.length, total: await countBuyers() };
  },

  async timelineFirstPage(buyerId, limit) {
    const t0 = performance.now();
    const rows = await listTimeline(buyerId, { limit });
    return { ms: performance.now() - t0, shown: rows.length };
  },

  // Not built yet: the runner prints "not built yet" and writes null.
  todayView: async () => null,
  backupRoundTrip: async () => null,

  async captureRead(url) {
    const strip = (u: string | undefined) => (u ?? '').replace(/#.*$/, '');
    const tabs = await browser.tabs.query({});
    const tab = tabs.find((t) => strip(t.url) === strip(url));
    if (tab?.id == null) throw new Error(`no tab at ${url} (is it a platform page with host access?)`);
    const reply = await browser.tabs.sendMessage(tab.id, captureReadMessage());
    return !!reply;
  },
};

window.bench = api;
status('ready');
