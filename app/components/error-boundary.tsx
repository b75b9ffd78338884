// The one error boundary: friendly pages for 401/403/404/429 and everything else, never a
// stack trace or an error message from the server.
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useT } from "~/platform/i18n/use-t";

const KNOWN = new Set([401, 403, 404, 429]);

export function GeneralErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = KNOWN.has(status) ? status : 500;
  if (kind === 500 && typeof document !== "undefined") {
    // Only in the browser console, for the developer at the screen; the server logs the detail.
    console.error(error);
  }
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-page__status">{status}</p>
      <h1 id="error-title">{t(`error.${kind}.title`)}</h1>
      <p>{t(`error.${kind}.body`)}</p>
      <p>
        {kind === 401 ? <Link to="/login">{t("nav.login")}</Link> : <Link to="/">{t("error.backHome")}</Link>}
      </p>
    </section>
  );
}
