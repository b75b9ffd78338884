// A table's scroll container: on a narrow screen the table scrolls sideways, so keyboard
// users must be able to focus the region to scroll it (WCAG 2.1.1; axe
// scrollable-region-focusable), and the region is named after its table.
import type { ReactNode } from "react";

export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
