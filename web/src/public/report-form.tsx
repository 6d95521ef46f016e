// The notice form: plain labelled HTML fields; the API's complaints appear next to the field they name.
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { publicApi } from '../shared/api.ts';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import type { Policy, ReportAck } from '../shared/types.ts';
import { CategoryOptions } from './category-options.tsx';

interface Props {
  policy: Policy;
  onFiled(ack: ReportAck): void;
}

/** API field names (details[].field) → the form control that holds them. */
const FIELD_OF: Record<string, string> = {
  subject: 'link',
  category: 'category',
  explanation: 'explanation',
  bonaFide: 'bonaFide',
  'contact.name': 'name',
  'contact.email': 'email',
  lifeAtRisk: 'lifeAtRisk',
};

function Problem({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p className="field-error" id={id}>
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  ) : null;
}

export function ReportForm({ policy, onFiled }: Props) {
  const [link, setLink] = useState('');
  const [category, setCategory] = useState('');
  const [explanation, setExplanation] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [bonaFide, setBonaFide] = useState(false);
  const [lifeAtRisk, setLifeAtRisk] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  // A resend of the same report reuses its Idempotency-Key (a lost answer then returns the report already
  // filed); an edited report gets a new key, or the server would refuse it as a reused key (422).
  const attempt = useRef<{ body: string; key: string }>(undefined);
  const summary = useRef<HTMLDivElement>(null);

  const problems: Record<string, string> = {};
  for (const p of error?.fieldProblems ?? []) problems[FIELD_OF[p.field] ?? p.field] ??= p.message;
  const described = (field: string, hint?: string) => [hint, problems[field] ? `${field}-error` : undefined].filter(Boolean).join(' ') || undefined;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const contact =
        name.trim() || email.trim() ? { ...(name.trim() ? { name: name.trim() } : {}), ...(email.trim() ? { email: email.trim() } : {}) } : undefined;
      const body = { subject: link.trim(), category, explanation, bonaFide, lifeAtRisk, ...(contact ? { contact } : {}) };
      const text = JSON.stringify(body);
      if (attempt.current?.body !== text) attempt.current = { body: text, key: crypto.randomUUID() };
      const ack = await publicApi.post<ReportAck>('/api/v1/reports', body, { headers: { 'idempotency-key': attempt.current.key } });
      attempt.current = undefined;
      onFiled(ack);
    } catch (err) {
      setError(asApiError(err));
      setBusy(false);
      requestAnimationFrame(() => summary.current?.focus());
    }
  }

  const field = (key: string, control: ReactNode) => (
    <div className={problems[key] ? 'field has-error' : 'field'}>
      {control}
      <Problem id={`${key}-error`} message={problems[key]} />
    </div>
  );

  return (
    <form className="stack report-form" onSubmit={submit}>
      <div ref={summary} tabIndex={-1} role="alert" className={error ? 'error-box' : undefined}>
        {error && (
          <>
            <p className="error-title">The report was not sent</p>
            <p>{error.message}</p>
          </>
        )}
      </div>

      {field(
        'link',
        <>
          <label htmlFor="link">Link to the channel, post, bot or sticker set</label>
          <p className="hint" id="link-hint">
            For example https://example.org/c/some_channel/42 or /c/some_channel
          </p>
          <input
            id="link"
            name="link"
            type="text"
            inputMode="url"
            required
            autoComplete="off"
            value={link}
            onChange={(e) => setLink(e.target.value)}
            aria-invalid={problems.link ? true : undefined}
            aria-describedby={described('link', 'link-hint')}
          />
        </>,
      )}

      {field(
        'category',
        <>
          <label htmlFor="category">What is wrong with it?</label>
          <select
            id="category"
            name="category"
            required
            value={category}
            onChange={(e) => setCategory(e.target.value)}
            aria-invalid={problems.category ? true : undefined}
            aria-describedby={described('category')}
          >
            <option value="" disabled>
              Choose a reason…
            </option>
            <CategoryOptions policy={policy} />
          </select>
        </>,
      )}

      {field(
        'explanation',
        <>
          <label htmlFor="explanation">Why is it illegal or against the policy?</label>
          <p className="hint" id="explanation-hint">
            Explain what the content is and why it should be removed (at least 10 characters).
          </p>
          <textarea
            id="explanation"
            name="explanation"
            rows={6}
            required
            minLength={10}
            maxLength={5000}
            dir="auto"
            value={explanation}
            onChange={(e) => setExplanation(e.target.value)}
            aria-invalid={problems.explanation ? true : undefined}
            aria-describedby={described('explanation', 'explanation-hint')}
          />
        </>,
      )}

      <fieldset className="stack">
        <legend>Your contact details (optional)</legend>
        <p className="hint">Only senior reviewers can see them. The person you report is never told who reported.</p>
        {field(
          'name',
          <>
            <label htmlFor="name">Name</label>
            <input
              id="name"
              name="name"
              type="text"
              autoComplete="name"
              maxLength={200}
              dir="auto"
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={problems.name ? true : undefined}
              aria-describedby={described('name')}
            />
          </>,
        )}
        {field(
          'email',
          <>
            <label htmlFor="email">Email</label>
            <input
              id="email"
              name="email"
              type="email"
              autoComplete="email"
              maxLength={254}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={problems.email ? true : undefined}
              aria-describedby={described('email')}
            />
          </>,
        )}
      </fieldset>

      {field(
        'lifeAtRisk',
        <label className="check">
          <input type="checkbox" name="lifeAtRisk" checked={lifeAtRisk} onChange={(e) => setLifeAtRisk(e.target.checked)} aria-describedby="life-hint" />
          <span>Someone’s life or safety is at risk</span>
        </label>,
      )}
      <p className="hint" id="life-hint">
        We review these first. If someone is in immediate danger, also call local emergency services.
      </p>

      {field(
        'bonaFide',
        <label className="check">
          <input
            type="checkbox"
            name="bonaFide"
            required
            checked={bonaFide}
            onChange={(e) => setBonaFide(e.target.checked)}
            aria-invalid={problems.bonaFide ? true : undefined}
            aria-describedby={described('bonaFide')}
          />
          <span>I confirm that the information in this report is accurate and complete to the best of my knowledge, and that I make it in good faith.</span>
        </label>,
      )}

      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Sending…' : 'Send report'}
      </button>
    </form>
  );
}
