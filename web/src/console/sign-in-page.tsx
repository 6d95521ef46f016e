// The console's sign-in form, shown in place of any console page while nobody is signed in.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import { ErrorMessage } from '../shared/error-message.tsx';
import { useDocumentTitle } from '../shared/use-document-title.ts';
import { useSession } from './session.tsx';

export function SignInPage({ notice }: { notice?: string }) {
  useDocumentTitle('Sign in');
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const emailField = useRef<HTMLInputElement>(null);

  // Signing in is all this page is for: start in the first field.
  useEffect(() => {
    emailField.current?.focus();
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(email, password);
    } catch (err) {
      setError(asApiError(err));
      setBusy(false);
    }
  }

  return (
    <main id="main" className="sign-in">
      <h1>Vigil console</h1>
      <p className="muted">Sign in with your staff account.</p>
      <div role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
      <form onSubmit={submit} className="stack" aria-describedby={error ? 'sign-in-error' : undefined}>
        <label className="field">
          <span>Email</span>
          <input type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} ref={emailField} />
        </label>
        <label className="field">
          <span>Password</span>
          <input type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <div id="sign-in-error">
        <ErrorMessage error={error} title="Could not sign in" />
      </div>
    </main>
  );
}
