// Public API of the PDQ perceptual hash. Pure TypeScript without Node APIs, so it also runs in
// the browser; decoding image files is left to the caller (see ../pdq-decode.ts on the server).

export { pdqHash, pdqHashDihedral, PDQ_MIN_DIMENSION, type PdqResult, type PdqDihedralResult } from './hash.ts';
export { DIHEDRAL_NAMES, transformPixels, type DihedralName } from './dihedral.ts';
export { formatPdqHex, hammingDistance, hammingDistanceWords, isPdqHex, parsePdqHex } from './hex.ts';
export type { PdqPixels } from './pixels.ts';
