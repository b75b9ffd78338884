// Forms of the review page, shared by conform in the browser and the action on the server.
// Messages are message keys (see ~/platform/validation).
import { z } from "~/platform/validation";

export const COMMENT_MAX = 4000;
export const REASON_MAX = 2000;

export const CommentSchema = z.object({
  intent: z.literal("comment"),
  body: z.string().trim().min(1).max(COMMENT_MAX),
  // Checked against the version's rows on the server (input-rows.ts).
  inputPath: z.string().trim().max(100).optional(),
  parentId: z.string().max(64).optional(),
  internal: z.boolean().default(false),
});

export const DECISIONS = ["APPROVED", "CHANGES_REQUESTED"] as const;

export const DecisionSchema = z
  .object({
    intent: z.literal("decide"),
    decision: z.enum(DECISIONS),
    reason: z.string().trim().max(REASON_MAX).optional(),
  })
  .superRefine((value, ctx) => {
    // Asking for changes without saying which is useless to the bureau.
    if (value.decision === "CHANGES_REQUESTED" && !value.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "review.error.reasonRequired" });
    }
  });

export type CommentInput = z.output<typeof CommentSchema>;
export type DecisionInput = z.output<typeof DecisionSchema>;
