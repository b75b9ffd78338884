import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/features/auth/guards.server";
import { listNotifications, markAllRead, markRead } from "~/features/notifications/notifications.server";
import { safeRedirect } from "~/features/auth/schemas";
import { formatDateTime } from "~/platform/i18n/format";
import { useLocale, useT } from "~/platform/i18n/use-t";

export const meta: MetaFunction = () => [{ title: "Meldingen · Herbestemming" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { notifications: await listNotifications({ user }) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "read-all") {
    await markAllRead({ user });
    return { ok: true };
  }
  const id = form.get("id");
  if (intent !== "read" || typeof id !== "string") throw new Response("Bad Request", { status: 400 });
  await markRead({ user, id });
  // "Open" marks read and goes to the item in one step.
  const next = form.get("next");
  if (typeof next === "string") throw redirect(safeRedirect(next, "/meldingen"));
  return { ok: true };
}

export default function NotificationsPage() {
  const { notifications } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const unread = notifications.filter((n) => !n.readAt).length;
  return (
    <>
      <div className="page-header">
        <h1>{t("notifications.title")}</h1>
        {unread > 0 ? (
          <Form method="post">
            <button type="submit" name="intent" value="read-all" className="button button--secondary button--small">
              {t("notifications.markAllRead")}
            </button>
          </Form>
        ) : null}
      </div>
      {notifications.length === 0 ? <p className="muted">{t("notifications.empty")}</p> : null}
      <ul className="notification-list">
        {notifications.map((n) => (
          <li key={n.id} className={n.readAt ? "notification" : "notification notification--unread"}>
            <p>
              {!n.readAt ? <span className="pill pill--warn">{t("notifications.new")}</span> : null}{" "}
              {t(`notifications.kind.${n.kind}`, { ...n.payload, by: n.payload.by ?? "" })}
            </p>
            <p className="muted">{formatDateTime(n.createdAt, locale)}</p>
            <div className="actions">
              <Form method="post">
                <input type="hidden" name="id" value={n.id} />
                <input type="hidden" name="intent" value="read" />
                <input type="hidden" name="next" value={n.payload.link} />
                <button type="submit" className="button button--small">
                  {t("notifications.open")}
                </button>
              </Form>
              {!n.readAt ? (
                <Form method="post">
                  <input type="hidden" name="id" value={n.id} />
                  <button type="submit" name="intent" value="read" className="button button--secondary button--small">
                    {t("notifications.markRead")}
                  </button>
                </Form>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
