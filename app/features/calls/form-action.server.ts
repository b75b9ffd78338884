// The call form's action for "new" and "edit": validate, save, or return the input with
// per-field errors.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/node";
import type { SessionUser } from "~/features/auth/session.server";
import { CallNumberTakenError, createCall, updateCall } from "./calls.server";
import { CallFormSchema } from "./schemas";

export async function callFormAction({ request, actor, id }: { request: Request; actor: SessionUser; id?: string }) {
  const submission = parseWithZod(await request.formData(), { schema: CallFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    if (id) {
      await updateCall({ actor, id, input: submission.value });
      return redirect(`/oproepen/${id}?opgeslagen=1`);
    }
    const call = await createCall({ actor, input: submission.value });
    return redirect(`/oproepen/${call.id}?opgeslagen=1`);
  } catch (error) {
    if (error instanceof CallNumberTakenError) {
      return data({ result: submission.reply({ fieldErrors: { number: ["calls.error.numberTaken"] } }) }, { status: 400 });
    }
    throw error;
  }
}
