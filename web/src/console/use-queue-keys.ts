// Single-key shortcuts for the queue (j/k/o/Enter/c/x/r/?), ignored while typing or with modifiers.
import { useEffect, useRef } from 'react';

export interface QueueKeyHandlers {
  next(): void;
  previous(): void;
  open(): void;
  claim(): void;
  /** Tick or untick the selected case for a bulk decision. */
  toggle(): void;
  refresh(): void;
  help(): void;
}

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useQueueKeys(handlers: QueueKeyHandlers, enabled: boolean): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const h = latest.current;
      const map: Record<string, () => void> = {
        j: h.next,
        k: h.previous,
        o: h.open,
        c: h.claim,
        x: h.toggle,
        r: h.refresh,
        '?': h.help,
      };
      // Enter on a focused link or button already does its own thing.
      if (e.key === 'Enter' && !(e.target instanceof HTMLAnchorElement || e.target instanceof HTMLButtonElement)) map.Enter = h.open;
      const fn = map[e.key];
      if (!fn) return;
      e.preventDefault();
      fn();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}
