// Signals on a case (hash matches, classifier scores…), shown as plain key/value text.
import { formatDateTime } from '../shared/format.ts';

type Signal = { at: string } & Record<string, unknown>;

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

export function CaseSignals({ signals }: { signals: Signal[] }) {
  if (signals.length === 0) return <p className="muted">No automated signals.</p>;
  return (
    <ul className="signals">
      {signals.map((s, i) => {
        const { at, ...rest } = s;
        return (
          <li key={i}>
            <time dateTime={at}>{formatDateTime(at)}</time>
            <dl className="facts compact">
              {Object.entries(rest).map(([k, v]) => <div key={k}><dt>{k}</dt><dd dir="auto">{show(v)}</dd></div>)}
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
