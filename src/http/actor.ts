// How a principal is named in the audit log: `staff:<userId>`, `api_key:<keyId>`, `account:<id>`, `anonymous`.
// Command-line actions use `cli:<os user>` and start-up actions `system:<what>`.
import type { Principal } from './principal.ts';

export function actorOf(p: Principal): string {
  switch (p.kind) {
    case 'staff':
      return `staff:${p.userId}`;
    case 'api_key':
      return `api_key:${p.keyId}`;
    case 'account':
      return `account:${p.accountId}`;
    case 'anonymous':
      return 'anonymous';
  }
}
