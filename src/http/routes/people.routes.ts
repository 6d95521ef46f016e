// Staff sign-in (session cookie + CSRF token), personal tokens, and the admin's users, API keys and audit log.
import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { requireStaff, requireStaffUser } from '../access.ts';
import { actorOf } from '../actor.ts';
import { SESSION_COOKIE } from '../principal.ts';
import { errorResponses, OneOf, PageQuery } from '../schemas.ts';
import { API_KEY_KINDS, ROLES } from '../../people/roles.ts';
import type { RouteModule } from '../types.ts';
import { badRequest, unauthorized } from '../../shared/errors.ts';
import { AUDIT_BREAKS } from '../../audit/audit-log.ts';
import { propertyOf } from '../../shared/property-of.ts';
import { addressOf, loginAddressLimit, useRateLimits } from '../rate-limits.ts';

/** Staff routes accept a personal token or the console's session cookie (writes then need X-CSRF-Token). */
export const staffAuth: Array<Record<string, string[]>> = [{ bearerAuth: [] }, { sessionCookie: [] }];

const RoleSchema = OneOf(ROLES, { description: 'triage < moderator < senior < admin' });
const KindSchema = OneOf(API_KEY_KINDS);
const UserSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  role: RoleSchema,
  createdAt: Type.String(),
  disabledAt: Type.Union([Type.String(), Type.Null()]),
});
const Me = Type.Object({ id: Type.String(), email: Type.String(), role: RoleSchema });
const SessionSchema = Type.Object({
  user: Me,
  csrfToken: Type.String({ description: 'Send as X-CSRF-Token on every write made with the session cookie' }),
  expiresAt: Type.String(),
  translateUrl: Type.Union([Type.String(), Type.Null()], {
    description: 'A LibreTranslate-compatible service (VIGIL_TRANSLATE_URL) the console links reported text to; null hides the links',
  }),
});
const TokenSchema = Type.Object({ id: Type.String(), label: Type.String(), createdAt: Type.String(), revokedAt: Type.Union([Type.String(), Type.Null()]) });
const KeySchema = Type.Object({
  id: Type.String(),
  kind: KindSchema,
  org: Type.String(),
  country: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});
const AuditEntrySchema = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  actor: Type.String(),
  action: Type.String(),
  target: Type.Union([Type.String(), Type.Null()]),
  data: Type.Unknown(),
  prevHash: Type.String(),
  hash: Type.String(),
});
const IdParam = Type.Object({ id: Type.String({ maxLength: 64 }) });
/** Who the credentials belong to (src/http/principal.ts), by kind. */
const PrincipalSchema = Type.Union([
  Type.Object({ kind: Type.Literal('account'), accountId: Type.String(), displayName: Type.String() }),
  Type.Object({ kind: Type.Literal('staff'), userId: Type.String(), email: Type.String(), role: RoleSchema, via: Type.Enum(['session', 'token']) }),
  Type.Object({
    kind: Type.Literal('api_key'),
    keyId: Type.String(),
    keyKind: KindSchema,
    org: Type.String(),
    country: Type.Union([Type.String(), Type.Null()]),
  }),
]);

const cookieOf = (req: FastifyRequest): string | undefined => req.cookies?.[SESSION_COOKIE];

function setSessionCookie(req: FastifyRequest, reply: FastifyReply, secret: string, expiresAt: string): void {
  reply.setCookie(SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: req.protocol === 'https',
    expires: new Date(expiresAt),
  });
}

export const peopleRoutes: RouteModule = async (app, ctx) => {
  const { users, sessions, tokens, keys } = ctx.people;

  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    // Guessing passwords is limited per address and account, so one attacker cannot lock out others;
    // a looser limit per address alone stops one client spraying many emails (each check costs ~0.1 s of scrypt).
    await useRateLimits(scope);
    scope.post(
      '/api/v1/session',
      {
        preHandler: loginAddressLimit(scope, ctx.config),
        config: {
          rateLimit: {
            max: 10,
            timeWindow: '1 minute',
            hook: 'preHandler',
            keyGenerator: (req) =>
              `login|${addressOf(req)}|${String(propertyOf(req.body, 'email') ?? '')
                .trim()
                .toLowerCase()}`,
          },
        },
        schema: {
          tags: ['staff'],
          summary: 'Log in to the console: sets the vigil_session cookie (12 h) and returns the CSRF token',
          body: Type.Object({ email: Type.String({ maxLength: 254 }), password: Type.String({ maxLength: 1024 }) }, { additionalProperties: false }),
          response: { 200: SessionSchema, ...errorResponses(400, 401, 403, 429) },
        },
      },
      async (req, reply) => {
        const s = await sessions.login(req.body.email, req.body.password, { ip: req.ip });
        setSessionCookie(req, reply, s.secret, s.expiresAt);
        return {
          user: { id: s.user.id, email: s.user.email, role: s.user.role },
          csrfToken: s.csrfToken,
          expiresAt: s.expiresAt,
          translateUrl: ctx.config.translateUrl ?? null,
        };
      },
    );

    scope.post(
      '/api/v1/me/password',
      {
        config: {
          access: 'staff',
          rateLimit: {
            max: 10,
            timeWindow: '1 minute',
            keyGenerator: (req) => `password|${req.principal.kind === 'staff' ? req.principal.userId : addressOf(req)}`,
          },
        },
        schema: {
          tags: ['staff'],
          summary: 'Change your password; your other sessions end',
          security: staffAuth,
          body: Type.Object(
            { currentPassword: Type.String({ maxLength: 1024 }), newPassword: Type.String({ maxLength: 1024 }) },
            { additionalProperties: false },
          ),
          response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 429) },
        },
      },
      async (req, reply) => {
        const me = requireStaffUser(req);
        const secret = cookieOf(req);
        const keep = me.via === 'session' && secret ? (await sessions.resolve(secret))?.sessionId : undefined;
        await users.changePassword(me.userId, req.body.currentPassword, req.body.newPassword, keep);
        return reply.status(204).send(null);
      },
    );
  });

  app.get(
    '/api/v1/session',
    {
      schema: {
        tags: ['staff'],
        summary: "The console session's user and CSRF token",
        security: [{ sessionCookie: [] }],
        response: { 200: SessionSchema, ...errorResponses(401) },
      },
    },
    async (req) => {
      const secret = cookieOf(req);
      const s = req.principal.kind === 'staff' && req.principal.via === 'session' && secret ? await sessions.resolve(secret) : undefined;
      if (!s) throw unauthorized('There is no console session; log in with POST /api/v1/session.');
      return {
        user: { id: s.identity.userId, email: s.identity.email, role: s.identity.role },
        csrfToken: s.csrfToken,
        expiresAt: s.expiresAt,
        translateUrl: ctx.config.translateUrl ?? null,
      };
    },
  );

  app.delete(
    '/api/v1/session',
    {
      schema: {
        tags: ['staff'],
        summary: 'Log out: ends the session and clears the cookie',
        security: [{ sessionCookie: [] }],
        response: { 204: Type.Null(), ...errorResponses(403) },
      },
    },
    async (req, reply) => {
      const secret = cookieOf(req);
      if (secret && req.principal.kind === 'staff' && req.principal.via === 'session') await sessions.logout(secret);
      reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', path: '/', secure: req.protocol === 'https' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['staff'],
        summary: 'Who the credentials belong to (any token, key or session)',
        security: staffAuth,
        response: { 200: PrincipalSchema, ...errorResponses(401) },
      },
    },
    async (req) => {
      const p = req.principal;
      if (p.kind === 'anonymous') throw unauthorized('No credentials were sent.');
      return p;
    },
  );

  app.post(
    '/api/v1/me/tokens',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['staff'],
        summary: 'Mint a personal token for scripts (shown once; acts with your role)',
        security: staffAuth,
        body: Type.Object({ label: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }),
        response: {
          201: Type.Object({ id: Type.String(), token: Type.String(), role: RoleSchema, label: Type.String(), createdAt: Type.String() }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (req, reply) => {
      const me = requireStaffUser(req);
      return reply.status(201).send(await tokens.mint({ userId: me.userId, email: me.email, role: me.role }, req.body.label));
    },
  );

  app.get(
    '/api/v1/me/tokens',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['staff'],
        summary: 'Your personal tokens (never the secrets)',
        security: staffAuth,
        response: { 200: Type.Object({ tokens: Type.Array(TokenSchema) }), ...errorResponses(401) },
      },
    },
    async (req) => ({ tokens: await tokens.list(requireStaffUser(req).userId) }),
  );

  app.delete(
    '/api/v1/me/tokens/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['staff'],
        summary: 'Revoke one of your personal tokens',
        security: staffAuth,
        params: IdParam,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await tokens.revoke(requireStaffUser(req).userId, req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/admin/users',
    {
      config: { access: 'admin.users' },
      schema: {
        tags: ['admin'],
        summary: 'Staff users',
        security: staffAuth,
        response: { 200: Type.Object({ users: Type.Array(UserSchema) }), ...errorResponses(401, 403) },
      },
    },
    async (req) => {
      requireStaff(req, 'admin.users');
      return { users: await users.list() };
    },
  );

  app.post(
    '/api/v1/admin/users',
    {
      config: { access: 'admin.users' },
      schema: {
        tags: ['admin'],
        summary: 'Create a staff user; the one-time password is shown once',
        security: staffAuth,
        body: Type.Object({ email: Type.String({ maxLength: 254 }), role: RoleSchema }, { additionalProperties: false }),
        response: { 201: Type.Object({ user: UserSchema, password: Type.String() }), ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const admin = requireStaff(req, 'admin.users');
      const { user, password } = await users.create({ email: req.body.email, role: req.body.role }, { actor: actorOf(admin), userId: admin.userId });
      // Created without a password, a user always gets a generated one.
      if (password === undefined) throw new Error('create() returned no generated password');
      return reply.status(201).send({ user, password });
    },
  );

  app.patch(
    '/api/v1/admin/users/:id',
    {
      config: { access: 'admin.users' },
      schema: {
        tags: ['admin'],
        summary: "Change a staff user's role, or disable (ends sessions, revokes tokens) or re-enable them",
        security: staffAuth,
        params: IdParam,
        body: Type.Object({ role: Type.Optional(RoleSchema), disabled: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: { 200: Type.Object({ user: UserSchema }), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const admin = requireStaff(req, 'admin.users');
      return { user: await users.update(req.params.id, req.body, { actor: actorOf(admin), userId: admin.userId }) };
    },
  );

  app.get(
    '/api/v1/admin/keys',
    {
      config: { access: 'admin.keys' },
      schema: {
        tags: ['admin'],
        summary: 'API keys (never the secrets)',
        security: staffAuth,
        response: { 200: Type.Object({ keys: Type.Array(KeySchema) }), ...errorResponses(401, 403) },
      },
    },
    async (req) => {
      requireStaff(req, 'admin.keys');
      return { keys: await keys.list() };
    },
  );

  app.post(
    '/api/v1/admin/keys',
    {
      config: { access: 'admin.keys' },
      schema: {
        tags: ['admin'],
        summary: 'Create an API key for a trusted flagger, authority or platform (shown once)',
        security: staffAuth,
        body: Type.Object(
          {
            kind: KindSchema,
            org: Type.String({ minLength: 1, maxLength: 128 }),
            // Null first: with type coercion on, a null would otherwise be coerced to "" by the string branch.
            country: Type.Optional(
              Type.Union([Type.Null(), Type.String({ maxLength: 2, description: 'ISO 3166-1 alpha-2, upper case; required for authority keys' })]),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Intersect([KeySchema, Type.Object({ key: Type.String() })]), ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const admin = requireStaff(req, 'admin.keys');
      return reply.status(201).send(await keys.create(req.body, actorOf(admin)));
    },
  );

  app.post(
    '/api/v1/admin/keys/:id/revoke',
    {
      config: { access: 'admin.keys' },
      schema: {
        tags: ['admin'],
        summary: 'Revoke an API key at once',
        security: staffAuth,
        params: IdParam,
        response: { 200: KeySchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (req) => {
      const admin = requireStaff(req, 'admin.keys');
      return keys.revoke(req.params.id, actorOf(admin));
    },
  );

  app.get(
    '/api/v1/admin/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['admin'],
        summary: 'The audit log, newest first; filtered by actor, action, target (exact) and time [from, to)',
        security: staffAuth,
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({
            actor: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'e.g. staff:usr_…, cli:alice, system' })),
            action: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'e.g. case.decided' })),
            target: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'e.g. case:cas_…' })),
            from: Type.Optional(Type.String({ pattern: TIME_PATTERN, description: 'ISO 8601 time (UTC when no offset), inclusive' })),
            to: Type.Optional(Type.String({ pattern: TIME_PATTERN, description: 'ISO 8601 time, exclusive' })),
          }),
        ]),
        response: {
          200: Type.Object({ entries: Type.Array(AuditEntrySchema), nextCursor: Type.Union([Type.String(), Type.Null()]) }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (req) => {
      requireStaff(req, 'audit.read');
      const q = req.query;
      return ctx.audit.list({ ...q, from: isoTime(q.from, 'from'), to: isoTime(q.to, 'to') });
    },
  );

  app.get(
    '/api/v1/admin/audit/verify',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['admin'],
        summary: 'Verify one chunk of the hash chain, after entry `after`; call again from `through` until `done`',
        description:
          'Reports the first changed, inserted or deleted entry in the chunk. A request verifies at most `limit` entries, so its cost does not grow with the log; the console walks the whole chain chunk by chunk and shows its progress.',
        security: staffAuth,
        querystring: Type.Object({
          after: Type.Integer({ minimum: 0, default: 0, description: 'The last entry a previous chunk verified (0: from the start)' }),
          limit: Type.Integer({ minimum: 1, maximum: 5000, default: 2000 }),
        }),
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            entries: Type.Integer({ description: 'Entries verified in this chunk (before the first bad one)' }),
            head: Type.Integer({ description: 'The newest entry in the log now' }),
            through: Type.Optional(Type.Integer({ description: 'The last entry verified; pass as `after` for the next chunk' })),
            done: Type.Optional(Type.Boolean({ description: 'Nothing follows `through`' })),
            seq: Type.Optional(Type.Integer({ description: 'The first bad entry' })),
            reason: Type.Optional(OneOf(AUDIT_BREAKS)),
            message: Type.Optional(Type.String()),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (req) => {
      requireStaff(req, 'audit.read');
      return ctx.audit.verifyChunk(req.query.after, req.query.limit);
    },
  );
};

/** A date, or a date and time with an optional offset (the console sends UTC with Z). */
const TIME_PATTERN = String.raw`^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$`;

function isoTime(value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  // Without an offset a time is read as UTC, as the stored times are.
  const t = new Date(/T.*(Z|[+-]\d{2}:\d{2})$/.test(value) || !value.includes('T') ? value : `${value}Z`);
  if (Number.isNaN(t.getTime())) throw badRequest('invalid_time', `"${field}" is not a valid time.`, [{ field, message: 'invalid' }]);
  return t.toISOString();
}
