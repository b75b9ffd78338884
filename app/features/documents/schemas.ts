// Forms of the documents feature. The upload forms' text fields are checked on the server
// (the file itself is judged by upload.server.ts); the browser additionally checks the
// chosen file's presence and size before sending 50 MB for nothing.
import { encodeMessage, z } from "~/platform/validation";
import { formatFileSize } from "./format-size";
import { MAX_UPLOAD_BYTES } from "./file-types";

// Mirrors the DocumentKind and Visibility enums of prisma/models.prisma.
export const DOCUMENT_KINDS = ["SITE_VISIT_REPORT", "DESIGN", "PHOTO", "FINAL_REPORT", "DECISION", "OTHER"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const VISIBILITIES = ["INTERNAL", "SHARED", "PUBLIC"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** What a municipality may see of its own dossiers. */
export const SHARED_VISIBILITIES: readonly Visibility[] = ["SHARED", "PUBLIC"];

export const TITLE_MAX = 200;

const chosenFile = z
  .instanceof(File, { message: "documents.error.fileRequired" })
  .refine((file) => file.size > 0, "documents.error.fileRequired")
  .refine((file) => file.size <= MAX_UPLOAD_BYTES, encodeMessage("documents.error.tooLarge", { max: formatFileSize(MAX_UPLOAD_BYTES) }));

/** A new document: the title may stay empty (the file name is used). */
export const UploadFieldsSchema = z.object({
  intent: z.literal("upload"),
  title: z.string().trim().max(TITLE_MAX).optional(),
  kind: z.enum(DOCUMENT_KINDS),
  visibility: z.enum(VISIBILITIES),
});
export const UploadFormSchema = UploadFieldsSchema.extend({ file: chosenFile });

export const NewVersionFieldsSchema = z.object({ intent: z.literal("newVersion") });
export const NewVersionFormSchema = NewVersionFieldsSchema.extend({ file: chosenFile });

export const EditDocumentSchema = z.object({
  intent: z.literal("edit"),
  title: z.string().trim().min(1).max(TITLE_MAX),
  visibility: z.enum(VISIBILITIES),
  /** The document's updatedAt when the form was opened: a later change by someone else is a conflict. */
  updatedAt: z.iso.datetime(),
});

export const DeleteDocumentSchema = z.object({
  intent: z.literal("delete"),
  confirm: z.literal("on", { message: "documents.error.confirmDelete" }),
});
