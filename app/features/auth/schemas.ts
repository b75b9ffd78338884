// Form schemas shared by the browser (conform) and the server.
import { z } from "~/platform/validation";

/** Trimmed before it is checked, so a stray space pasted with the address is no error. */
export const emailField = z.string().trim().max(254).pipe(z.email());

export const LoginSchema = z.object({
  email: emailField,
  password: z.string().min(1).max(1000),
  redirectTo: z.string().max(2000).optional(),
});

export const SetPasswordSchema = z
  .object({
    token: z.string().min(1).max(200),
    password: z.string().min(12).max(1000),
    confirm: z.string().min(1).max(1000),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "auth.setPassword.mismatch" });

/** Only same-site paths: never an open redirect to another host. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
