import { PassThrough } from "node:stream";
import type { ActionFunctionArgs, AppLoadContext, EntryContext, HandleErrorFunction, LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { getEnv } from "~/platform/env.server";
import { logger } from "~/platform/logger.server";
import { createNonce, isFrameable, securityHeaders } from "~/platform/security/headers";
import { NonceProvider } from "~/platform/security/nonce";

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // server.ts makes the nonce and sends the CSP naming it (on every response, so documents
  // and files alike). Without it (the Vite dev server) the document sets its own headers.
  const fromServer = (loadContext as { cspNonce?: unknown } | undefined)?.cspNonce;
  const nonce = typeof fromServer === "string" && fromServer ? fromServer : createNonce();
  if (nonce !== fromServer && getEnv().NODE_ENV === "production") {
    const url = new URL(request.url);
    const headers = securityHeaders({
      nonce,
      frameable: isFrameable(url.pathname),
      tileUrl: getEnv().MAP_TILE_URL,
      secure: url.protocol === "https:",
    });
    for (const [name, value] of Object.entries(headers)) responseHeaders.set(name, value);
  }
  // Bots and no-JS clients get the whole document at once; browsers get it streamed.
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider nonce={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logger.error({ err: error }, "render error");
        },
      },
    );
    setTimeout(abort, ABORT_DELAY + 1000);
  });
}

/** Unexpected errors are logged with their detail; the user sees the friendly 500 page. */
export const handleError: HandleErrorFunction = (error, { request }: LoaderFunctionArgs | ActionFunctionArgs) => {
  if (request.signal.aborted) return;
  // 4xx responses (not found, forbidden, ...) are answers, not failures.
  if (isRouteErrorResponse(error) && error.status < 500) return;
  logger.error({ err: error, method: request.method, url: new URL(request.url).pathname }, "unhandled error");
};
