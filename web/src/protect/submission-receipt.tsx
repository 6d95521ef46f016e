// After sending: the case number and PIN, large, with copy buttons and advice to keep them safe.
import { useEffect, useRef } from 'react';
import { CopyButton } from '../shared/copy-button.tsx';
import type { ProtectReceipt } from './protect-types.ts';

export function SubmissionReceipt({ receipt, onAnother }: { receipt: ProtectReceipt; onAnother(): void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const n = receipt.hashes;
  return (
    <section className="receipt" aria-labelledby="receipt-h">
      <h2 id="receipt-h" ref={heading} tabIndex={-1}>
        Your fingerprints were sent
      </h2>
      <p>
        {n === 1 ? 'Your fingerprint is' : `All ${n} fingerprints are`} now active. If anyone tries to post a matching image in public here, it will be held
        back for a person to review.
      </p>
      <dl className="secrets">
        <div>
          <dt>Case number</dt>
          <dd>
            <code className="secret-value case-number">{receipt.caseNumber}</code> <CopyButton text={receipt.caseNumber} what="case number" />
          </dd>
        </div>
        <div>
          <dt>PIN</dt>
          <dd>
            <code className="secret-value pin">{receipt.pin}</code> <CopyButton text={receipt.pin} what="PIN" />
          </dd>
        </div>
      </dl>
      <div className="keep">
        <p>
          <strong>Keep these safe.</strong> Write them down, or save them somewhere only you can reach. You need both to check for copies or to withdraw your
          fingerprints.
        </p>
        <p>
          We can’t show them again or send them to you: we don’t know who you are, and nothing is saved on this device. Anyone who has both could see this
          submission and withdraw it.
        </p>
      </div>
      <p>
        <button type="button" onClick={onAnother}>
          Protect more images
        </button>
      </p>
    </section>
  );
}
