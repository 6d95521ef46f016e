import { newId, newSecret } from '../shared/ids.ts';
import { hashToken } from '../shared/secrets.ts';
import { nowIso } from '../shared/time.ts';
import type { AccountsRepository } from './accounts.repository.ts';

export interface Account {
  id: string;
  displayName: string;
  /** When the account was made: intake weighs reports from new accounts less (src/cases/credibility.ts). */
  createdAt: string;
}

export class AccountsService {
  #repo: AccountsRepository;
  constructor(repo: AccountsRepository) {
    this.#repo = repo;
  }

  /** Creates an account; the token is returned once and only its hash is stored. */
  async create(displayName: string): Promise<{ id: string; token: string }> {
    const id = newId('acc');
    const token = newSecret('vga');
    await this.#repo.insert({ id, display_name: displayName.trim(), token_hash: hashToken(token), created_at: nowIso() });
    return { id, token };
  }

  async authenticate(token: string): Promise<Account | undefined> {
    const row = await this.#repo.findByTokenHash(hashToken(token));
    return row ? { id: row.id, displayName: row.display_name, createdAt: row.created_at } : undefined;
  }

  async exists(id: string): Promise<boolean> {
    return (await this.#repo.findById(id)) !== undefined;
  }
}
