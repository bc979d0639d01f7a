import { useCallback, useState } from 'react';

const firstPage: readonly (string | null)[] = [null];

/**
 * Keyset pages have no numbers: remember the cursor that opened each visited page so that
 * "previous" can go back. Changing a filter must start again from the first page (`reset`);
 * so does a change of `scope` (e.g. the region a page shows, taken from the URL), without a reset.
 */
export function useCursorPages(scope?: string) {
  const [visited, setVisited] = useState<{ scope: string | undefined; cursors: readonly (string | null)[] }>({ scope, cursors: firstPage });
  const cursors = visited.scope === scope ? visited.cursors : firstPage;
  const cursor = cursors[cursors.length - 1] ?? null;

  const next = useCallback(
    (nextCursor: string | null | undefined) => {
      if (!nextCursor) return;
      setVisited((previous) => ({ scope, cursors: [...(previous.scope === scope ? previous.cursors : firstPage), nextCursor] }));
    },
    [scope],
  );
  const previous = useCallback(
    () =>
      setVisited((current) => ({
        scope,
        cursors: current.scope === scope && current.cursors.length > 1 ? current.cursors.slice(0, -1) : firstPage,
      })),
    [scope],
  );
  const reset = useCallback(() => setVisited({ scope, cursors: firstPage }), [scope]);

  return { cursor, pageIndex: cursors.length - 1, hasPrevious: cursors.length > 1, next, previous, reset };
}
