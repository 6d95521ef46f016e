// Platform names. A connected platform is named by the organisation of its platform API key; the bundled
// reference platform is `reference`, which no key may claim. Names are slugs, since they appear in
// webhook payloads (`data.subject.platform`) and, later, in subject references.
export const REFERENCE_PLATFORM = 'reference';

const SLUG = /^[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$/;

/** A platform name: 2–63 lowercase letters, digits and hyphens, not starting or ending with a hyphen. */
export const isPlatformName = (v: string): boolean => SLUG.test(v);

export const PLATFORM_NAME_RULE = '2–63 lowercase letters, digits and hyphens, not starting or ending with a hyphen (e.g. "forum")';
