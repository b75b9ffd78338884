// Form and query schemas of the dossier feature, shared by the browser (conform) and the
// server. Messages are message keys (see ~/platform/validation).
import { z } from "~/platform/validation";
import { PHASES } from "./phases";

export const APPLICANT_TYPES = ["CHURCH_COUNCIL", "MUNICIPALITY"] as const;
export const MEETING_KINDS = ["KICKOFF", "SITE_VISIT", "PARTICIPATION", "STEERING_GROUP", "OTHER"] as const;

const id = z.string().trim().min(1).max(40);
const optionalId = z.string().trim().max(40).optional();
const optionalText = (max: number) => z.string().trim().max(max).optional();
/** A date from <input type="date">; conform turns an empty field into undefined ("required"). */
const date = z.preprocess((v) => (typeof v === "string" && v ? new Date(v) : v), z.date());

const dossierFields = {
  churchId: id,
  applicantType: z.enum(APPLICANT_TYPES),
  applicantName: z.string().trim().min(1).max(200),
  leadId: id,
  team: z.array(z.string().max(40)).max(30).default([]),
  callId: optionalId,
  startDate: date,
  targetDate: date.optional(),
  description: optionalText(5000),
  internalNotes: optionalText(5000),
};

function targetAfterStart(value: { startDate: Date; targetDate?: Date }, ctx: z.RefinementCtx) {
  if (value.targetDate && value.targetDate.getTime() < value.startDate.getTime()) {
    ctx.addIssue({ code: "custom", path: ["targetDate"], message: "dossiers.error.targetBeforeStart" });
  }
}

export const CreateDossierSchema = z.object(dossierFields).superRefine(targetAfterStart);
export type DossierInput = z.infer<typeof CreateDossierSchema>;

export const UpdateDossierSchema = z
  .object({ ...dossierFields, version: z.coerce.number().int().min(1) })
  .superRefine(targetAfterStart);

export const MoveSchema = z.object({
  intent: z.literal("move"),
  to: z.enum(PHASES),
  version: z.coerce.number().int().min(1),
  reason: optionalText(2000),
});

export const TaskSchema = z.object({
  intent: z.enum(["createTask", "updateTask"]),
  taskId: optionalId,
  title: z.string().trim().min(1).max(200),
  phase: z.enum(PHASES),
  ownerId: optionalId,
  dueDate: date.optional(),
  isMilestone: z.preprocess((v) => v === "on" || v === "true", z.boolean()).default(false),
});
export type TaskInput = Omit<z.infer<typeof TaskSchema>, "intent" | "taskId">;

export const MeetingSchema = z.object({
  intent: z.enum(["createMeeting", "updateMeeting"]),
  meetingId: optionalId,
  kind: z.enum(MEETING_KINDS),
  date,
  attendees: optionalText(2000),
  notes: optionalText(10000),
});
export type MeetingInput = Omit<z.infer<typeof MeetingSchema>, "intent" | "meetingId">;
