// Come back later: case number + PIN → each fingerprint's status and matches; withdraw them all.
import { useId, useState, type FormEvent } from 'react';
import { FormattedMessage } from 'react-intl';
import { publicApi } from '../shared/api.ts';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import { ConfirmDialog } from '../shared/confirm-dialog.tsx';
import { useT } from '../shared/i18n.tsx';
import { protectErrorText } from './protect-errors.ts';
import type { ProtectStatus } from './protect-types.ts';
import { SubmissionStatus } from './submission-status.tsx';

interface Access {
  caseNumber: string;
  pin: string;
}

export function CheckWithdraw({ prefill }: { prefill?: Access }) {
  const { t, intl } = useT();
  const id = useId();
  const [caseNumber, setCaseNumber] = useState(prefill?.caseNumber ?? '');
  const [pin, setPin] = useState(prefill?.pin ?? '');
  const [shown, setShown] = useState<{ access: Access; status: ProtectStatus }>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState('');

  async function call(path: 'status' | 'withdraw', access: Access) {
    setBusy(true);
    setError(undefined);
    try {
      const status = await publicApi.post<ProtectStatus>(`/api/v1/protect/${path}`, access);
      setShown({ access, status });
      return true;
    } catch (err) {
      setError(asApiError(err));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function check(e: FormEvent) {
    e.preventDefault();
    setNotice('');
    setShown(undefined);
    await call('status', { caseNumber: caseNumber.trim(), pin: pin.trim() });
  }

  async function withdraw() {
    if (!shown) return;
    const ok = await call('withdraw', shown.access);
    setConfirming(false);
    if (ok) setNotice(t('protectCheck.withdrawn'));
  }

  const active = shown ? shown.status.hashes.filter((h) => h.status !== 'withdrawn').length : 0;

  return (
    <section className="protect-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('protectCheck.heading')}</h2>
      <p>{t('protectCheck.intro')}</p>
      <form className="check-form" onSubmit={(e) => void check(e)}>
        <div className="field">
          <label htmlFor={`${id}-case`}>{t('protectCheck.caseNumber')}</label>
          <input
            id={`${id}-case`}
            type="text"
            required
            maxLength={32}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="characters"
            placeholder="P-1234-5678-9012"
            dir="ltr"
            value={caseNumber}
            onChange={(e) => setCaseNumber(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-pin`}>{t('protectCheck.pin')}</label>
          <input
            id={`${id}-pin`}
            type="text"
            required
            maxLength={32}
            autoComplete="off"
            inputMode="numeric"
            dir="ltr"
            spellCheck={false}
            value={pin}
            onChange={(e) => setPin(e.target.value)}
          />
        </div>
        <button type="submit" disabled={busy}>
          {busy && !confirming ? t('protectCheck.checking') : t('protectCheck.check')}
        </button>
      </form>
      <div aria-live="polite">
        {error && (
          <div className="error-box" role="alert">
            <p className="error-title">{t(error.status === 404 ? 'error.notFoundTitle' : 'common.errorTitle')}</p>
            <p>{protectErrorText(error, intl)}</p>
          </div>
        )}
        {notice && <p className="notice-done">{notice}</p>}
        {shown && <SubmissionStatus status={shown.status} />}
      </div>
      {shown && active > 0 && (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          {t('protectCheck.withdrawAll')}
        </button>
      )}
      <ConfirmDialog
        open={confirming}
        danger
        busy={busy}
        title={t('protectCheck.confirmTitle')}
        confirmLabel={t('protectCheck.confirmYes')}
        cancelLabel={t('protectCheck.cancel')}
        busyLabel={t('protectCheck.working')}
        onConfirm={() => void withdraw()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          <FormattedMessage id="protectCheck.confirmText" values={{ count: active, caseNumber: <bdi dir="ltr">{shown?.status.caseNumber}</bdi> }} />
        </p>
        <p>{t('protectCheck.confirmNote')}</p>
      </ConfirmDialog>
    </section>
  );
}
