// The shared part of the upload actions: receive the multipart form, check its text fields,
// and either hand over a staged file with valid fields or a reply with per-field errors
// (the file's own problem on the file field). Nothing is kept for a refused form.
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import { encodeMessage, type z } from "~/platform/validation";
import { receiveUpload, type ReceivedFile } from "./upload.server";

export async function receiveUploadForm<S extends z.ZodType<Record<string, unknown>>>(request: Request, schema: S, form: string) {
  const upload = await receiveUpload(request, {
    acceptFile: (fields) => parseWithZod(fields, { schema }).status === "success",
  });
  const submission = parseWithZod(upload.fields, { schema });
  if (submission.status === "success" && upload.file) {
    return { ok: true as const, value: submission.value as z.output<S>, file: upload.file as ReceivedFile };
  }
  await upload.file?.staged.discard();
  const fileErrors = upload.error ? [encodeMessage(`documents.error.${upload.error.code}`, upload.error.params)] : null;
  const result = submission.reply(fileErrors ? { fieldErrors: { file: fileErrors } } : undefined);
  // 413 tells scripts what went wrong; the browser shows the page with the message either way.
  const status = upload.error?.code === "tooLarge" ? 413 : 400;
  return { ok: false as const, response: data({ form, result }, { status }) };
}
