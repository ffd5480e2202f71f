import { useCallback } from 'react';
import { SignedOutView } from './auth/SignedOutView';
import { ErrorAlert } from './components/ErrorAlert';
import { Header } from './components/Header';
import { SignedInView } from './SignedInView';
import { useSession, type Session } from './session/use-session';

function Content({ session, onSignedOut }: { session: Session; onSignedOut: () => void }) {
  const { state, retry, setUser } = session;
  switch (state.status) {
    case 'loading':
      return (
        <p className="muted loading" role="status">
          Loading kubelab…
        </p>
      );
    case 'failed':
      return (
        <section className="card" aria-labelledby="startup-error-heading">
          <h1 id="startup-error-heading" className="card-title">
            kubelab could not start
          </h1>
          <ErrorAlert error={state.error} />
          <button type="button" className="button button-primary" onClick={retry}>
            Try again
          </button>
        </section>
      );
    case 'ready':
      return state.user ? (
        <SignedInView user={state.user} onSignedOut={onSignedOut} />
      ) : (
        <SignedOutView signUpEnabled={state.signUpEnabled} onSignedIn={setUser} />
      );
  }
}

export function App() {
  const session = useSession();
  const { setUser } = session;
  // Stable identity: children use it as an effect dependency.
  const handleSignedOut = useCallback(() => {
    setUser(null);
  }, [setUser]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <Header />
      <main id="main" className="main" tabIndex={-1}>
        <Content session={session} onSignedOut={handleSignedOut} />
      </main>
    </div>
  );
}
