import { ROLES } from "~/features/auth/permissions";
import { emailField } from "~/features/auth/schemas";
import { z } from "~/platform/validation";

const municipalities = z
  .array(z.string().regex(/^\d{5}$/))
  .max(50)
  .default([]);

const base = {
  name: z.string().trim().min(1).max(120),
  role: z.enum(ROLES),
  municipalities,
};

function requireMunicipality<T extends { role: string; municipalities: string[] }>(value: T, ctx: z.RefinementCtx) {
  if (value.role === "MUNICIPALITY" && value.municipalities.length === 0) {
    ctx.addIssue({ code: "custom", path: ["municipalities"], message: "users.error.municipalityRequired" });
  }
}

export const CreateUserSchema = z
  .object({ email: emailField, ...base })
  .superRefine(requireMunicipality);

export const UpdateUserSchema = z.object({ intent: z.literal("update"), ...base }).superRefine(requireMunicipality);
