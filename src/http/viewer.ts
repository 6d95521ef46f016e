import type { FastifyRequest } from 'fastify';
import type { Viewer } from '../enforcement/visibility.ts';

/**
 * Resolves the viewer's country for jurisdiction-limited restrictions. The reference setup trusts a
 * request header set by the platform's edge (`X-Vigil-Country`); deployments replace this resolver
 * with GeoIP or the platform's own account country.
 */
export type CountryResolver = (req: FastifyRequest) => string | undefined;

export const headerCountryResolver: CountryResolver = (req) => {
  const v = req.headers['x-vigil-country'];
  const s = Array.isArray(v) ? v[0] : v;
  return s && /^[A-Za-z]{2}$/.test(s) ? s.toUpperCase() : undefined;
};

export function viewerOf(req: FastifyRequest, resolve: CountryResolver = headerCountryResolver): Viewer {
  const country = resolve(req);
  return country ? { country } : {};
}
