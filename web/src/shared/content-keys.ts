// React keys for lists whose items carry no id: each key comes from the item's content, and items that
// are alike are told apart by how many alike items came before them, so a key never depends on where
// unlike items sit in the list.
export function contentKeys<T>(items: readonly T[], keyOf: (item: T) => string): Array<[key: string, item: T]> {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = keyOf(item);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return [n === 1 ? base : `${base}#${n}`, item];
  });
}
