// A secret the server shows only once (a new user's password, a new API key).
import { CopyButton } from '../shared/copy-button.tsx';

export function OneTimeSecret({ title, secret, what, onDismiss }: { title: string; secret: string; what: string; onDismiss(): void }) {
  return (
    <section className="one-time" aria-label={title}>
      <p className="one-time-title">{title}</p>
      <p>It is shown only this once. Copy it now and pass it on safely.</p>
      <p>
        <code className="secret">{secret}</code>
      </p>
      <p className="row">
        <CopyButton text={secret} what={what} />{' '}
        <button type="button" onClick={onDismiss}>
          I have saved it
        </button>
      </p>
    </section>
  );
}
