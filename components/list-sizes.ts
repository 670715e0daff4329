/**
 * How much of the book the panel reads at once. Its own module so the benchmark page asks exactly
 * what the panel asks without bundling the panel's components.
 */

/** Buyers per page of the list ("Load more" reads the next page). */
export const PAGE_SIZE = 50;

/**
 * Results one search shows before "Show more": a screenful and more. Each keystroke reads about
 * this many buyer rows at 100,000 buyers (each a random read of a large database), so it is kept
 * to what the seller can see; "Show more" grows the same ranked search.
 */
export const SEARCH_LIMIT = 50;
