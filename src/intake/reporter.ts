// Who reports, derived from how the request was authenticated. Reporters are never revealed to the
// reported party; their identity is shown to senior moderators only.
import type { Principal } from '../http/principal.ts';
import type { ReportSource } from '../cases/case-values.ts';
import type { ServerSecret } from '../shared/secrets.ts';

export interface Reporter {
  source: ReportSource;
  /** Stable pseudonymous key for counting distinct reporters and weighing their track record. */
  key: string;
  accountId: string | null;
  /** Who, in words, for senior moderators: an organisation, an account, or "anonymous". */
  label: string;
  /** Authority keys carry their country. */
  country: string | null;
  /** When the account was created (from the platform that knows it); null for keys, staff and addresses (intake looks those up). */
  since?: string | null;
}

export function reporterOf(p: Principal, ip: string, secret: ServerSecret): Reporter {
  switch (p.kind) {
    case 'account':
      return {
        source: 'in_app',
        key: `acc:${p.accountId}`,
        accountId: p.accountId,
        label: `account ${p.accountId} (${p.displayName})`,
        country: null,
        since: p.createdAt ?? null,
      };
    case 'api_key': {
      const source: ReportSource = p.keyKind === 'trusted_flagger' ? 'trusted_flagger' : p.keyKind === 'authority' ? 'authority' : 'platform';
      return {
        source,
        key: `key:${p.keyId}`,
        accountId: null,
        label: `${p.keyKind.replace('_', ' ')}: ${p.org}${p.country ? ` (${p.country})` : ''}`,
        country: p.country,
        since: null,
      };
    }
    case 'staff':
      return { source: 'platform', key: `staff:${p.userId}`, accountId: null, label: `staff ${p.email}`, country: null, since: null };
    default: {
      // Anonymous web-form reporters are told apart by a keyed hash of their address, never the address
      // itself; keyed, because the address space is small enough to hash in full.
      const h = secret.mac('anon-reporter', ip).toString('hex').slice(0, 20);
      return { source: 'anonymous', key: `anon:${h}`, accountId: null, label: 'anonymous', country: null, since: null };
    }
  }
}
