// The image formats the decoder reads and PDQ hashes; any other file is matched by its exact hashes only.
export const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);
