import { useEffect, useState } from 'react';
import { allTags } from '../storage/buyers-repo';

/** Every tag in the book, for suggestions and the tag filter; `reload` changes to read them again. */
export function useAllTags(reload: unknown = 0): string[] {
  const [tags, setTags] = useState<string[]>([]);
  useEffect(() => {
    let cancelled = false;
    allTags().then(
      (t) => !cancelled && setTags(t),
      () => {},
    );
    return () => {
      cancelled = true;
    };
  }, [reload]);
  return tags;
}
