// Moderator wellbeing: images are blurred and greyscale until revealed, one at a time (revealing one
// hides the previous). "Keep images blurred" is remembered in this browser.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

const STORAGE_KEY = 'vigil.console.keepImagesBlurred';

interface Wellbeing {
  keepBlurred: boolean;
  setKeepBlurred(v: boolean): void;
  /** The one image currently revealed (by a key unique on the page), if any. */
  revealed: string | null;
  reveal(key: string | null): void;
}

const WellbeingContext = createContext<Wellbeing | null>(null);

function readSetting(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'false';
  } catch {
    return true;
  }
}

export function WellbeingProvider({ children }: { children: ReactNode }) {
  const [keepBlurred, setState] = useState(readSetting);
  const [revealed, reveal] = useState<string | null>(null);
  const setKeepBlurred = useCallback((v: boolean) => {
    setState(v);
    reveal(null);
    try {
      localStorage.setItem(STORAGE_KEY, String(v));
    } catch {
      /* private mode: this page only */
    }
  }, []);
  const value = useMemo(() => ({ keepBlurred, setKeepBlurred, revealed, reveal }), [keepBlurred, setKeepBlurred, revealed]);
  return <WellbeingContext.Provider value={value}>{children}</WellbeingContext.Provider>;
}

export function useWellbeing(): Wellbeing {
  const v = useContext(WellbeingContext);
  if (!v) throw new Error('useWellbeing outside WellbeingProvider');
  return v;
}
