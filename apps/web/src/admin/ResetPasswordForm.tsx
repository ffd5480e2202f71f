import { useEffect, useRef, useState, type SubmitEvent, type KeyboardEvent } from 'react';
import { isApiError } from '../api/api-error';
import type { ManagedUser } from '../api/types';
import { resetUserPassword } from '../api/users-api';
import { ErrorAlert } from '../components/ErrorAlert';
import { fieldIssue } from '../components/describe-error';
import { TextField } from '../components/TextField';
import { useSubmission } from '../components/use-submission';

interface ResetPasswordFormProps {
  id: string;
  user: ManagedUser;
  onDone: (user: ManagedUser) => void;
  onCancel: () => void;
  onUnauthorized: () => void;
}

/** Inline form in the users table that sets a new password for one user. */
export function ResetPasswordForm({ id, user, onDone, onCancel, onUnauthorized }: ResetPasswordFormProps) {
  const [password, setPassword] = useState('');
  const { pending, error, run } = useSubmission();
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    formRef.current?.querySelector('input')?.focus();
  }, []);

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    return run(
      async () => {
        await resetUserPassword(user.id, password);
        onDone(user);
      },
      (caught) => {
        if (!isApiError(caught, 401)) return false;
        onUnauthorized();
        return true;
      },
    );
  }

  function handleKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Escape' && !pending) {
      event.preventDefault();
      onCancel();
    }
  }

  return (
    <form
      id={id}
      ref={formRef}
      className="inline-form"
      aria-label={`Reset password for ${user.email}`}
      onSubmit={(event) => void submit(event)}
      onKeyDown={handleKeyDown}
    >
      <ErrorAlert error={error} />
      <div className="inline-form-row">
        <TextField
          label={`New password for ${user.name}`}
          type="password"
          name="new-password"
          autoComplete="new-password"
          required
          value={password}
          onValueChange={setPassword}
          error={fieldIssue(error, 'password')}
        />
        <div className="button-row">
          <button className="button button-primary" type="submit" disabled={pending}>
            {pending ? 'Saving…' : 'Set password'}
          </button>
          <button className="button button-secondary" type="button" onClick={onCancel} disabled={pending}>
            Cancel
          </button>
        </div>
      </div>
    </form>
  );
}
