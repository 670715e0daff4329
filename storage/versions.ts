/**
 * Every schema version of the `buyerbook` IndexedDB database, oldest first. An extension update
 * must never lose a seller's book (uninstall already does), so versions are only ever appended:
 * never edit or remove a published entry, because browsers still holding that version upgrade
 * through every later one in order.
 *
 * To change the schema, append `{ version: N + 1, stores: {...changed tables only...}, upgrade }`
 * (Dexie keeps tables not named in `stores`; `null` deletes a table). `upgrade` runs once in the
 * version-change transaction for databases older than N + 1; rewrite rows there with the
 * repositories' row builders so derived fields stay right. Then add
 * `tests/unit/storage/migrations/v<N+1>.test.ts` (tests/unit/storage/migrations.test.ts fails
 * until it exists): see the comment there for how to seed data the old way.
 *
 * Index syntax (Dexie): first = primary key; `*x` multiEntry (one entry per array element);
 * `&x` unique; `[a+b]` compound. Rows whose key is missing or null are simply not in an index.
 */
import type { Transaction } from 'dexie';

/** Settings row of the phrase backfill (version 2): the last buyer id done; absent when none is due. */
export const PHRASE_BACKFILL_KEY = 'backfill:phrases';

/** Settings row of the next-due backfill (version 3): the last buyer id done; absent when none is due. */
export const NEXT_DUE_BACKFILL_KEY = 'backfill:nextDue';
/** Settings row of the derived-field backfill (version 4): the last buyer id done; absent when none is due. */
export const DERIVED_BACKFILL_KEY = 'backfill:derived-v4';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => PromiseLike<unknown> | void;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // Recognition: *emails, *phones, whatsapp, wechat, linkedin, *platformKeys.
      // Lists: *tags, stage, recency ([lastContactAt ?? 0, updatedAt]) and [stage+recency] for
      // "newest contact first" pages; lastContactAt for follow-up reminders; updatedAt for sync.
      // Search: *searchTokens (prefix lookups). Duplicate proposals: *matchKeys.
      buyers:
        'id, *emails, *phones, whatsapp, wechat, linkedin, *platformKeys, *tags, stage, lastContactAt, updatedAt, ' +
        'recency, [stage+recency], *searchTokens, *matchKeys',
      // One inquiry per platform id (rows without an id are not in the unique index).
      inquiries: 'id, buyerId, &[platform+platformInquiryId], [buyerId+receivedAt]',
      touchpoints: 'id, buyerId, [buyerId+at], inquiryId',
      settings: 'key',
    },
  },
  {
    // Search at 100,000 buyers: *phrases (adjacent word pairs of name, company and tags) lets a
    // query typed in order be read from one narrow index range. Rewriting every row here would
    // hold the book closed for minutes on a big book (measured: 10 minutes for 100,000 buyers), so
    // the upgrade only leaves a marker and storage/phrase-backfill.ts fills the phrases in small
    // batches while the panel works; until then search finds those rows through their tokens.
    version: 2,
    stores: {
      buyers:
        'id, *emails, *phones, whatsapp, wechat, linkedin, *platformKeys, *tags, stage, lastContactAt, updatedAt, ' +
        'recency, [stage+recency], *searchTokens, *matchKeys, *phrases',
    },
    upgrade: (tx) => tx.table('settings').put({ key: PHRASE_BACKFILL_KEY, value: '' }),
  },
  {
    // Next steps: `nextDueAt` (the buyer's earliest due step) makes the Today view and the badge
    // one range read; `buyerSteps` holds the steps (apart, so buyer rows stay small for search and
    // lists); `stepStates` keeps what the seller snoozed or dismissed, by buyer. As in version 2, the
    // upgrade only leaves a marker: storage/next-due-backfill.ts computes the steps in batches.
    version: 3,
    stores: {
      buyers:
        'id, *emails, *phones, whatsapp, wechat, linkedin, *platformKeys, *tags, stage, lastContactAt, updatedAt, ' +
        'recency, [stage+recency], *searchTokens, *matchKeys, *phrases, nextDueAt',
      stepStates: 'id, buyerId',
      buyerSteps: 'buyerId',
    },
    upgrade: (tx) => tx.table('settings').put({ key: NEXT_DUE_BACKFILL_KEY, value: '' }),
  },
  {
    // Find anyone (issue 10): filters that combine with search inside the index. `country`,
    // `*platforms` (derived: platform ids and inquiries) and recency (already) are filter ranges
    // whose primary keys are intersected with the search's; `createdAt` and `nameSort` (derived)
    // give the "newest" and "by name" orders a keyset. Products asked about and country names
    // join `searchTokens`. As for version 2, the upgrade only leaves a marker:
    // storage/derived-backfill.ts recomputes the rows in small batches while the panel works.
    version: 4,
    stores: {
      buyers:
        'id, *emails, *phones, whatsapp, wechat, linkedin, *platformKeys, *tags, stage, lastContactAt, updatedAt, ' +
        'recency, [stage+recency], *searchTokens, *matchKeys, *phrases, nextDueAt, country, *platforms, createdAt, nameSort',
    },
    upgrade: (tx) => tx.table('settings').put({ key: DERIVED_BACKFILL_KEY, value: '' }),
  },
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
