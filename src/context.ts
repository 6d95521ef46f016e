// Wires the application: database, repositories' services and the visibility service.
// Built once per process (or per test) and handed to the HTTP app and the CLI.
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { openDatabase, type Db, type DialectName } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { VisibilityService } from './enforcement/visibility.ts';
import { AccountsRepository } from './platform/accounts.repository.ts';
import { AccountsService } from './platform/accounts.service.ts';
import { BotsService } from './platform/bots.service.ts';
import { ChannelsService } from './platform/channels.service.ts';
import { ConversationsService } from './platform/conversations.service.ts';
import { MediaRepository } from './platform/media.repository.ts';
import { MediaService } from './platform/media.service.ts';
import { MediaStore } from './platform/media-store.ts';
import { StickerSetsService } from './platform/sticker-sets.service.ts';

export interface AppContext {
  config: Config;
  logger: Logger;
  db: Db;
  dialect: DialectName;
  visibility: VisibilityService;
  accounts: AccountsService;
  media: MediaService;
  channels: ChannelsService;
  bots: BotsService;
  stickerSets: StickerSetsService;
  conversations: ConversationsService;
  close(): Promise<void>;
}

export async function createContext(config: Config, logger: Logger): Promise<AppContext> {
  const { db, dialect } = openDatabase(config);
  const applied = await migrateToLatest(db);
  if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
  const visibility = new VisibilityService();
  const accounts = new AccountsService(new AccountsRepository(db));
  const media = new MediaService(new MediaRepository(db), new MediaStore(config.dataDir), config);
  return {
    config, logger, db, dialect, visibility, accounts, media,
    channels: new ChannelsService(db, media, visibility),
    bots: new BotsService(db, media, visibility),
    stickerSets: new StickerSetsService(db, media, visibility),
    conversations: new ConversationsService(db, media, accounts),
    close: () => db.destroy(),
  };
}
