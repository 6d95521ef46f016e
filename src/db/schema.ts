// Table types for Kysely. Keep in step with migrations/.
import type { SignalTables } from './schema-signals.ts';
import type { PeopleTables } from './schema-people.ts';
import type { ModerationTables } from './schema-moderation.ts';
import type { BankTables } from './schema-banks.ts';
import type { JobTables } from './schema-jobs.ts';
import type { WebhookTables } from './schema-webhooks.ts';
import type { MailTables } from './schema-mail.ts';
import type { ConnectedTables } from './schema-connected.ts';

export interface AccountsTable {
  id: string;
  display_name: string;
  token_hash: string;
  created_at: string;
}
export interface MediaTable {
  id: string;
  owner_id: string;
  sha256: string;
  md5: string;
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  created_at: string;
}
/** `skeleton`: the name's look-alike key (platform/name-skeleton.ts), unique; NULL only for a look-alike that predates it. */
export interface PublicNamesTable {
  name_lower: string;
  kind: string;
  subject_id: string;
  skeleton: string | null;
}
export interface ChannelsTable {
  id: string;
  handle: string;
  handle_lower: string;
  title: string;
  description: string;
  owner_id: string;
  subscriber_count: number;
  last_post_seq: number;
  created_at: string;
  /** Detected language (src/shared/language.ts), null when too short to tell; absent in rows written before it was kept. */
  language?: string | null;
}
export interface ChannelAdminsTable {
  channel_id: string;
  account_id: string;
  created_at: string;
}
export interface ChannelSubscriptionsTable {
  channel_id: string;
  account_id: string;
  created_at: string;
}
export interface PostsTable {
  id: string;
  channel_id: string;
  seq: number;
  author_id: string;
  text: string;
  created_at: string;
  /** Detected language (src/shared/language.ts), null when too short to tell; absent in rows written before it was kept. */
  language?: string | null;
}
export interface PostMediaTable {
  post_id: string;
  media_id: string;
  position: number;
}
export interface BotsTable {
  id: string;
  handle: string;
  handle_lower: string;
  description: string;
  picture_media_id: string | null;
  owner_id: string;
  created_at: string;
  /** Detected language (src/shared/language.ts), null when too short to tell; absent in rows written before it was kept. */
  language?: string | null;
}
export interface BotMessagesTable {
  id: string;
  bot_id: string;
  text: string;
  created_at: string;
}
export interface StickerSetsTable {
  id: string;
  name: string;
  name_lower: string;
  title: string;
  owner_id: string;
  created_at: string;
  /** Detected language (src/shared/language.ts), null when too short to tell; absent in rows written before it was kept. */
  language?: string | null;
}
export interface StickersTable {
  sticker_set_id: string;
  media_id: string;
  position: number;
}
export interface GroupsTable {
  id: string;
  title: string;
  creator_id: string;
  member_count: number;
  created_at: string;
}
export interface GroupMembersTable {
  group_id: string;
  account_id: string;
  created_at: string;
}
export interface ChatsTable {
  id: string;
  account_low: string;
  account_high: string;
  created_at: string;
}
export interface PrivateMessagesTable {
  id: string;
  conversation_id: string;
  sender_id: string;
  text: string;
  media_id: string | null;
  created_at: string;
}

export interface Database extends PeopleTables, ModerationTables, BankTables, JobTables, WebhookTables, ConnectedTables, SignalTables, MailTables {
  accounts: AccountsTable;
  media: MediaTable;
  public_names: PublicNamesTable;
  channels: ChannelsTable;
  channel_admins: ChannelAdminsTable;
  channel_subscriptions: ChannelSubscriptionsTable;
  posts: PostsTable;
  post_media: PostMediaTable;
  bots: BotsTable;
  bot_messages: BotMessagesTable;
  sticker_sets: StickerSetsTable;
  stickers: StickersTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  chats: ChatsTable;
  private_messages: PrivateMessagesTable;
}
