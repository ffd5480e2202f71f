import { useCallback, useEffect, useState } from 'react';
import { getAuthOptions, getCurrentUser } from '../api/auth-api';
import type { User } from '../api/types';

export type SessionState =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; user: User | null; signUpEnabled: boolean };

export interface Session {
  state: SessionState;
  /** Reloads auth options and the current user after a failed start-up. */
  retry: () => void;
  /** Records a sign-in (user) or sign-out / expired session (null). */
  setUser: (user: User | null) => void;
}

/** Loads what the page needs to decide between the signed-out and signed-in views. */
export function useSession(): Session {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    Promise.all([getAuthOptions(controller.signal), getCurrentUser(controller.signal)]).then(
      ([options, user]) => {
        setState({ status: 'ready', user, signUpEnabled: options.signUpEnabled });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', error });
      },
    );
    return () => {
      controller.abort();
    };
  }, [attempt]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((count) => count + 1);
  }, []);

  const setUser = useCallback((user: User | null) => {
    setState((current) => (current.status === 'ready' ? { ...current, user } : current));
  }, []);

  return { state, retry, setUser };
}
