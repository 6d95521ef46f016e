// The platforms whose subjects Vigil moderates, and the one entry point the moderation core uses to ask
// about a subject: it finds the subject's platform and asks that platform's port. In-process platforms
// (the reference platform) are registered at start; every other name is a connected platform, served by
// the content it registered over the API (connected-platform.ts).
import type { Db } from '../db/database.ts';
import { badRequest, fieldProblem } from '../shared/errors.ts';
import { isPlatformName } from '../shared/platforms.ts';
import { REFERENCE_PLATFORM } from './kinds.ts';
import type { MediaHashes, OwnedSubject, PlatformPort, PostRef, PostTextFile, ResolvedSubject, SubjectRef, SubjectSnapshot } from './platform-port.ts';
import { type SubjectClaim, unknownLink } from './subject-link.ts';

export { REFERENCE_PLATFORM };

/** Connected platforms: a port for any platform name, and which platform registered a URL. */
export interface ConnectedPlatforms {
  port(name: string): PlatformPort;
  platformOfUrl(db: Db, url: string): Promise<string | undefined>;
}

export class Subjects {
  #ports = new Map<string, PlatformPort>();
  #connected: ConnectedPlatforms | undefined;

  register(port: PlatformPort): this {
    if (this.#ports.has(port.name)) throw new Error(`platform "${port.name}" is registered twice`);
    this.#ports.set(port.name, port);
    return this;
  }

  /** Every name not registered in-process is served by these (content registered over the API). */
  connect(connected: ConnectedPlatforms): this {
    this.#connected = connected;
    return this;
  }

  /** The port of a platform; a name no platform could have is the caller's mistake (400). */
  port(platform: string = REFERENCE_PLATFORM): PlatformPort {
    const port = this.#ports.get(platform);
    if (port) return port;
    if (!this.#connected || !isPlatformName(platform)) {
      throw badRequest('unknown_platform', `No platform named "${platform}" is connected.`, [fieldProblem('platform', 'unknown_platform', 'unknown')]);
    }
    return this.#connected.port(platform);
  }

  /**
   * The subject a claim names. A full URL is first looked up among connected platforms' registered
   * content; a reference-style path that no platform registered is the reference platform's.
   */
  async resolve(db: Db, claim: SubjectClaim, platform?: string): Promise<ResolvedSubject> {
    let name = platform ?? (claim.by === 'id' ? claim.platform : undefined);
    if (name === undefined && claim.by !== 'id' && claim.url && this.#connected) name = await this.#connected.platformOfUrl(db, claim.url);
    if (name === undefined && claim.by === 'url') throw unknownLink();
    return this.port(name).resolve(db, claim);
  }

  postsOfChannel(db: Db, platform: string, channelId: string, postIds: string[]): Promise<PostRef[]> {
    return this.port(platform).postsOfChannel(db, channelId, postIds);
  }

  snapshot(db: Db, platform: string, kind: string, id: string, reportedPostIds: string[]): Promise<SubjectSnapshot | null> {
    return this.port(platform).snapshot(db, kind, id, reportedPostIds);
  }

  mediaOfPosts(db: Db, platform: string, postIds: string[]): Promise<MediaHashes[]> {
    return this.port(platform).mediaOfPosts(db, postIds);
  }

  textFilesOfPost(db: Db, platform: string, postId: string, maxBytes: number): Promise<PostTextFile[]> {
    return this.port(platform).textFilesOfPost(db, postId, maxBytes);
  }

  /** Labels for subjects of any platforms, asking each platform once; keyed `kind:id`. */
  /** An owner's public subjects on the platform the owner belongs to, newest first. */
  subjectsOfOwner(db: Db, platform: string, ownerAccountId: string, limit: number): Promise<OwnedSubject[]> {
    return this.port(platform).subjectsOfOwner(db, ownerAccountId, limit);
  }

  async labels(db: Db, subjects: Array<SubjectRef & { platform: string }>): Promise<Map<string, string>> {
    const byPlatform = new Map<string, SubjectRef[]>();
    for (const s of subjects) {
      const list = byPlatform.get(s.platform) ?? [];
      list.push({ kind: s.kind, id: s.id });
      byPlatform.set(s.platform, list);
    }
    const labels = new Map<string, string>();
    for (const [platform, list] of byPlatform) {
      for (const [k, v] of await this.port(platform).labels(db, list)) labels.set(k, v);
    }
    return labels;
  }
}
