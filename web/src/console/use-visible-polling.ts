// Calls `poll` every `ms` while the tab is visible; pauses while hidden and polls once on return.
import { useEffect, useRef } from 'react';

export function useVisiblePolling(poll: () => void, ms: number): void {
  const latest = useRef(poll);
  latest.current = poll;
  useEffect(() => {
    let timer: number | undefined;
    const start = () => {
      if (timer === undefined) timer = window.setInterval(() => latest.current(), ms);
    };
    const stop = () => {
      if (timer !== undefined) {
        window.clearInterval(timer);
        timer = undefined;
      }
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') {
        latest.current();
        start();
      } else stop();
    };
    if (document.visibilityState === 'visible') start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [ms]);
}
