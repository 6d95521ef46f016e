// Parses hash-list lines in the formats hash-sharing programmes use (ThreatExchange / Hasher-Matcher-Actioner exports):
// a bare hash, `<signal_type> <hash>`, or CSV `signal_type,signal_str,…` (an optional header line).
import type { SignalType } from './bank-values.ts';

export type { SignalType };

export type ParsedLine = { kind: 'entry'; signalType: SignalType; hash: string; label: string | null } | { kind: 'skip' } | { kind: 'error'; message: string };

const TYPE_ALIASES: Record<string, SignalType> = { pdq: 'pdq', md5: 'md5', video_md5: 'md5', photo_md5: 'md5', sha256: 'sha256' };
const LENGTH: Record<SignalType, number> = { pdq: 64, md5: 32, sha256: 64 };

function entry(type: string, rawHash: string, label: string | null, bareDefault: SignalType): ParsedLine {
  const key = type.toLowerCase();
  const signalType = type === '' ? bareDefault : Object.hasOwn(TYPE_ALIASES, key) ? TYPE_ALIASES[key] : undefined;
  if (!signalType) return { kind: 'error', message: `unsupported signal type "${type}" (supported: ${Object.keys(TYPE_ALIASES).join(', ')})` };
  const hash = rawHash.trim().toLowerCase();
  if (!new RegExp(`^[0-9a-f]{${LENGTH[signalType]}}$`).test(hash)) {
    return { kind: 'error', message: `malformed ${signalType} hash "${rawHash.slice(0, 80)}": expected ${LENGTH[signalType]} hexadecimal characters` };
  }
  return { kind: 'entry', signalType, hash, label };
}

/** One line of a hash list. Bare hashes are taken as `bareDefault` (PDQ unless the bank says otherwise). */
export function parseHashLine(line: string, bareDefault: SignalType = 'pdq'): ParsedLine {
  const s = line.trim();
  if (s === '' || s.startsWith('#')) return { kind: 'skip' };
  if (s.includes(',')) {
    const cols = s.split(',');
    if (cols[0].trim().toLowerCase() === 'signal_type') return { kind: 'skip' }; // CSV header
    const label =
      cols
        .slice(3, 5)
        .map((c) => c.trim())
        .filter(Boolean)
        .join(' ') || null; // category, tags
    return entry(cols[0].trim(), cols[1] ?? '', label, bareDefault);
  }
  const parts = s.split(/\s+/);
  if (parts.length === 1) return entry('', parts[0], null, bareDefault);
  return entry(parts[0], parts[1], parts.slice(2).join(' ') || null, bareDefault);
}
