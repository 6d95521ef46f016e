// `vigil users …`, `vigil keys …` and `vigil audit verify`: operators' tools for staff, API keys and the audit log.
// Secrets (one-time passwords, keys) are printed once, on stdout; nothing else is.
import type { Command } from 'commander';
import pino from 'pino';
import { loadConfig } from '../config.ts';
import { createContext, type AppContext } from '../context.ts';
import { AppError } from '../shared/errors.ts';
import { API_KEY_KINDS, ROLES } from '../people/roles.ts';

const actor = () => `cli:${process.env.USER ?? 'operator'}`;

async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await createContext(loadConfig(), pino({ level: 'warn' }, pino.destination(2)));
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

function fail(err: unknown): never {
  console.error(err instanceof AppError ? `error: ${err.message}` : err);
  process.exit(1);
}

export function registerPeopleCommands(program: Command): void {
  const users = program.command('users').description('staff users of the moderation console');

  users
    .command('add')
    .description('create a staff user and print a one-time password')
    .requiredOption('--email <email>', 'their email address (the login name)')
    .requiredOption('--role <role>', ROLES.join('|'))
    .action((o: { email: string; role: string }) =>
      withContext(async (ctx) => {
        const { user, password } = await ctx.people.users.create({ email: o.email, role: o.role }, { actor: actor() });
        console.log(`created ${user.role} ${user.email} (${user.id})`);
        console.log(`one-time password: ${password}`);
      }).catch(fail),
    );

  users
    .command('list')
    .description('list staff users')
    .action(() =>
      withContext(async (ctx) => {
        for (const u of await ctx.people.users.list()) {
          console.log([u.id, u.email, u.role, u.disabledAt ? `disabled ${u.disabledAt}` : 'active'].join('\t'));
        }
      }).catch(fail),
    );

  const keys = program.command('keys').description('API keys for trusted flaggers, authorities and platforms');

  keys
    .command('create')
    .description('create an API key and print it (only this once)')
    .requiredOption('--kind <kind>', API_KEY_KINDS.join('|'))
    .requiredOption('--org <name>', 'the organisation that holds the key (for a platform key: the platform name, a slug such as forum)')
    .option('--country <XX>', 'ISO 3166-1 alpha-2 country; required for authority keys')
    .action((o: { kind: string; org: string; country?: string }) =>
      withContext(async (ctx) => {
        const k = await ctx.people.keys.create({ kind: o.kind, org: o.org, country: o.country ?? null }, actor());
        console.log(`created ${k.kind} key ${k.id} for ${k.org}${k.country ? ` (${k.country})` : ''}`);
        console.log(`key: ${k.key}`);
      }).catch(fail),
    );

  keys
    .command('list')
    .description('list API keys (never the secrets)')
    .action(() =>
      withContext(async (ctx) => {
        for (const k of await ctx.people.keys.list()) {
          console.log([k.id, k.kind, k.org, k.country ?? '-', k.revokedAt ? `revoked ${k.revokedAt}` : 'active'].join('\t'));
        }
      }).catch(fail),
    );

  keys
    .command('revoke <id>')
    .description('revoke an API key at once')
    .action((id: string) =>
      withContext(async (ctx) => {
        const k = await ctx.people.keys.revoke(id, actor());
        console.log(`revoked ${k.id} (${k.kind}, ${k.org})`);
      }).catch(fail),
    );

  const audit = program.command('audit').description('the hash-chained audit log');

  audit
    .command('verify')
    .description('walk the hash chain; exit 1 naming the first changed, inserted or deleted entry')
    .action(() =>
      withContext(async (ctx) => {
        const v = await ctx.audit.verify();
        if (v.ok) {
          console.log(`audit log intact: ${v.entries} entries`);
        } else {
          console.error(`audit log broken at seq ${v.seq}: ${v.message} (${v.entries} entries verified before it)`);
          process.exitCode = 1;
        }
      }).catch(fail),
    );
}
