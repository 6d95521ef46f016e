import { Type } from 'typebox';
import type { RouteModule } from '../types.ts';
import { errorResponses } from '../schemas.ts';

export const accountsRoutes: RouteModule = (app, ctx) => {
  app.post('/api/v1/accounts', {
    schema: {
      tags: ['platform'], summary: 'Create an account (the token is shown once)',
      body: Type.Object({ displayName: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false }),
      response: { 201: Type.Object({ id: Type.String(), token: Type.String() }), ...errorResponses(400) },
    },
  }, async (req, reply) => reply.status(201).send(await ctx.accounts.create(req.body.displayName)));
};
