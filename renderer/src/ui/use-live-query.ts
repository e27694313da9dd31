/** Subscribes a component to a Dexie query: it re-renders whenever the tables it read change. */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';

export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({ next: setValue, error: (error: unknown) => console.error(error) });
    return () => subscription.unsubscribe();
    // The query is rebuilt from `deps` by the caller.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
