// URLs of the documents feature, in one place. Pure module.
export function documentsPath(dossierId: string) {
  return `/dossiers/${dossierId}/documenten`;
}

export function documentPath(dossierId: string, documentId: string) {
  return `${documentsPath(dossierId)}/${documentId}`;
}

/** A version's file: a resource route that checks access and streams the file. */
export function downloadPath(versionId: string) {
  return `/documenten/${versionId}/download`;
}
