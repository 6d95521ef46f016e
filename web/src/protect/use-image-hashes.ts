// The images she chose and each one's fingerprint, computed in the background as they arrive.
// Files stay in this tab's memory only; small thumbnails are blob: URLs, released when removed.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { HashProblem } from './hash-messages.ts';
import { createHasher, type Hasher } from './hasher.ts';

export type ImageState =
  | { status: 'waiting' }
  | { status: 'hashing' }
  | { status: 'done'; hash: string; quality: number; width: number; height: number }
  | { status: 'failed'; problem: HashProblem };

export interface ImageItem {
  key: number;
  name: string;
  size: number;
  thumb: string;
  state: ImageState;
}

let nextKey = 1;

export function useImageHashes() {
  const [items, setItems] = useState<ImageItem[]>([]);
  const hasher = useRef<Hasher | undefined>(undefined);
  const thumbs = useRef(new Map<number, string>());

  useEffect(
    () => () => {
      hasher.current?.close();
      hasher.current = undefined;
      for (const url of thumbs.current.values()) URL.revokeObjectURL(url);
      thumbs.current.clear();
    },
    [],
  );

  const patch = useCallback((key: number, state: ImageState) => {
    setItems((list) => list.map((i) => (i.key === key ? { ...i, state } : i)));
  }, []);

  const add = useCallback(
    (files: File[]) => {
      const fresh = files.map((file) => {
        const key = nextKey++;
        const thumb = URL.createObjectURL(file);
        thumbs.current.set(key, thumb);
        return { key, file, item: { key, name: file.name, size: file.size, thumb, state: { status: 'waiting' } } satisfies ImageItem };
      });
      setItems((list) => [...list, ...fresh.map((f) => f.item)]);
      hasher.current ??= createHasher();
      for (const { key, file } of fresh) {
        void hasher.current
          .hash(file, () => patch(key, { status: 'hashing' }))
          .then((r) =>
            patch(
              key,
              r.ok ? { status: 'done', hash: r.hash, quality: r.quality, width: r.width, height: r.height } : { status: 'failed', problem: r.problem },
            ),
          );
      }
    },
    [patch],
  );

  const release = useCallback((key: number) => {
    const url = thumbs.current.get(key);
    if (url) URL.revokeObjectURL(url);
    thumbs.current.delete(key);
  }, []);

  const remove = useCallback(
    (key: number) => {
      release(key);
      setItems((list) => list.filter((i) => i.key !== key));
    },
    [release],
  );

  const clear = useCallback(() => {
    for (const key of [...thumbs.current.keys()]) release(key);
    setItems([]);
  }, [release]);

  return { items, add, remove, clear };
}
