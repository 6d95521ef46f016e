// The notice form: plain labelled HTML fields; the API's complaints appear next to the field they name, in
// the page's language (error-text.ts).
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { useSearchParams } from 'react-router';
import { publicApi } from '../shared/api.ts';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import type { Policy, ReportAck } from '../shared/types.ts';
import { CategoryOptions } from './category-options.tsx';
import { useT } from '../shared/i18n.tsx';
import { errorText, fieldProblemText } from '../shared/error-text.ts';

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
  const { t, lang, intl } = useT();
  // A preview page's Report link names its subject: /report?subject=/c/channel/42.
  const [params] = useSearchParams();
  const [link, setLink] = useState(() => params.get('subject')?.slice(0, 2000) ?? '');
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
  for (const p of error?.fieldProblems ?? []) problems[FIELD_OF[p.field] ?? p.field] ??= fieldProblemText(p, intl);
  const described = (field: string, hint?: string) => [hint, problems[field] ? `${field}-error` : undefined].filter(Boolean).join(' ') || undefined;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const contact =
        name.trim() || email.trim() ? { ...(name.trim() ? { name: name.trim() } : {}), ...(email.trim() ? { email: email.trim() } : {}) } : undefined;
      // The page's language goes with the report: its status and answer are said in it by default.
      const body = { subject: link.trim(), category, explanation, bonaFide, lifeAtRisk, language: lang, ...(contact ? { contact } : {}) };
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
            <p className="error-title">{t('report.notSent')}</p>
            <p>{errorText(error, intl)}</p>
          </>
        )}
      </div>

      {field(
        'link',
        <>
          <label htmlFor="link">{t('report.linkLabel')}</label>
          <p className="hint" id="link-hint">
            <FormattedMessage
              id="report.linkHint"
              values={{
                example1: <bdi dir="ltr">https://example.org/c/some_channel/42</bdi>,
                example2: <bdi dir="ltr">/c/some_channel</bdi>,
              }}
            />
          </p>
          <input
            id="link"
            name="link"
            type="text"
            inputMode="url"
            required
            autoComplete="off"
            dir="ltr"
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
          <label htmlFor="category">{t('report.categoryLabel')}</label>
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
              {t('report.categoryChoose')}
            </option>
            <CategoryOptions policy={policy} />
          </select>
        </>,
      )}

      {field(
        'explanation',
        <>
          <label htmlFor="explanation">{t('report.explanationLabel')}</label>
          <p className="hint" id="explanation-hint">
            {t('report.explanationHint')}
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
        <legend>{t('report.contactLegend')}</legend>
        <p className="hint">{t('report.contactHint')}</p>
        {field(
          'name',
          <>
            <label htmlFor="name">{t('report.nameLabel')}</label>
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
            <label htmlFor="email">{t('report.emailLabel')}</label>
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
          <span>{t('report.lifeAtRisk')}</span>
        </label>,
      )}
      <p className="hint" id="life-hint">
        {t('report.lifeAtRiskHint')}
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
          <span>{t('report.bonaFide')}</span>
        </label>,
      )}

      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('common.sending') : t('report.send')}
      </button>
    </form>
  );
}
