import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { RouteModule } from '../types.ts';
import { errorResponses, Nullable } from '../schemas.ts';
import { useRateLimits } from '../rate-limits.ts';

const Pdq = Type.String({ pattern: '^[0-9a-fA-F]{64}$', description: 'PDQ hash, 64 hexadecimal characters' });
const StatusSchema = Type.Object({
  caseNumber: Type.String(),
  submittedAt: Type.String(),
  withdrawnAt: Nullable(Type.String()),
  hashes: Type.Array(
    Type.Object({
      number: Type.Integer({ description: 'Position in the submission, from 1' }),
      status: Type.Enum(['active', 'benign', 'withdrawn']),
      matches: Type.Integer({ description: 'Uploads it has matched' }),
      lastMatchAt: Nullable(Type.String()),
    }),
  ),
});
const Access = Type.Object({ caseNumber: Type.String({ maxLength: 32 }), pin: Type.String({ maxLength: 32 }) }, { additionalProperties: false });

/** Victim hash submission: only hashes, computed in the person's own browser, ever reach us. */
export const protectRoutes: RouteModule = async (app, ctx) => {
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    await useRateLimits(scope);
    const limited = { rateLimit: { max: 20, timeWindow: '1 minute' } };
    scope.post(
      '/api/v1/protect/hashes',
      {
        config: limited,
        schema: {
          tags: ['protect'],
          summary: 'Submit PDQ hashes of your own images (never the images); returns a case number and PIN',
          body: Type.Object(
            {
              hashes: Type.Array(
                Type.Object({ pdq: Pdq, quality: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })) }, { additionalProperties: false }),
                { minItems: 1, maxItems: 100 },
              ),
            },
            { additionalProperties: false },
          ),
          response: { 201: Type.Object({ caseNumber: Type.String(), pin: Type.String(), hashes: Type.Integer() }), ...errorResponses(400, 429) },
        },
      },
      async (req, reply) => reply.status(201).send(await ctx.protect.submit(req.body.hashes)),
    );

    scope.post(
      '/api/v1/protect/status',
      {
        config: limited,
        schema: {
          tags: ['protect'],
          summary: 'Your submission: hashes, their status and how many uploads each has matched',
          body: Access,
          response: { 200: StatusSchema, ...errorResponses(400, 404, 429) },
        },
      },
      async (req) => ctx.protect.status(req.body.caseNumber, req.body.pin),
    );

    scope.post(
      '/api/v1/protect/withdraw',
      {
        config: limited,
        schema: {
          tags: ['protect'],
          summary: 'Withdraw all your hashes: they are deleted and stop matching at once',
          body: Access,
          response: { 200: StatusSchema, ...errorResponses(400, 404, 429) },
        },
      },
      async (req) => ctx.protect.withdraw(req.body.caseNumber, req.body.pin),
    );
  });
};
