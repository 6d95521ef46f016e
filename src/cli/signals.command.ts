// `vigil signals eval <file.jsonl>`: runs the live and shadow text rules and the personal-data leak
// detector over lines of {"id","text","kind"?,"title"?,"lang"?} and prints one JSON line per input with
// the signals they raise (the detector's: counts only). A line's `lang` is the language the rules read it
// in; without one, its language is detected from its text as publishing detects it (none when too short
// or unclear, and then every keyword list applies).
// Reads the rule files only: no database is opened and nothing is written.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import policy from '../../policy/policy.json' with { type: 'json' };
import { loadConfig } from '../config.ts';
import { RuleSet } from '../detection/text/rule-set.ts';
import { detectedLanguageOf, itemOfLine, parseEvalLine } from '../detection/text/evaluation.ts';
import { piiSignal } from '../detection/text/text-signals.ts';

export function registerSignalCommands(program: Command): void {
  const signals = program.command('signals').description('proactive detection signals');
  signals
    .command('eval <file>')
    .description(
      'print the signals the live and shadow text rules and the personal-data leak detector raise for each line of a JSONL file ({"id","text","kind"?,"title"?,"lang"?}; without "lang" the language is detected from the text); writes nothing',
    )
    .option('--rules <dir>', 'the rules folder (default VIGIL_RULES_DIR or the repository’s rules/)')
    .action(async (file: string, o: { rules?: string }) => {
      const config = loadConfig();
      const rules = new RuleSet(
        o.rules ?? config.rulesDir,
        policy.categories.map((c) => c.id),
      );
      try {
        rules.reload();
      } catch (err) {
        console.error(`error: ${(err as Error).message}`);
        process.exitCode = 1;
        return;
      }
      let n = 0;
      for await (const raw of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
        n++;
        if (raw.trim() === '') continue;
        try {
          const line = parseEvalLine(raw);
          const item = itemOfLine(line, line.lang ?? detectedLanguageOf(line) ?? undefined);
          const found: object[] = rules.evaluate(item).map((s) => ({ source: s.source, rule: s.rule, category: s.category, score: s.score }));
          const pii = piiSignal(item, config.piiThreshold);
          if (pii) found.push(pii);
          process.stdout.write(`${JSON.stringify({ id: line.id, signals: found })}\n`);
        } catch (err) {
          console.error(`${file}:${n}: ${(err as Error).message}`);
          process.exitCode = 1;
        }
      }
    });
}
