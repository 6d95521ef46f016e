// Media a moderator's decision took down goes into a bank of the decision's category, so the same
// image is caught when it is uploaded again.
import type { Db } from '../db/database.ts';
import type { RemovedMediaBanking } from '../cases/decisions.service.ts';
import type { MediaHashes } from '../subjects/platform-port.ts';
import { bankCategoryOf, type BanksService, type NewEntry } from './banks.service.ts';
import { MIN_PDQ_QUALITY } from './hash-matcher.ts';

// The hashes come from the subject's platform (subjects/): the reference platform's stored media, or the
// hashes a connected platform's registration computed; the bytes themselves are not needed here.
export function decisionBanking(banks: BanksService): RemovedMediaBanking {
  return {
    async bank(trx: Db, category: string, media: MediaHashes[], decisionId: string) {
      if (media.length === 0) return () => {};
      const bankCategory = bankCategoryOf(category);
      const bank = await banks.findOrCreate(`decisions-${bankCategory}`, bankCategory, `Media removed by moderators' decisions (${bankCategory})`, trx);
      const entries: NewEntry[] = [];
      for (const m of media) {
        entries.push({ signalType: 'sha256', hash: m.sha256, label: `media ${m.id}` });
        const pdq = m.pdq;
        // A flat or tiny image's PDQ would match too much; its exact hash still catches the same file.
        if (pdq && pdq.quality >= MIN_PDQ_QUALITY) entries.push({ signalType: 'pdq', hash: pdq.hash, label: `media ${m.id}` });
      }
      const rows = await banks.addEntries(bank.id, entries, 'decision', null, trx, decisionId);
      return () => banks.index(rows, bankCategory);
    },
    async unbank(trx: Db, decisionId: string) {
      const { withdrawn, afterCommit } = await banks.withdrawDecisionEntries(trx, decisionId);
      return { withdrawn, afterCommit };
    },
  };
}
