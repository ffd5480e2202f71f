import { Fragment, useEffect, useId, useState } from 'react';
import { isApiError } from '../api/api-error';
import type { ManagedUser, Role } from '../api/types';
import { listUsers, updateUser } from '../api/users-api';
import { ErrorAlert } from '../components/ErrorAlert';
import { StatusMessage } from '../components/StatusMessage';
import { ResetPasswordForm } from './ResetPasswordForm';
import { UserRow } from './UserRow';

interface UsersTableProps {
  currentUserId: string;
  /** Called when the session has expired (401), so the page can show the sign-in form. */
  onUnauthorized: () => void;
}

/** Admin view of all accounts: change roles and reset passwords. */
export function UsersTable({ currentUserId, onUnauthorized }: UsersTableProps) {
  const [users, setUsers] = useState<ManagedUser[] | null>(null);
  const [reloadCount, setReloadCount] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [resetId, setResetId] = useState<string | null>(null);
  const formIdPrefix = useId();

  useEffect(() => {
    const controller = new AbortController();
    listUsers(controller.signal).then(setUsers, (caught: unknown) => {
      if (controller.signal.aborted) return;
      if (isApiError(caught, 401)) onUnauthorized();
      else setError(caught);
    });
    return () => {
      controller.abort();
    };
  }, [reloadCount, onUnauthorized]);

  function reload() {
    setError(null);
    setStatus(null);
    setResetId(null);
    setReloadCount((count) => count + 1);
  }

  async function changeRole(user: ManagedUser, role: Role) {
    setPendingId(user.id);
    setError(null);
    setStatus(null);
    try {
      const updated = await updateUser(user.id, { role });
      setUsers((list) => list?.map((item) => (item.id === user.id ? { ...item, ...updated } : item)) ?? null);
      setStatus(`${updated.name} (${updated.email}) is now ${updated.role}.`);
    } catch (caught) {
      if (isApiError(caught, 401)) onUnauthorized();
      else setError(caught);
    } finally {
      setPendingId(null);
    }
  }

  function toggleReset(user: ManagedUser) {
    setStatus(null);
    setResetId((current) => (current === user.id ? null : user.id));
  }

  function resetDone(user: ManagedUser) {
    setResetId(null);
    setStatus(`The password for ${user.email} was reset.`);
  }

  return (
    <section className="card" aria-labelledby="users-heading">
      <div className="card-header">
        <h2 id="users-heading" className="card-title">
          Users
        </h2>
        <button type="button" className="button button-secondary button-small" onClick={reload}>
          Refresh
        </button>
      </div>
      <p className="card-lead">Change what people can do in kubelab, or set a new password for them.</p>
      <ErrorAlert error={error} />
      <StatusMessage message={status} />
      {users === null ? (
        error === null && <p className="muted">Loading users…</p>
      ) : users.length === 0 ? (
        <p className="muted">There are no users yet.</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="users-heading" tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Created</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => {
                const formId = `${formIdPrefix}-reset-${user.id}`;
                return (
                  <Fragment key={user.id}>
                    <UserRow
                      user={user}
                      isSelf={user.id === currentUserId}
                      pending={pendingId === user.id}
                      resetOpen={resetId === user.id}
                      resetFormId={formId}
                      onRoleChange={(target, role) => void changeRole(target, role)}
                      onToggleReset={toggleReset}
                    />
                    {resetId === user.id && (
                      <tr className="row-inline-form">
                        <td colSpan={5}>
                          <ResetPasswordForm
                            id={formId}
                            user={user}
                            onDone={resetDone}
                            onCancel={() => {
                              setResetId(null);
                            }}
                            onUnauthorized={onUnauthorized}
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
