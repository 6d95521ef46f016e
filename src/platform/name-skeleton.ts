// Look-alike public names: a confusable skeleton (Unicode TS #39, section 4) adapted to our names, which
// are ASCII and compared case-insensitively. Two names with one skeleton look alike and may not coexist.
//
// Data: the rows of confusables.txt whose source is a character allowed in names ([A-Za-z0-9_]).
// Read from Unicode's confusables.txt "Version: 18.0.0" (draft dated 2025-09-12) in unicode-org/unicodetools,
// unicodetools/data/security/dev/confusables.txt at commit 000c8bd3579fc356db0b65b962bb3d06127e6701; they are
// the same four rows as in 10.0.0. See docs/DECISIONS.md.
// The migration 2026-11-29-02-name-skeletons.ts keeps its own frozen copy: change both or neither.

/** confusables.txt rows with an allowed source, as [source, prototype]. */
export const UNICODE_ROWS: ReadonlyArray<readonly [string, string]> = [
  ['\u0030', '\u004F'], // 0030 ; 004F ; MA # ( 0 → O ) DIGIT ZERO → LATIN CAPITAL LETTER O
  ['\u0031', '\u006C'], // 0031 ; 006C ; MA # ( 1 → l ) DIGIT ONE → LATIN SMALL LETTER L
  ['\u0049', '\u006C'], // 0049 ; 006C ; MA # ( I → l ) LATIN CAPITAL LETTER I → LATIN SMALL LETTER L
  ['\u006D', '\u0072\u006E'], // 006D ; 0072 006E ; MA # ( m → rn ) LATIN SMALL LETTER M → LATIN SMALL LETTER R, LATIN SMALL LETTER N
];

/**
 * Vigil's own rows, not in confusables.txt (there `d` and `w` are prototypes): `cl` and `vv` pass for
 * `d` and `w` in most sans-serif fonts at the sizes names are shown, a common impersonation trick.
 */
export const LOCAL_ROWS: ReadonlyArray<readonly [string, string]> = [
  ['d', 'cl'],
  ['w', 'vv'],
];

// Names compare case-insensitively, so a link may write a name in any case: "officiaIsupport" opens
// "officiaisupport". The key therefore folds case first and then maps with the rows folded the same way,
// so I, i, l, L and 1 all meet (and O, o, 0; m, M, rn; d, cl; w, vv), to a fixed point.
const FOLDED: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [source, prototype] of [...UNICODE_ROWS, ...LOCAL_ROWS]) {
    const from = source.toLowerCase();
    const to = prototype.toLowerCase();
    const earlier = m.get(from);
    if (earlier !== undefined && earlier !== to) throw new Error(`confusable rows disagree on "${from}": "${earlier}" and "${to}"`);
    if (from !== to) m.set(from, to);
  }
  return m;
})();

function mapChar(c: string, depth = 0): string {
  const to = FOLDED.get(c);
  if (to === undefined) return c;
  if (depth > 8) throw new Error(`confusable rows loop at "${c}"`);
  return [...to].map((x) => mapChar(x, depth + 1)).join('');
}

/**
 * The key two look-alike names share: NFD(map(NFD(lowercase(name)))). `officialsupport`,
 * `OFFICIAISUPPORT`, `0fficialsupport` and `officia1support` have one skeleton; `officialsupport2` another.
 * Idempotent: skeleton(skeleton(x)) = skeleton(x).
 */
export function nameSkeleton(name: string): string {
  const folded = name.toLowerCase().normalize('NFD');
  let out = '';
  for (const c of folded) out += mapChar(c);
  return out.normalize('NFD');
}
