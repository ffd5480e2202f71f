import { useEffect, useId, useRef } from 'react';
import { ROLES, type ManagedUser, type Role } from '../api/types';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

interface UserRowProps {
  user: ManagedUser;
  isSelf: boolean;
  pending: boolean;
  resetOpen: boolean;
  resetFormId: string;
  onRoleChange: (user: ManagedUser, role: Role) => void;
  onToggleReset: (user: ManagedUser) => void;
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function UserRow(props: UserRowProps) {
  const { user, isSelf, pending, resetOpen, resetFormId, onRoleChange, onToggleReset } = props;
  const selectId = useId();
  const resetButton = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(resetOpen);

  // Return focus to the "Reset password" button when its inline form closes.
  useEffect(() => {
    if (wasOpen.current && !resetOpen) resetButton.current?.focus();
    wasOpen.current = resetOpen;
  }, [resetOpen]);

  return (
    <tr>
      <th scope="row" className="cell-name">
        {user.name}
        {isSelf && <span className="muted"> (you)</span>}
      </th>
      <td className="cell-email">{user.email}</td>
      <td>
        <label className="visually-hidden" htmlFor={selectId}>
          Role for {user.email}
        </label>
        <select
          id={selectId}
          className="select"
          value={user.role}
          disabled={pending || isSelf}
          title={isSelf ? 'You cannot change your own role.' : undefined}
          onChange={(event) => {
            const role = event.target.value;
            if (isRole(role) && role !== user.role) onRoleChange(user, role);
          }}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
      </td>
      <td>
        <time dateTime={user.createdAt}>{formatDate(user.createdAt)}</time>
      </td>
      <td className="cell-actions">
        <button
          ref={resetButton}
          type="button"
          className="button button-secondary button-small"
          aria-expanded={resetOpen}
          aria-controls={resetOpen ? resetFormId : undefined}
          onClick={() => {
            onToggleReset(user);
          }}
        >
          Reset password
          <span className="visually-hidden"> for {user.email}</span>
        </button>
      </td>
    </tr>
  );
}
