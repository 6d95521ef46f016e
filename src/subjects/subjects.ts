// The platforms registered at start, and the one entry point the moderation core uses to ask about a
// subject: it finds the subject's platform and asks that platform's port.
import type { Db } from '../db/database.ts';
import type { MediaTable } from '../db/schema.ts';
import { badRequest } from '../shared/errors.ts';
import type { PlatformPort, PostRef, ResolvedSubject, SubjectRef, SubjectSnapshot } from './platform-port.ts';
import type { SubjectClaim } from './subject-link.ts';

import { REFERENCE_PLATFORM } from '../shared/platforms.ts';

/** The platform bundled with Vigil; cases of connected platforms carry their platform's name instead. */
export { REFERENCE_PLATFORM };

export class Subjects {
  #ports = new Map<string, PlatformPort>();

  register(port: PlatformPort): this {
    if (this.#ports.has(port.name)) throw new Error(`platform "${port.name}" is registered twice`);
    this.#ports.set(port.name, port);
    return this;
  }

  /** The port of a platform; an unknown name is the caller's mistake (400). */
  port(platform: string = REFERENCE_PLATFORM): PlatformPort {
    const port = this.#ports.get(platform);
    if (!port) {
      throw badRequest('unknown_platform', `No platform named "${platform}" is connected.`, [{ field: 'platform', message: 'unknown' }]);
    }
    return port;
  }

  resolve(db: Db, claim: SubjectClaim, platform?: string): Promise<ResolvedSubject> {
    return this.port(platform).resolve(db, claim);
  }

  postsOfChannel(db: Db, platform: string, channelId: string, postIds: string[]): Promise<PostRef[]> {
    return this.port(platform).postsOfChannel(db, channelId, postIds);
  }

  snapshot(db: Db, platform: string, kind: string, id: string, reportedPostIds: string[]): Promise<SubjectSnapshot | null> {
    return this.port(platform).snapshot(db, kind, id, reportedPostIds);
  }

  mediaOfPosts(db: Db, platform: string, postIds: string[]): Promise<MediaTable[]> {
    return this.port(platform).mediaOfPosts(db, postIds);
  }

  /** Labels for subjects of any platforms, asking each platform once; keyed `kind:id`. */
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
