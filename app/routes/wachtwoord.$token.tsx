import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { Field, FormErrors } from "~/components/forms";
import { SetPasswordSchema } from "~/features/auth/schemas";
import { findValidPasswordToken, setPasswordWithToken } from "~/features/users/users.server";
import { useT } from "~/platform/i18n/use-t";

export const meta: MetaFunction = () => [{ title: "Wachtwoord · Herbestemming" }, { name: "referrer", content: "no-referrer" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const row = await findValidPasswordToken(params.token ?? "");
  return { email: row?.user.email ?? null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: SetPasswordSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password", "confirm"] }), done: false }, { status: 400 });
  }
  if (submission.value.token !== params.token) throw new Response("Bad Request", { status: 400 });
  const ok = await setPasswordWithToken(submission.value.token, submission.value.password);
  if (!ok) {
    return data({ result: submission.reply({ formErrors: ["auth.setPassword.invalidLink"], hideFields: ["password", "confirm"] }), done: false }, { status: 400 });
  }
  return { result: undefined, done: true };
}

export default function SetPasswordPage() {
  const { email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const params = useParams();
  const [form, fields] = useForm({
    id: "set-password",
    lastResult: actionData?.result,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SetPasswordSchema }),
  });
  if (actionData?.done) {
    return (
      <div className="login card">
        <h1>{t("auth.setPassword.title")}</h1>
        <p className="alert alert--ok" role="status">{t("auth.setPassword.done")}</p>
        <Link className="button" to="/login">{t("nav.login")}</Link>
      </div>
    );
  }
  if (!email) {
    return (
      <div className="login card">
        <h1>{t("auth.setPassword.title")}</h1>
        <p className="alert alert--error">{t("auth.setPassword.invalidLink")}</p>
      </div>
    );
  }
  return (
    <div className="login card">
      <h1>{t("auth.setPassword.title")}</h1>
      <p>{t("auth.setPassword.intro", { email })}</p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="token" value={params.token ?? ""} />
        <input type="text" name="username" value={email} autoComplete="username" readOnly hidden />
        <Field field={fields.password} label={t("auth.setPassword.password")}>
          <input {...getInputProps(fields.password, { type: "password" })} autoComplete="new-password" />
        </Field>
        <Field field={fields.confirm} label={t("auth.setPassword.confirm")}>
          <input {...getInputProps(fields.confirm, { type: "password" })} autoComplete="new-password" />
        </Field>
        <div>
          <button type="submit" className="button">{t("auth.setPassword.submit")}</button>
        </div>
      </Form>
    </div>
  );
}
