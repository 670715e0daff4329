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
import { countBuyers, findBuyers, type BuyerFilters } from '../../storage/buyers-repo';
import { SEARCH_LIMIT } from '../../components/list-sizes';
import { bulkImport } from '../../storage/bulk-import';
import { getDb, openDb, type BuyerbookDB } from '../../storage/db';
import { listHistory } from '../../storage/buyer-history';
import { captureReadMessage } from '../../lib/messages';
import { sellerZone } from '../../lib/next-steps/rules';
import { localDayBounds } from '../../lib/next-steps/working-hours';
import { withNextDue, type WithSteps } from '../../storage/next-due';
import { getSettings } from '../../storage/settings-repo';
import { readToday } from '../../storage/today-repo';
import { writeBackup } from '../../storage/backup/write-backup';
import { verifyBackup, writeVerifiedBackup } from '../../storage/backup/restore';

/**
 * Peak of performance.memory.usedJSHeapSize (Chromium only; precise with the runner's
 * --enable-precise-memory-info) while `fn` runs, above its start, in MB; and the same peak per
 * phase, where `fn` names its phases through the setter it is given (where the memory goes).
 */
async function withPeakHeap<T>(
  fn: (phase: (name: string) => void) => Promise<T>,
): Promise<{ value: T; peakHeapMB: number | null; byPhase: Record<string, number> }> {
  const mem = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null;
  const start = mem();
  let peak = start ?? 0;
  let current = '';
  const phases: Record<string, number> = {};
  const sample = () => {
    const m = mem() ?? 0;
    peak = Math.max(peak, m);
    if (current) phases[current] = Math.max(phases[current] ?? 0, m);
  };
  const timer = setInterval(sample, 20);
  try {
    const value = await fn((name) => {
      sample();
      current = name;
    });
    sample();
    const above = (x: number) => (start == null ? 0 : (x - start) / 2 ** 20);
    const byPhase = Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, above(v)]));
    return { value, peakHeapMB: start == null ? null : above(peak), byPhase };
  } finally {
    clearInterval(timer);
  }
}

// The tables a backup file holds (storage/backup/format.ts TABLE_ORDER): the bare backup reads these.
const BACKUP_TABLES = ['buyers', 'inquiries', 'touchpoints', 'settings', 'stepStates'] as const;
// The bare restore writes every stored row the restored book ends with: the buyers' steps too,
// which the product's restore computes (they are derived, so not in the file).
const RESTORED_TABLES = [...BACKUP_TABLES, 'buyerSteps'] as const;

/** Runs the product and the bare side one after the other, bare first when asked; returns [product, bare]. */
async function bothInOrder<P, B>(bareFirst: boolean, product: () => Promise<P>, bare: () => Promise<B>): Promise<[P, B]> {
  if (bareFirst) {
    const b = await bare();
    return [await product(), b];
  }
  const p = await product();
  return [p, await bare()];
}

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
async function barePut(db: BuyerbookDB, c: { buyers: unknown[]; buyerSteps: unknown[]; inquiries: unknown[]; touchpoints: unknown[] }): Promise<void> {
  await db.transaction('rw', db.buyers, db.buyerSteps, db.inquiries, db.touchpoints, async () => {
    await db.buyers.bulkPut(c.buyers as never[]);
    await db.buyerSteps.bulkPut(c.buyerSteps as never[]);
    await db.inquiries.bulkPut(c.inquiries as never[]);
    await db.touchpoints.bulkPut(c.touchpoints as never[]);
  });
}

/** The stored rows of computed buyers: buyer rows, and the steps rows of those with steps. */
const withSteps = (xs: WithSteps[]) => ({
  buyers: xs.map((x) => x.row),
  buyerSteps: xs.filter((x) => x.steps.length).map((x) => ({ buyerId: x.row.id, steps: x.steps })),
});

async function scratch(name: string): Promise<BuyerbookDB> {
  const db = openDb(name);
  await db.delete();
  const fresh = openDb(name);
  await fresh.open();
  return fresh;
}

const api: BenchApi = {
  features: () => ({ todayView: true, backup: true }),

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
    // The bare side writes exactly what the product stores (next steps included): rows prepared here, untimed.
    const { nextSteps } = await getSettings(getDb());
    const now = Date.now();
    const byBuyer = <T extends { buyerId: string }>(xs: T[]) => {
      const m = new Map<string, T[]>();
      for (const x of xs) m.set(x.buyerId, [...(m.get(x.buyerId) ?? []), x]);
      return m;
    };
    const prepared = chunks.map((c) => {
      const tps = byBuyer(c.touchpoints);
      const inqs = byBuyer(c.inquiries);
      return {
        ...withSteps(c.buyers.map((b) => toBuyerRow(b)).map((r) => withNextDue(r, { touchpoints: tps.get(r.id) ?? [], inquiries: inqs.get(r.id) ?? [], states: [] }, nextSteps, now))),
        inquiries: c.inquiries,
        touchpoints: c.touchpoints,
      };
    });
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

  // What the panel reads: the Buyers tab's first page (findBuyers, no filter, last contact first).
  async listFirstPage(limit) {
    const t0 = performance.now();
    const { buyers: page } = await findBuyers({ limit });
    const ms = performance.now() - t0;
    // The panel shows the page first and counts after (the count is not part of the figure).
    return { ms, shown: page.length, total: await countBuyers() };
  },

  // The buyer page's history (touchpoints, inquiries and stage changes), as the panel reads it.
  async timelineFirstPage(buyerId, limit) {
    const t0 = performance.now();
    const rows = await listHistory(buyerId, { limit });
    return { ms: performance.now() - t0, shown: rows.length };
  },

  // What the Today tab reads to draw itself: overdue, today and upcoming from the nextDueAt index.
  async todayView() {
    const db = getDb();
    const { nextSteps } = await getSettings(db);
    const now = Date.now();
    const dayEnd = localDayBounds(now, sellerZone(nextSteps)).end;
    const t0 = performance.now();
    const t = await readToday({ now, dayEnd }, db);
    const ms = performance.now() - t0;
    return { ms, shown: t.overdue.length + t.today.length + t.upcoming.length };
  },
  // Not built yet: the runner prints "not built yet" and writes null.
  /**
   * Backup of the real book vs bare toArray of its tables; restore of that file into a scratch
   * database vs bare bulkPut of the same stored rows (one transaction, as the restore) into
   * another. The restore figure includes its check of the whole file before writing.
   */
  async backupRoundTrip({ bareFirst = false, restore = true } = {}) {
    const db = getDb();
    await db.open();
    const timed = async <T>(fn: () => Promise<T>) => {
      const t0 = performance.now();
      const value = await fn();
      return { value, ms: performance.now() - t0 };
    };
    const stored: Record<string, unknown[]> = {};
    const dropStored = () => {
      for (const t of Object.keys(stored)) delete stored[t];
    };
    const bareBackup = async () => {
      const out = await timed(async () => {
        for (const t of BACKUP_TABLES) stored[t] = await db.table(t).toArray();
      });
      dropStored();
      return out;
    };
    const productBackup = () => timed(() => withPeakHeap(() => writeBackup({}, db)));

    status('backup...');
    const [pb, bb] = await bothInOrder(bareFirst, productBackup, bareBackup);
    const product = pb.value;
    // The bare sides' copy of the whole book is dropped as soon as each is timed: held while the
    // product's backup or restore runs, it is live heap the panel never has, and V8 lets garbage
    // grow with the live heap before it collects (at the full book the restore's peak read
    // +1,127 MB with it). The bare restore reads its rows again, untimed.
    const readStored = async () => {
      for (const t of RESTORED_TABLES) stored[t] = await db.table(t).toArray();
    };
    const rows = Object.values(product.value.counts).reduce((a, b) => a + b, 0);
    const backup = { productMs: pb.ms, bareMs: bb.ms, rows, peakHeapMB: product.peakHeapMB, bytes: product.value.blob.size };
    if (!restore) {
      status('ready');
      return { backup, restore: null };
    }

    status('restore...');
    const target = await scratch('buyerbook-restore');
    const bare = await scratch('buyerbook-restore-bare');
    const bareByTable: Record<string, number> = {};
    const productRestore = () =>
      timed(() =>
        withPeakHeap(async (phase) => {
          const v0 = performance.now();
          phase('verify');
          await verifyBackup(product.value.blob);
          const verifyMs = performance.now() - v0;
          phase('history');
          // The write pass's progress runs past the file's size once it writes the buyers (pass two).
          const size = product.value.blob.size;
          await writeVerifiedBackup(product.value.blob, 'replace', { onProgress: (_p, read) => read > size && phase('buyers') }, target);
          return verifyMs;
        }),
      );
    // The same stored rows, one transaction, 1,000 rows a bulkPut: what the restore does, bare.
    const bareRestore = async () => {
      await readStored();
      const out = await timed(() =>
        bare.transaction('rw', bare.tables, async () => {
          for (const t of RESTORED_TABLES) {
            const s0 = performance.now();
            const all = stored[t]!;
            for (let i = 0; i < all.length; i += 1000) await bare.table(t).bulkPut(all.slice(i, i + 1000));
            bareByTable[t] = performance.now() - s0;
          }
        }),
      );
      dropStored();
      return out;
    };
    const [pr, br] = await bothInOrder(bareFirst, productRestore, bareRestore);
    const got = await target.touchpoints.count();
    if (got !== product.value.counts.touchpoints) throw new Error(`restore wrote ${got} touchpoints of ${product.value.counts.touchpoints}`);
    await target.delete();
    await bare.delete();
    status('ready');
    return {
      backup,
      restore: { productMs: pr.ms, bareMs: br.ms, rows, peakHeapMB: pr.value.peakHeapMB, peakHeapByPhaseMB: pr.value.byPhase, verifyMs: pr.value.value, bareByTable },
    };
  },

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
