// The public final report of a case (/kaart/<slug>/eindrapport), when it was published
// with the case; downloaded as an attachment.
import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { getOptionalUser } from "~/features/auth/guards.server";
import { contentDisposition } from "~/features/documents/content-disposition";
import { openCaseReport } from "~/features/publication/public-files.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const file = await openCaseReport({ slug: params.slug ?? "", viewer: user });
  return new Response(createReadableStreamFromReadable(file.stream), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(file.size),
      "Content-Disposition": contentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": file.published ? "public, max-age=3600" : "private, no-store",
    },
  });
}
