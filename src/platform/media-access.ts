import type { Db } from '../db/database.ts';
import type { MediaTable } from '../db/schema.ts';
import { visibilityKey, type SubjectRef, type Viewer, type VisibilityService } from '../enforcement/visibility.ts';
import { mediaUsages } from './media.repository.ts';
import { ConversationsRepository } from './conversations.repository.ts';

/**
 * Media bytes are public only through a visible public subject (a shown post of a shown channel, a
 * bot's picture, a sticker). Otherwise only the uploader and members of a private conversation that
 * carries it may fetch them; anyone else gets a plain 404, so nothing leaks about private content.
 * A `reviewer` also sees media of public subjects that are hidden (held, blocked, removed), because they
 * decide on it; media that was never published (private groups and chats, unused uploads) is not theirs.
 */
export class MediaAccess {
  #db: Db;
  #visibility: VisibilityService;
  constructor(db: Db, visibility: VisibilityService) {
    this.#db = db;
    this.#visibility = visibility;
  }

  async canView(m: MediaTable, accountId: string | undefined, viewer: Viewer, opts: { reviewer?: boolean } = {}): Promise<boolean> {
    if (accountId !== undefined && m.owner_id === accountId) return true;
    const u = await mediaUsages(this.#db, m.id);
    const subjects: SubjectRef[][] = [
      ...u.posts.map((p) => [
        { kind: 'channel' as const, id: p.channelId },
        { kind: 'post' as const, id: p.postId },
      ]),
      ...u.botIds.map((id) => [{ kind: 'bot' as const, id }]),
      ...u.stickerSetIds.map((id) => [{ kind: 'sticker_set' as const, id }]),
    ];
    if (opts.reviewer && subjects.length > 0) return true;
    if (subjects.length > 0) {
      const vis = await this.#visibility.checkMany(subjects.flat(), viewer);
      if (subjects.some((chain) => chain.every((s) => vis.get(visibilityKey(s))?.visible !== false))) return true;
    }
    if (accountId === undefined || u.conversationIds.length === 0) return false;
    const repo = new ConversationsRepository(this.#db);
    for (const cid of u.conversationIds) {
      if (await repo.isGroupMember(cid, accountId)) return true;
      const chat = await repo.findChat(cid);
      if (chat && (chat.account_low === accountId || chat.account_high === accountId)) return true;
    }
    return false;
  }
}
