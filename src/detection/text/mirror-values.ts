// Near-duplicates and mirrors, the values written once.

/** What a blocked subject leaves behind for its mirrors to share. */
export const MARKER_KINDS = ['owner', 'link', 'media'] as const;
export type MarkerKind = (typeof MARKER_KINDS)[number];

/** The kinds of evidence that link a subject to a decision's subject: `text` is a near-duplicate text. */
export const MIRROR_EVIDENCE = ['owner', 'media', 'text', 'links'] as const;
export type MirrorEvidence = (typeof MIRROR_EVIDENCE)[number];

/** `mirror`: near a blocked subject; `near_duplicate`: a text near a removed post. */
export const LINK_RELATIONS = ['mirror', 'near_duplicate'] as const;
export type LinkRelation = (typeof LINK_RELATIONS)[number];

export const MARKER_EVIDENCE: Record<MarkerKind, MirrorEvidence> = { owner: 'owner', link: 'links', media: 'media' };
