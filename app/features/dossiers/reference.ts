// Dossier references: HK-<year>-<nnn>, numbered per year of the start date. Pure module.
export function formatReference(year: number, seq: number): string {
  return `HK-${year}-${String(seq).padStart(3, "0")}`;
}

/** The year a dossier's reference belongs to: the start date's calendar year (UTC, as stored). */
export function referenceYear(startDate: Date): number {
  return startDate.getUTCFullYear();
}
