// The publishing form, shared by the browser (conform) and the action. Messages are keys.
import { encodeMessage, z } from "~/platform/validation";
import { FUNCTION_CATEGORIES } from "./public-case";

export const MAX_PHOTOS = 12;

const photo = z.object({
  documentId: z.string().min(1).max(64),
  include: z.boolean().optional(),
  altText: z.string().trim().max(250).optional(),
  position: z.number().int().min(0).max(99).optional(),
});

export const PublicationSchema = z
  .object({
    intent: z.enum(["save", "publish"]),
    version: z.number().int().min(1).optional(),
    title: z.string().trim().min(1).max(120),
    summary: z.string().trim().min(1).max(4000),
    functionCategory: z.enum(FUNCTION_CATEGORIES),
    completionYear: z.number().int().min(1990).max(2100),
    designOffice: z.string().trim().max(120).optional(),
    reportDocumentId: z.string().max(64).optional(),
    photos: z.array(photo).max(100).default([]),
  })
  .superRefine((value, ctx) => {
    let chosen = 0;
    value.photos.forEach((p, i) => {
      if (!p.include) return;
      chosen++;
      if (!p.altText) ctx.addIssue({ code: "custom", path: ["photos", i, "altText"], message: "publication.error.altRequired" });
    });
    if (chosen > MAX_PHOTOS) {
      ctx.addIssue({ code: "custom", path: ["photos"], message: encodeMessage("publication.error.tooManyPhotos", { max: MAX_PHOTOS }) });
    }
  });

export type PublicationForm = z.infer<typeof PublicationSchema>;

export const UnpublishSchema = z.object({ intent: z.literal("unpublish"), version: z.number().int().min(1) });
