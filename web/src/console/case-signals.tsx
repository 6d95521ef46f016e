// Automated signals on a case: hash matches against the banks (bank, category, signal, distance) and
// anything else a detector records, shown as plain text.
import { contentKeys } from '../shared/content-keys.ts';
import { formatDateTime } from '../shared/format.ts';

type Signal = { at: string } & Record<string, unknown>;
interface HashMatch {
  bank?: string;
  bankCategory?: string;
  signalType?: string;
  distance?: number;
  mediaId?: string;
  entryId?: string;
}

const TYPE: Record<string, string> = {
  hash_match: 'Hash match',
  scan_timeout: 'Scan timed out',
  text_rule: 'Text rule',
  personal_data_leak: 'Personal-data leak',
};
const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

function Matches({ matches }: { matches: HashMatch[] }) {
  return (
    <ul className="matches">
      {contentKeys(matches, (m) => `${m.mediaId}:${m.entryId}:${m.signalType}`).map(([key, m]) => (
        <li key={key}>
          <strong dir="auto">{m.bank ?? 'bank'}</strong>
          {m.bankCategory && <> ({m.bankCategory})</>}
          {m.signalType && <> · {m.signalType}</>}
          {typeof m.distance === 'number' && <> · distance {m.distance}</>}
          {m.mediaId && (
            <>
              {' '}
              · media <code>{m.mediaId}</code>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

export function CaseSignals({ signals }: { signals: Signal[] }) {
  if (signals.length === 0) return <p className="muted">No automated signals.</p>;
  return (
    <ul className="signals">
      {contentKeys(signals, (s) => `${s.at}:${String(s.type)}`).map(([key, s]) => {
        const { at, type, matches, ...rest } = s;
        const facts = Object.entries(rest).filter(([, v]) => v !== null && v !== undefined && v !== '');
        return (
          <li key={key}>
            <p className="signal-head">
              <strong>{typeof type === 'string' ? (TYPE[type] ?? type) : 'Signal'}</strong>{' '}
              <time dateTime={at} className="muted">
                {formatDateTime(at)}
              </time>
            </p>
            {Array.isArray(matches) && matches.length > 0 && <Matches matches={matches} />}
            {facts.length > 0 && (
              <dl className="facts compact">
                {facts.map(([k, v]) => (
                  <div key={k}>
                    <dt>{k}</dt>
                    <dd dir="auto">{show(v)}</dd>
                  </div>
                ))}
              </dl>
            )}
          </li>
        );
      })}
    </ul>
  );
}
