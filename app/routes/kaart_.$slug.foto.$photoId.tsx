// A photo of a public case (/kaart/<slug>/foto/<id>), streamed from the store.
import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { getOptionalUser } from "~/features/auth/guards.server";
import { openCasePhoto } from "~/features/publication/public-files.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const file = await openCasePhoto({ slug: params.slug ?? "", photoId: params.photoId ?? "", viewer: user });
  return new Response(createReadableStreamFromReadable(file.stream), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(file.size),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      // A draft's photo is for the staff preview only: never cached on the way.
      "Cache-Control": file.published ? "public, max-age=3600" : "private, no-store",
    },
  });
}
