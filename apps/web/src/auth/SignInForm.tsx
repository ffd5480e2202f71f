import { useState, type SubmitEvent } from 'react';
import { signIn } from '../api/auth-api';
import type { User } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { fieldIssue } from '../components/describe-error';
import { TextField } from '../components/TextField';
import { useSubmission } from '../components/use-submission';

interface SignInFormProps {
  onSignedIn: (user: User) => void;
}

export function SignInForm({ onSignedIn }: SignInFormProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { pending, error, run } = useSubmission();

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    return run(
      async () => onSignedIn(await signIn({ email: email.trim(), password })),
      () => {
        setPassword('');
        return false;
      },
    );
  }

  return (
    <form className="form" onSubmit={(event) => void submit(event)}>
      <ErrorAlert error={error} />
      <TextField
        label="Email"
        type="email"
        name="email"
        autoComplete="username"
        required
        value={email}
        onValueChange={setEmail}
        error={fieldIssue(error, 'email')}
      />
      <TextField
        label="Password"
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={password}
        onValueChange={setPassword}
        error={fieldIssue(error, 'password')}
      />
      <button className="button button-primary" type="submit" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
