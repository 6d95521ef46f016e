// Shared TypeBox schemas: the error shape and common parameters, reused by every route for OpenAPI.
import { Type, type TSchemaOptions } from 'typebox';

export const ErrorSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine-readable code' }),
      message: Type.String({ description: 'Human-readable explanation' }),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { $id: 'Error' },
);

/**
 * One of a list of values written once as a const array: a union of literals whose static type is the
 * list's union (TypeBox infers a union's type from a tuple only, so a mapped array needs `Unsafe` to say it).
 */
export const OneOf = <T extends string>(values: readonly T[], options?: TSchemaOptions) =>
  Type.Unsafe<T>(
    Type.Union(
      values.map((v) => Type.Literal(v)),
      options,
    ),
  );

export const errorResponses = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, Type.Ref('Error')]));

export const PageQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});

export const MediaSchema = Type.Object({
  id: Type.String(),
  sha256: Type.String(),
  mime: Type.String(),
  size: Type.Integer(),
  width: Type.Optional(Type.Integer()),
  height: Type.Optional(Type.Integer()),
});

export const NoticeSchema = Type.Object({
  code: Type.String(),
  category: Type.Union([Type.String(), Type.Null()]),
  text: Type.String(),
});

export const bearer = [{ bearerAuth: [] }];
