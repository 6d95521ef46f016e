import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHashLine } from './hash-list.ts';

const PDQ = 'f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22';

test('bare, typed and CSV lines', () => {
  assert.deepEqual(parseHashLine(PDQ), { kind: 'entry', signalType: 'pdq', hash: PDQ, label: null });
  assert.deepEqual(parseHashLine(`pdq ${PDQ.toUpperCase()}`), { kind: 'entry', signalType: 'pdq', hash: PDQ, label: null });
  assert.deepEqual(parseHashLine(`pdq,${PDQ},collab,terrorism,tagA`), { kind: 'entry', signalType: 'pdq', hash: PDQ, label: 'terrorism tagA' });
  assert.deepEqual(parseHashLine('video_md5,d41d8cd98f00b204e9800998ecf8427e'), {
    kind: 'entry',
    signalType: 'md5',
    hash: 'd41d8cd98f00b204e9800998ecf8427e',
    label: null,
  });
  assert.deepEqual(parseHashLine('signal_type,signal_str,collab,category,tags'), { kind: 'skip' });
  assert.deepEqual(parseHashLine('   '), { kind: 'skip' });
  assert.deepEqual(parseHashLine('# comment'), { kind: 'skip' });
});

test('malformed hashes and unknown types are errors that say why', () => {
  const short = parseHashLine(PDQ.slice(1));
  assert.equal(short.kind, 'error');
  assert.match((short as { message: string }).message, /expected 64 hexadecimal/);
  assert.equal(parseHashLine(`pdq ${PDQ.replace('f', 'g')}`).kind, 'error');
  assert.match((parseHashLine('url,https://x') as { message: string }).message, /unsupported signal type "url"/);
  assert.match((parseHashLine(`constructor ${PDQ}`) as { message: string }).message, /unsupported signal type "constructor"/);
});
