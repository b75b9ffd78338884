// Downloads a document version's file, streamed from the store, after the server checked
// who asks (documents.server.ts: openDownload). Never shown inline: an uploaded file is
// someone else's content, so it goes out as an attachment that the browser may not sniff.
import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/features/auth/guards.server";
import { contentDisposition } from "~/features/documents/content-disposition";
import { openDownload } from "~/features/documents/documents.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const file = await openDownload({ user, versionId: params.versionId ?? "" });
  return new Response(createReadableStreamFromReadable(file.stream), {
    status: 200,
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(file.size),
      "Content-Disposition": contentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
