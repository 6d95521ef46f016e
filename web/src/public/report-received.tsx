// After a report is filed: its number and the status link with the receipt, which is the only way
// to follow an anonymous report.
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { ReportAck } from '../shared/types.ts';

export const statusPath = (ack: { id: string; receipt: string }) => `/report/status/${encodeURIComponent(ack.id)}?receipt=${encodeURIComponent(ack.receipt)}`;

export function ReportReceived({ ack, onAnother }: { ack: ReportAck; onAnother(): void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const path = statusPath(ack);
  return (
    <section className="received" aria-labelledby="received-h">
      <h2 id="received-h" ref={heading} tabIndex={-1}>
        Thank you: your report was received
      </h2>
      <p>
        Report number: <strong className="report-id">{ack.id}</strong>
      </p>
      <p className="keep">
        <strong>Keep this link.</strong> It is the only way to follow your report and read the decision; we cannot send it again.
      </p>
      <p className="status-link-box">
        <Link to={path} className="status-link">{`${window.location.origin}${path}`}</Link>
      </p>
      <p>
        Receipt: <code className="secret">{ack.receipt}</code>
      </p>
      <p>
        <button type="button" onClick={onAnother}>
          Report something else
        </button>
      </p>
    </section>
  );
}
