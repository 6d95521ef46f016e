// Media a moderator's decision took down goes into a bank of the decision's category, so the same
// image is caught when it is uploaded again.
import type { Db } from '../db/database.ts';
import type { MediaTable } from '../db/schema.ts';
import type { RemovedMediaBanking } from '../cases/decisions.service.ts';
import { bankCategoryOf, type BanksService, type NewEntry } from './banks.service.ts';
import type { ContentScanner } from './scanner.ts';
import { MIN_PDQ_QUALITY } from './hash-matcher.ts';

export function decisionBanking(banks: BanksService, scanner: ContentScanner): RemovedMediaBanking {
  return {
    async bank(trx: Db, category: string, media: MediaTable[]) {
      if (media.length === 0) return () => {};
      const bankCategory = bankCategoryOf(category);
      const bank = await banks.findOrCreate(`decisions-${bankCategory}`, bankCategory, `Media removed by moderators' decisions (${bankCategory})`, trx);
      const entries: NewEntry[] = [];
      for (const m of media) {
        entries.push({ signalType: 'sha256', hash: m.sha256, label: `media ${m.id}` });
        const pdq = await scanner.pdqOf(m, trx);
        // A flat or tiny image's PDQ would match too much; its exact hash still catches the same file.
        if (pdq && pdq.quality >= MIN_PDQ_QUALITY) entries.push({ signalType: 'pdq', hash: pdq.hash, label: `media ${m.id}` });
      }
      const rows = await banks.addEntries(bank.id, entries, 'decision', null, trx);
      return () => banks.index(rows, bankCategory);
    },
  };
}
