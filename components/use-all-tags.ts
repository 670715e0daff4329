import { useLiveQuery } from 'dexie-react-hooks';
import { allTags } from '../storage/buyers-repo';

/** Every tag in the book, for suggestions and the tag filter, read live. */
export function useAllTags(): string[] {
  return useLiveQuery(() => allTags().catch(() => []), [], [] as string[]);
}
