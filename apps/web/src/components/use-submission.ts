import { useCallback, useState } from 'react';

/**
 * The state of one asynchronous action behind a form or button: whether it
 * is running, and the error it last failed with. `handled` may claim an
 * error (return true), e.g. a 401 that signs the user out instead.
 */
export function useSubmission() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = useCallback(async (action: () => Promise<void>, handled?: (caught: unknown) => boolean) => {
    setPending(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      if (!handled?.(caught)) setError(caught);
    } finally {
      setPending(false);
    }
  }, []);

  return { pending, error, run };
}
