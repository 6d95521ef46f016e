// The kinds of subject Vigil knows, written once: what can be reported or acted on, which kinds are
// private (their content is never read), and which actions each kind allows. Schemas, services and the
// web app share these lists.
import { isOneOf } from '../shared/one-of.ts';

/** The platform bundled with Vigil; cases of connected platforms carry their platform's name instead. */
export { REFERENCE_PLATFORM } from '../shared/platforms.ts';

export const SUBJECT_KINDS = ['channel', 'post', 'bot', 'sticker_set', 'group', 'chat', 'account'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** A case is about a channel (never a single post: reports about posts gather on their channel), a bot, ... */
export type CaseSubjectKind = Exclude<SubjectKind, 'post'>;

/** Kinds anyone can see through a public link; the others are private or not content. */
export const PUBLIC_KINDS = ['channel', 'post', 'bot', 'sticker_set'] as const;
export type PublicSubjectKind = (typeof PUBLIC_KINDS)[number];

/** Private conversations: a report about one is stored, counted and declined; its content is never read. */
export const PRIVATE_KINDS = ['group', 'chat'] as const satisfies readonly SubjectKind[];

/** Kinds a decision may block or restrict as a whole. */
export const BLOCKABLE_KINDS = ['channel', 'bot', 'sticker_set'] as const satisfies readonly SubjectKind[];
export type BlockableKind = (typeof BLOCKABLE_KINDS)[number];

export const isSubjectKind = (v: unknown): v is SubjectKind => isOneOf(SUBJECT_KINDS, v);
export const isPublicKind = (v: string): v is PublicSubjectKind => isOneOf(PUBLIC_KINDS, v);
export const isBlockable = (v: string): v is BlockableKind => isOneOf(BLOCKABLE_KINDS, v);

/** Lower-case names for sentences ("This sticker set can't be displayed ..."). */
export const KIND_NOUN: Record<SubjectKind, string> = {
  channel: 'channel',
  post: 'post',
  bot: 'bot',
  sticker_set: 'sticker set',
  group: 'group',
  chat: 'chat',
  account: 'account',
};
