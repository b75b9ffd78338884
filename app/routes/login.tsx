import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { Field, FormErrors } from "~/components/forms";
import { requireAnonymous } from "~/features/auth/guards.server";
import { login } from "~/features/auth/login.server";
import { LoginSchema, safeRedirect } from "~/features/auth/schemas";
import { serializeSessionCookie } from "~/features/auth/session.server";
import { recordAudit } from "~/features/audit/audit.server";
import { encodeMessage } from "~/platform/validation";
import { useT } from "~/platform/i18n/use-t";

export const meta: MetaFunction = () => [{ title: "Aanmelden · Herbestemming" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: LoginSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const result = await login(submission.value);
  if (!result.ok && result.reason === "throttled") {
    const minutes = Math.ceil(result.retryAfterSeconds / 60);
    return data(
      { result: submission.reply({ formErrors: [encodeMessage("auth.login.throttled", { minutes })], hideFields: ["password"] }) },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  if (!result.ok) {
    return data(
      { result: submission.reply({ formErrors: ["auth.login.invalid"], hideFields: ["password"] }) },
      { status: 400 },
    );
  }
  await recordAudit({ userId: result.userId, action: "LOGIN", entityType: "User", entityId: result.userId });
  throw redirect(safeRedirect(submission.value.redirectTo), {
    headers: { "Set-Cookie": await serializeSessionCookie(result.session) },
  });
}

export default function LoginPage() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    id: "login",
    lastResult: actionData?.result,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
  });
  return (
    <div className="login card">
      <h1>{t("auth.login.title")}</h1>
      <p className="muted">{t("auth.login.intro")}</p>
      {searchParams.get("loggedOut") ? (
        <p className="alert alert--ok" role="status">
          {t("auth.login.loggedOut")}
        </p>
      ) : null}
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <Field field={fields.email} label={t("auth.login.email")}>
          <input {...getInputProps(fields.email, { type: "email" })} autoComplete="username" />
        </Field>
        <Field field={fields.password} label={t("auth.login.password")}>
          <input {...getInputProps(fields.password, { type: "password" })} autoComplete="current-password" />
        </Field>
        <div>
          <button type="submit" className="button">
            {t("auth.login.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
