// Runs `load` when the component mounts, whenever `load` changes (its inputs changed), and again each
// time `reloadKey` changes (something elsewhere on the page changed what it shows, e.g. hashes were
// added). A run that is replaced or unmounted is aborted. The key belongs to the run's identity, so
// "load again" is an input of the effect rather than a dependency the effect never reads.
import { useEffect, useMemo } from 'react';

export function useLoad(load: (signal: AbortSignal) => unknown, reloadKey: number): void {
  const run = useMemo(() => ({ load, reloadKey }), [load, reloadKey]);
  useEffect(() => {
    const ctrl = new AbortController();
    void run.load(ctrl.signal);
    return () => ctrl.abort();
  }, [run]);
}
