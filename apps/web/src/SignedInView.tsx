import { AccountPanel } from './account/AccountPanel';
import { UsersTable } from './admin/UsersTable';
import type { User } from './api/types';

interface SignedInViewProps {
  user: User;
  onSignedOut: () => void;
}

export function SignedInView({ user, onSignedOut }: SignedInViewProps) {
  return (
    <div className="stack">
      <AccountPanel user={user} onSignedOut={onSignedOut} />
      {user.role === 'admin' && <UsersTable currentUserId={user.id} onUnauthorized={onSignedOut} />}
    </div>
  );
}
