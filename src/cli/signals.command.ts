// `vigil signals eval <file.jsonl>`: runs the live and shadow text rules and the personal-data leak
// detector over lines of {"id","text","kind"?,"title"?,"lang"?} and prints one JSON line per input with
// the signals they raise (the detector's: counts only).
// Reads the rule files only: no database is opened and nothing is written.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import policy from '../../policy/policy.json' with { type: 'json' };
import { loadConfig } from '../config.ts';
import { RuleSet } from '../detection/text/rule-set.ts';
import type { TextItem } from '../detection/text/rules.ts';
import { piiSignal } from '../detection/text/text-signals.ts';

interface EvalLine {
  id: string | number;
  text: string;
  kind?: string;
  title?: string;
  lang?: string;
}

/** The fields a line's text and title stand for, by kind (a post by default). */
function itemOf(line: EvalLine): TextItem {
  const text = line.text;
  const title = line.title;
  const lang = line.lang ? { lang: line.lang } : {};
  switch (line.kind ?? 'post') {
    case 'channel':
      return { fields: { channel_description: text, channel_title: title }, ...lang };
    case 'bot':
      return { fields: { bot_name: [title, text].filter(Boolean).join(' ') }, ...lang };
    case 'sticker_set':
      return { fields: { sticker_set_name: [title, text].filter(Boolean).join(' ') }, ...lang };
    case 'post':
      return { fields: { post_text: text, channel_title: title }, ...lang };
    default:
      throw new Error(`"kind" must be post, channel, bot or sticker_set`);
  }
}

function parseLine(raw: string): EvalLine {
  const v: unknown = JSON.parse(raw);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not a JSON object');
  const o = v as Record<string, unknown>;
  if (typeof o.id !== 'string' && typeof o.id !== 'number') throw new Error('"id" must be a string or a number');
  if (typeof o.text !== 'string') throw new Error('"text" must be a string');
  for (const k of ['kind', 'title', 'lang'] as const) {
    if (o[k] !== undefined && typeof o[k] !== 'string') throw new Error(`"${k}" must be a string`);
  }
  return o as unknown as EvalLine;
}

export function registerSignalCommands(program: Command): void {
  const signals = program.command('signals').description('proactive detection signals');
  signals
    .command('eval <file>')
    .description(
      'print the signals the live and shadow text rules and the personal-data leak detector raise for each line of a JSONL file ({"id","text","kind"?,"title"?,"lang"?}); writes nothing',
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
          const line = parseLine(raw);
          const item = itemOf(line);
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
