/**
 * How much of the book the panel reads at once. Its own module so the benchmark page asks exactly
 * what the panel asks without bundling the panel's components.
 */

/** Buyers per page of the list ("Load more" reads the next page). */
export const PAGE_SIZE = 50;

/** Results one search shows. */
export const SEARCH_LIMIT = 200;
