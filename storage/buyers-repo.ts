/**
 * The buyers repository, one module per concern: rows (create, edit, delete, bulk put), the list
 * (keyset pages, count, tags), search, recognition with duplicates, and merge. This file only
 * gathers them, so callers keep one import.
 */
export * from './buyer-rows';
export * from './buyer-list';
export * from './buyer-recognition';
export * from './buyer-merge';
export * from './buyer-find';
