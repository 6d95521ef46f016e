// Admins create a bank: a name for imports and the CLI, a category that decides what a match does.
import { useId, useState, type FormEvent } from 'react';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import { ErrorMessage } from '../shared/error-message.tsx';
import { BANK_CATEGORIES, CATEGORY_EFFECT, CATEGORY_LABEL, type BankCategory, type BankRow } from './banks-types.ts';
import { FieldError, fieldMessage } from './field-error.tsx';
import { useApi } from './session.tsx';
import { isOneOf } from '../../../src/shared/one-of.ts';

export function BanksCreateForm({ onCreated }: { onCreated(bank: BankRow): void }) {
  const api = useApi();
  const id = useId();
  const [name, setName] = useState('');
  const [category, setCategory] = useState<BankCategory>('other');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  async function create(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const bank = await api.post<BankRow>('/api/v1/banks', {
        name: name.trim(),
        category,
        ...(description.trim() ? { description: description.trim() } : {}),
      });
      setName('');
      setDescription('');
      onCreated(bank);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  const nameError = fieldMessage(error, 'name') && error?.message;
  return (
    <form className="inline-form banks-create" onSubmit={(e) => void create(e)} aria-label="Create a bank">
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          required
          maxLength={64}
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={`${id}-name-hint ${id}-name-error`}
        />
        <FieldError id={`${id}-name-error`} message={nameError || undefined} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-cat`}>Category</label>
        <select
          id={`${id}-cat`}
          value={category}
          onChange={(e) => isOneOf(BANK_CATEGORIES, e.target.value) && setCategory(e.target.value)}
          aria-describedby={`${id}-cat-hint`}
        >
          {BANK_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABEL[c]}
            </option>
          ))}
        </select>
      </div>
      <div className="field banks-description">
        <label htmlFor={`${id}-desc`}>Description (optional)</label>
        <input id={`${id}-desc`} maxLength={500} value={description} onChange={(e) => setDescription(e.target.value)} dir="auto" />
      </div>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Creating…' : 'Create bank'}
      </button>
      <p className="hint" id={`${id}-name-hint`}>
        Name: 2–64 characters of a–z, 0–9, “-” and “_”, as used by <code>vigil banks import</code>.
      </p>
      <p className="hint" id={`${id}-cat-hint`}>
        {CATEGORY_LABEL[category]}: {CATEGORY_EFFECT[category]}.
      </p>
      {!nameError && <ErrorMessage error={error} title="The bank was not created" />}
    </form>
  );
}
