import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { RouteModule } from '../types.ts';
import { errorResponses } from '../schemas.ts';
import { signupLimit, useRateLimits } from '../rate-limits.ts';

export const accountsRoutes: RouteModule = async (app, ctx) => {
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    // Free accounts are limited per address, or they would defeat the per-account report limit.
    await useRateLimits(scope);
    scope.post(
      '/api/v1/accounts',
      {
        config: { rateLimit: signupLimit(ctx.config) },
        schema: {
          tags: ['platform'],
          summary: 'Create an account (the token is shown once)',
          body: Type.Object({ displayName: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false }),
          response: { 201: Type.Object({ id: Type.String(), token: Type.String() }), ...errorResponses(400, 429) },
        },
      },
      async (req, reply) => reply.status(201).send(await ctx.accounts.create(req.body.displayName)),
    );
  });
};
