import { useState, type SubmitEvent } from 'react';
import { signUp } from '../api/auth-api';
import type { User } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { fieldIssue } from '../components/describe-error';
import { TextField } from '../components/TextField';
import { useSubmission } from '../components/use-submission';

interface SignUpFormProps {
  onSignedUp: (user: User) => void;
}

export function SignUpForm({ onSignedUp }: SignUpFormProps) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const { pending, error, run } = useSubmission();

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    return run(async () => onSignedUp(await signUp({ email: email.trim(), name: name.trim(), password })));
  }

  return (
    <form className="form" onSubmit={(event) => void submit(event)}>
      <ErrorAlert error={error} />
      <TextField
        label="Name"
        type="text"
        name="name"
        autoComplete="name"
        required
        value={name}
        onValueChange={setName}
        error={fieldIssue(error, 'name')}
      />
      <TextField
        label="Email"
        type="email"
        name="email"
        autoComplete="email"
        required
        value={email}
        onValueChange={setEmail}
        error={fieldIssue(error, 'email')}
      />
      <TextField
        label="Password"
        type="password"
        name="password"
        autoComplete="new-password"
        required
        hint="Choose a long password you do not use anywhere else."
        value={password}
        onValueChange={setPassword}
        error={fieldIssue(error, 'password')}
      />
      <button className="button button-primary" type="submit" disabled={pending}>
        {pending ? 'Creating account…' : 'Create account'}
      </button>
    </form>
  );
}
