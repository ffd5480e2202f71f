import { useState, type SubmitEvent } from 'react';
import { signIn } from '../api/auth-api';
import type { User } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { fieldIssue } from '../components/describe-error';
import { TextField } from '../components/TextField';

interface SignInFormProps {
  onSignedIn: (user: User) => void;
}

export function SignInForm({ onSignedIn }: SignInFormProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      onSignedIn(await signIn({ email: email.trim(), password }));
    } catch (caught) {
      setError(caught);
      setPassword('');
      setPending(false);
    }
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
