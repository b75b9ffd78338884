/**
 * What a dossier still lacks before it can move to COMPLETED, as a checklist with a link to
 * where each item is fixed. Mirrors the phase rule in features/dossiers/phases.ts (the rule
 * itself is enforced there, on the move); this only explains it. Pure module.
 */

export type CompletionFacts = {
  dossierId: string;
  hasFinalReportDocument: boolean;
  hasPreferredScenario: boolean;
  preferredHasApprovedVersion: boolean;
  /** The dossier has at least one document of kind FINAL_REPORT to choose from. */
  hasFinalReportDocumentToChoose: boolean;
};

export type ChecklistItem = {
  id: "document" | "preferredScenario" | "approvedVersion";
  /** Message key of the item's text. */
  label: string;
  done: boolean;
  /** Message key of the "how to fix" link, and where it points. */
  fixLabel: string;
  fixHref: string;
};

export function completionChecklist(f: CompletionFacts): ChecklistItem[] {
  const base = `/dossiers/${f.dossierId}`;
  return [
    {
      id: "document",
      label: "reports.check.document",
      done: f.hasFinalReportDocument,
      // Without an uploaded FINAL_REPORT document there is nothing to choose: upload first.
      fixLabel: f.hasFinalReportDocumentToChoose ? "reports.check.fix.chooseDocument" : "reports.check.fix.uploadDocument",
      fixHref: f.hasFinalReportDocumentToChoose ? `${base}/eindrapport#documentId` : `${base}/documenten`,
    },
    {
      id: "preferredScenario",
      label: "reports.check.preferredScenario",
      done: f.hasPreferredScenario,
      fixLabel: "reports.check.fix.chooseScenario",
      fixHref: `${base}/eindrapport#preferredScenarioId`,
    },
    {
      id: "approvedVersion",
      label: "reports.check.approvedVersion",
      done: f.hasPreferredScenario && f.preferredHasApprovedVersion,
      fixLabel: "reports.check.fix.scenarios",
      fixHref: `${base}/scenarios`,
    },
  ];
}

export function isComplete(items: readonly ChecklistItem[]): boolean {
  return items.every((i) => i.done);
}
