import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { readSessionId, destroySession, clearSessionCookie } from "~/features/auth/session.server";

// Logging out deletes the session row, so the cookie is worthless even if it was copied.
export async function action({ request }: ActionFunctionArgs) {
  const sessionId = await readSessionId(request);
  if (sessionId) await destroySession(sessionId);
  throw redirect("/login?loggedOut=1", { headers: { "Set-Cookie": await clearSessionCookie() } });
}

export async function loader() {
  throw redirect("/");
}
