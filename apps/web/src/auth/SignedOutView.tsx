import { useEffect, useRef, useState } from 'react';
import type { User } from '../api/types';
import { SignInForm } from './SignInForm';
import { SignUpForm } from './SignUpForm';

type Mode = 'sign-in' | 'sign-up';

interface SignedOutViewProps {
  signUpEnabled: boolean;
  onSignedIn: (user: User) => void;
}

/** Sign-in form, with a switch to the sign-up form when the server allows sign-up. */
export function SignedOutView({ signUpEnabled, onSignedIn }: SignedOutViewProps) {
  const [mode, setMode] = useState<Mode>('sign-in');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const switched = useRef(false);
  const showSignUp = signUpEnabled && mode === 'sign-up';

  // After the user switches forms, move focus to the new heading so keyboard
  // and screen reader users land at the start of the form they asked for.
  useEffect(() => {
    if (switched.current) headingRef.current?.focus();
  }, [mode]);

  function switchTo(next: Mode) {
    switched.current = true;
    setMode(next);
  }

  return (
    <section className="card auth-card" aria-labelledby="auth-heading">
      <h1 id="auth-heading" className="card-title" ref={headingRef} tabIndex={-1}>
        {showSignUp ? 'Create your account' : 'Sign in'}
      </h1>
      <p className="card-lead">
        {showSignUp
          ? 'Get your own private simulated cluster to practise with.'
          : 'Welcome back. Sign in with your kubelab account.'}
      </p>
      {showSignUp ? <SignUpForm onSignedUp={onSignedIn} /> : <SignInForm onSignedIn={onSignedIn} />}
      {signUpEnabled && (
        <p className="auth-switch">
          {showSignUp ? 'Already have an account?' : 'New to kubelab?'}{' '}
          <button
            type="button"
            className="button-link"
            onClick={() => {
              switchTo(showSignUp ? 'sign-in' : 'sign-up');
            }}
          >
            {showSignUp ? 'Sign in instead' : 'Create an account'}
          </button>
        </p>
      )}
    </section>
  );
}
