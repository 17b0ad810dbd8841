import { useEffect, useRef, useState } from 'preact/hooks';
import type { MessageKey } from '@/utils/i18n';
import { useI18n } from './i18n';

export type PanelPage = 'review' | 'compliance' | 'options';

const ITEMS: { page: PanelPage; label: MessageKey }[] = [
  { page: 'review', label: 'reviewOpen' },
  { page: 'compliance', label: 'complianceOpen' },
  { page: 'options', label: 'menuOptions' },
];

/** The panel's "More" menu: review, compliance and settings pages. Escape closes it. */
export function PanelMenu({ onOpen }: { onOpen: (page: PanelPage) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as Node))
        setOpen(false);
    };
    document.addEventListener('keydown', close);
    document.addEventListener('pointerdown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('pointerdown', close);
    };
  }, [open]);
  return (
    <div class="menu" ref={root}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('menuLabel')} ▾
      </button>
      {open && (
        <div class="menu__list" role="menu">
          {ITEMS.map((item) => (
            <button
              key={item.page}
              type="button"
              role="menuitem"
              onClick={() => {
                setOpen(false);
                onOpen(item.page);
              }}
            >
              {t(item.label)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
