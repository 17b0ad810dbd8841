import { useEffect, useState } from 'preact/hooks';
import { loadSettings, type Settings, watchSettings } from '@/utils/settings';

/** The stored settings, kept current when another page changes them; null while loading. */
export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let active = true;
    void loadSettings().then((loaded) => active && setSettings(loaded));
    const unwatch = watchSettings(setSettings);
    return () => {
      active = false;
      unwatch();
    };
  }, []);
  return settings;
}
