import type { FocusEvent, ReactNode } from 'react';
import type { CaseArea } from '@second-look/domain';

const editable = (el: EventTarget | null): boolean => el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

/**
 * Wraps a part of the case page: when a field inside it takes the focus, the others see
 * "… is editing <area>"; when the focus leaves the part, the hint goes away.
 */
export function EditingArea({ area, onEditing, children }: { area: CaseArea; onEditing: (area: CaseArea | null) => void; children: ReactNode }) {
  return (
    <div
      onFocus={(e: FocusEvent<HTMLDivElement>) => {
        if (editable(e.target)) onEditing(area);
      }}
      onBlur={(e: FocusEvent<HTMLDivElement>) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) onEditing(null);
      }}
    >
      {children}
    </div>
  );
}
