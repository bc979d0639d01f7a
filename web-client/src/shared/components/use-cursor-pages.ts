import { useCallback, useState } from 'react';

/**
 * Keyset pages have no numbers: remember the cursor that opened each visited page so that
 * "previous" can go back. Changing a filter must start again from the first page (`reset`).
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;

  const next = useCallback((nextCursor: string | null | undefined) => {
    if (nextCursor) setCursors((previous) => [...previous, nextCursor]);
  }, []);
  const previous = useCallback(() => setCursors((current) => (current.length > 1 ? current.slice(0, -1) : current)), []);
  const reset = useCallback(() => setCursors([null]), []);

  return { cursor, pageIndex: cursors.length - 1, hasPrevious: cursors.length > 1, next, previous, reset };
}
