// The /protect page drops EXIF before the browser decodes, because browsers always apply its
// orientation to JPEG and PNG and the server never does. The pixels must stay exactly the same.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { stripExif } from '../../web/src/protect/strip-exif.ts';
import { patternImage } from '../helpers/images.ts';

const raw = (bytes: Uint8Array) => sharp(bytes, { autoOrient: false }).raw().toBuffer();

describe('stripExif', () => {
  for (const format of ['jpeg', 'png'] as const) {
    test(`${format}: the orientation tag goes, every pixel stays`, async () => {
      const tagged = await sharp(await patternImage(31, 200, 120))
        .withMetadata({ orientation: 6 })
        [format]()
        .toBuffer();
      assert.equal((await sharp(tagged).metadata()).orientation, 6);
      const stripped = stripExif(new Uint8Array(tagged));
      assert.ok(stripped.length < tagged.length);
      const meta = await sharp(stripped).metadata();
      assert.equal(meta.orientation, undefined);
      assert.equal(meta.exif, undefined);
      assert.deepEqual(await raw(stripped), await raw(tagged));
    });
  }

  test('files without EXIF, and other formats, are returned as they are', async () => {
    const plain = new Uint8Array(await patternImage(32, 64, 48, 'jpeg'));
    assert.equal(stripExif(plain), plain);
    const webp = new Uint8Array(
      await sharp(await patternImage(33, 64, 48))
        .withMetadata({ orientation: 6 })
        .webp()
        .toBuffer(),
    );
    assert.equal(stripExif(webp), webp);
    const junk = new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0x00]);
    assert.equal(stripExif(junk), junk, 'a truncated header is left to the decoder');
  });
});
