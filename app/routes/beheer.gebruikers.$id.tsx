import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors } from "~/components/forms";
import { requireUserWithPermission } from "~/features/auth/guards.server";
import { UpdateUserSchema } from "~/features/users/schemas";
import { UserFields } from "~/features/users/user-form";
import {
  getUserForAdmin,
  listMunicipalityOptions,
  newPasswordLink,
  revokeSessionsOf,
  setUserActive,
  updateUser,
} from "~/features/users/users.server";
import { useT } from "~/platform/i18n/use-t";

export const meta: MetaFunction = () => [{ title: "Gebruiker · Herbestemming" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUserWithPermission(request, "manageAccounts");
  const [user, municipalities] = await Promise.all([
    getUserForAdmin({ actor, id: params.id ?? "" }),
    listMunicipalityOptions(),
  ]);
  return { user, municipalities, isSelf: actor.id === user.id };
}

type Notice = { key: string; params?: Record<string, number>; link?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUserWithPermission(request, "manageAccounts");
  const id = params.id ?? "";
  const formData = await request.formData();
  const intent = formData.get("intent");
  const notice = (n: Notice) => ({ result: undefined, notice: n });
  switch (intent) {
    case "update": {
      const submission = parseWithZod(formData, { schema: UpdateUserSchema });
      if (submission.status !== "success") return data({ result: submission.reply(), notice: null }, { status: 400 });
      const { intent: _intent, ...input } = submission.value;
      await updateUser({ actor, id, input });
      return { result: submission.reply(), notice: { key: "users.updated" } as Notice };
    }
    case "deactivate":
      await setUserActive({ actor, id, active: false });
      return notice({ key: "users.deactivated" });
    case "reactivate":
      await setUserActive({ actor, id, active: true });
      return notice({ key: "users.reactivated" });
    case "revoke": {
      const count = await revokeSessionsOf({ actor, id });
      return notice({ key: "users.sessionsRevoked", params: { count } });
    }
    case "link": {
      const link = await newPasswordLink({ actor, id });
      return notice({ key: "users.linkCreated", link: `${new URL(request.url).origin}${link.path}` });
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

export default function EditUserPage() {
  const { user, municipalities, isSelf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({
    id: `user-${user.id}`,
    lastResult: actionData?.result,
    defaultValue: { name: user.name, role: user.role, municipalities: user.municipalities },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: UpdateUserSchema }),
  });
  const notice = actionData?.notice;
  return (
    <>
      <p>
        <Link to="..">← {t("users.title")}</Link>
      </p>
      <div className="page-header">
        <h1>{user.name}</h1>
        <span className="muted">{user.email}</span>
      </div>
      {notice ? (
        <div className="alert alert--ok" role="status">
          <p style={{ margin: 0 }}>{t(notice.key, notice.params)}</p>
          {notice.link ? (
            <p>
              <code data-testid="password-link">{notice.link}</code>
            </p>
          ) : null}
        </div>
      ) : null}
      <Form method="post" className="form card" {...getFormProps(form)}>
        <h2>{t("users.edit")}</h2>
        <FormErrors id={form.errorId} errors={form.errors} />
        <UserFields fields={fields} municipalities={municipalities} />
        <div>
          <button type="submit" name="intent" value="update" className="button">
            {t("common.save")}
          </button>
        </div>
      </Form>
      <section className="card" aria-labelledby="account-actions">
        <h2 id="account-actions">{t("users.accountActions")}</h2>
        <p>
          {user.deactivatedAt ? t("users.status.deactivated") : t("users.status.active")} · {t("users.col.sessions")}:{" "}
          {user.activeSessions}
        </p>
        <Form method="post" className="actions">
          <button type="submit" name="intent" value="link" className="button button--secondary">
            {t("users.newLink")}
          </button>
          <button type="submit" name="intent" value="revoke" className="button button--secondary">
            {t("users.revokeSessions")}
          </button>
          {isSelf ? null : user.deactivatedAt ? (
            <button type="submit" name="intent" value="reactivate" className="button button--secondary">
              {t("users.reactivate")}
            </button>
          ) : (
            <button type="submit" name="intent" value="deactivate" className="button button--danger">
              {t("users.deactivate")}
            </button>
          )}
        </Form>
      </section>
    </>
  );
}
