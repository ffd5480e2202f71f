import { signOut } from '../api/auth-api';
import { isApiError } from '../api/api-error';
import type { User } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { RoleBadge } from '../components/RoleBadge';
import { useSubmission } from '../components/use-submission';

interface AccountPanelProps {
  user: User;
  onSignedOut: () => void;
}

export function AccountPanel({ user, onSignedOut }: AccountPanelProps) {
  const { pending, error, run } = useSubmission();

  function handleSignOut() {
    return run(
      async () => {
        await signOut();
        onSignedOut();
      },
      (caught) => {
        // A 401 means the session had already ended: the user is signed out either way.
        if (!isApiError(caught, 401)) return false;
        onSignedOut();
        return true;
      },
    );
  }

  return (
    <section className="card account" aria-labelledby="account-heading">
      <div className="account-row">
        <div>
          <h1 id="account-heading" className="card-title">
            Your account
          </h1>
          <p className="account-identity">
            Signed in as <strong>{user.name}</strong> ({user.email}) · <RoleBadge role={user.role} />
          </p>
        </div>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => void handleSignOut()}
          disabled={pending}
        >
          {pending ? 'Signing out…' : 'Sign out'}
        </button>
      </div>
      <ErrorAlert error={error} />
    </section>
  );
}
