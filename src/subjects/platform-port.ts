// The platform port: what the moderation core asks of a platform about its subjects. The bundled
// reference platform implements it in-process (src/platform/reference-platform.ts); a connected platform
// is served by content it registered over the API. The core knows subjects only through this port.
//
// Decisions reach a platform the other way round, without a method here: an in-process platform asks the
// visibility service (src/enforcement/visibility.ts) before it shows anything, and a connected platform
// is told by signed webhooks sent from the job queue.
//
// Every method takes the database handle to read with: inside a transaction that is the transaction
// (on SQLite a read on another handle would wait for the transaction's own lock).
import type { Db } from '../db/database.ts';
import type { CaseSubjectKind, SubjectKind } from './kinds.ts';
import type { SubjectClaim } from './subject-link.ts';

/** The subject a report or a case is about, as its platform describes it. */
export interface ResolvedSubject {
  /** 'reference' or a connected platform's name. */
  platform: string;
  kind: CaseSubjectKind;
  id: string;
  /** The public link, for public subjects. */
  link: string | null;
  label: string;
  /** False for private conversations: the report is declined and their content never read. */
  isPublic: boolean;
  ownerAccountId: string | null;
  reach: number;
  /** The language its public text is written in (src/shared/language.ts), null when unknown or private. */
  language: string | null;
  /** Posts named by the report (by a post link or by `postIds`). */
  postIds: string[];
}

export interface SubjectRef {
  kind: SubjectKind;
  id: string;
}

export interface MediaView {
  id: string;
  /** Empty for media a connected platform sent only by URL: it was not scanned. */
  sha256: string;
  mime: string;
  size: number;
  width?: number;
  height?: number;
  /** Where a connected platform serves it: a link for reviewers, never loaded by Vigil or the console. */
  url?: string;
}

export interface PostSnapshot {
  id: string;
  number: number;
  link: string;
  text: string;
  createdAt: string;
  reported: boolean;
  media: MediaView[];
  /** Set when the connected platform deleted the post; an open case still shows what was reported. */
  deletedAt?: string;
}

/** The subject as it is now, for reviewers. Private conversations have none. */
export type SubjectSnapshot =
  | {
      kind: 'channel';
      id: string;
      link: string;
      handle: string;
      title: string;
      description: string;
      subscribers: number;
      createdAt: string;
      recentPosts: PostSnapshot[];
      reportedPosts: PostSnapshot[];
      deletedAt?: string;
    }
  | {
      kind: 'bot';
      id: string;
      link: string;
      handle: string;
      description: string;
      picture: MediaView | null;
      createdAt: string;
      recentMessages: Array<{ id: string; text: string; createdAt: string }>;
      deletedAt?: string;
    }
  | { kind: 'sticker_set'; id: string; link: string; name: string; title: string; stickers: MediaView[]; createdAt: string; deletedAt?: string };

/** A post of a channel, as much as a decision needs to know. */
export interface PostRef {
  id: string;
  channelId: string;
}

/** The hashes of a post's media, as a decision banks them: exact SHA-256, and PDQ when it is an image. */
export interface MediaHashes {
  id: string;
  sha256: string;
  pdq: { hash: string; quality: number } | null;
}

/** A text file (txt, csv, json) attached to a post, as the personal-data detector reads it: never executed or rendered. */
export interface PostTextFile {
  id: string;
  mime: string;
  /** The file's first bytes (at most the limit asked for), decoded as UTF-8; undecodable bytes become U+FFFD. */
  text: string;
  /** True when the file is longer than the limit and only its start is here. */
  truncated: boolean;
}

/** A public subject an owner has (their channels, bots and sticker sets), for the owner's history on a case. */
export interface OwnedSubject {
  kind: 'channel' | 'bot' | 'sticker_set';
  id: string;
  label: string;
  link: string | null;
  createdAt: string;
}

export interface PlatformPort {
  /** 'reference' for the bundled platform. */
  readonly name: string;
  /** The subject a claim names; throws not found (404) when there is none. */
  resolve(db: Db, claim: SubjectClaim): Promise<ResolvedSubject>;
  /** The posts named, when each belongs to the channel; throws not found otherwise. */
  postsOfChannel(db: Db, channelId: string, postIds: string[]): Promise<PostRef[]>;
  snapshot(db: Db, kind: string, id: string, reportedPostIds: string[]): Promise<SubjectSnapshot | null>;
  /** Readable names for a page of subjects, keyed `kind:id`; private conversations get none. */
  labels(db: Db, subjects: SubjectRef[]): Promise<Map<string, string>>;
  /** The hashes of the media attached to these posts (for banking what a decision took down). */
  mediaOfPosts(db: Db, postIds: string[]): Promise<MediaHashes[]>;
  /** The text files attached to a post, each cut to `maxBytes`; none for a platform that holds no file bytes. */
  textFilesOfPost(db: Db, postId: string, maxBytes: number): Promise<PostTextFile[]>;
  /** An owner's public subjects (the owner as a case names it: `ownerAccountId`), newest first, at most `limit`. */
  subjectsOfOwner(db: Db, ownerAccountId: string, limit: number): Promise<OwnedSubject[]>;
}
