import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { pdqCommand } from './pdq-cli.ts';
import { pdqHash } from './pdq/index.ts';

test('prints hash,quality,filename per image and reports unreadable files without stopping', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-pdq-cli-'));
  try {
    const width = 120;
    const height = 80;
    const pixels = new Uint8Array(width * height * 3);
    for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 37 + (i >> 7) * 11) & 255;
    const png = join(dir, 'a picture.png');
    await sharp(pixels, { raw: { width, height, channels: 3 } })
      .png()
      .toFile(png);
    writeFileSync(join(dir, 'notes.txt'), 'not an image');
    mkdirSync(join(dir, 'folder'));
    const expected = pdqHash({ data: pixels, width, height, channels: 3 });

    const lines: string[] = [];
    const errors: string[] = [];
    const files = [join(dir, 'missing.jpg'), png, join(dir, 'notes.txt'), join(dir, 'folder'), png];
    const code = await pdqCommand(
      files,
      (l) => lines.push(l),
      (l) => errors.push(l),
    );

    assert.equal(code, 1);
    assert.deepEqual(lines, [`${expected.hash},${expected.quality},${png}`, `${expected.hash},${expected.quality},${png}`]);
    assert.equal(errors.length, 3);
    assert.match(errors[0], /missing\.jpg: cannot read file \(ENOENT\)/);
    assert.match(errors[1], /notes\.txt: not a decodable image \(.*unsupported image format/);
    assert.match(errors[2], /folder: cannot read file \(EISDIR\)/);
    assert.equal(
      await pdqCommand(
        [png],
        () => {},
        () => {},
      ),
      0,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('no files is a usage error', async () => {
  const errors: string[] = [];
  assert.equal(
    await pdqCommand(
      [],
      () => assert.fail('no output expected'),
      (l) => errors.push(l),
    ),
    2,
  );
  assert.deepEqual(errors, ['pdq: no files given']);
});
