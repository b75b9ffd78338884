// Server guards: call at the top of every loader and action. They throw responses, so a
// route reads top-down: who may be here, then what to do.
import { redirect } from "@remix-run/node";
import { type Action, can, canUseAction } from "./permissions";
import { getSessionUser, type SessionUser } from "./session.server";

export function forbidden(): never {
  throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}

export function notFound(): never {
  throw new Response("Not Found", { status: 404, statusText: "Not Found" });
}

export function unauthorized(): never {
  throw new Response("Unauthorized", { status: 401, statusText: "Unauthorized" });
}

export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  return getSessionUser(request);
}

function loginRedirect(request: Request): never {
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
}

/**
 * The logged-in user. Without one, a page navigation is sent to the login page and any
 * other request (fetch, download, API) answers 401.
 */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (user) return user;
  const accept = request.headers.get("Accept") ?? "";
  if (request.method === "GET" && accept.includes("text/html")) loginRedirect(request);
  if (request.method === "GET" && new URL(request.url).pathname.endsWith(".data")) loginRedirect(request);
  return unauthorized();
}

/** The user, when their role may use this action at all; otherwise 403. */
export async function requireUserWithPermission(request: Request, action: Action): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!canUseAction(user, action)) forbidden();
  return user;
}

/** For a record the user's role may use: 404 when it is not theirs (existence not revealed). */
export function assertCanAccess(user: SessionUser, action: Action, record: { nisCode: string }): void {
  if (!canUseAction(user, action)) forbidden();
  if (!can(user, action, record)) notFound();
}

export async function requireAnonymous(request: Request) {
  const user = await getSessionUser(request);
  if (user) throw redirect("/");
}
