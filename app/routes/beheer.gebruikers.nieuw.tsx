import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormErrors } from "~/components/forms";
import { requireUserWithPermission } from "~/features/auth/guards.server";
import { CreateUserSchema } from "~/features/users/schemas";
import { UserFields } from "~/features/users/user-form";
import { createUser, DuplicateEmailError, listMunicipalityOptions } from "~/features/users/users.server";
import { useT } from "~/platform/i18n/use-t";

export const meta: MetaFunction = () => [{ title: "Nieuwe gebruiker · Herbestemming" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "manageAccounts");
  return { municipalities: await listMunicipalityOptions() };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUserWithPermission(request, "manageAccounts");
  const submission = parseWithZod(await request.formData(), { schema: CreateUserSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), link: null }, { status: 400 });
  try {
    const { link, user } = await createUser({ actor, input: submission.value });
    const origin = new URL(request.url).origin;
    return { result: submission.reply({ resetForm: true }), link: `${origin}${link.path}`, name: user.name };
  } catch (error) {
    if (error instanceof DuplicateEmailError) {
      return data({ result: submission.reply({ fieldErrors: { email: ["users.error.emailTaken"] } }), link: null }, { status: 400 });
    }
    throw error;
  }
}

export default function NewUserPage() {
  const { municipalities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({
    id: "new-user",
    lastResult: actionData?.result,
    defaultValue: { role: "STAFF" },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateUserSchema }),
  });
  return (
    <>
      <p>
        <Link to="..">← {t("users.title")}</Link>
      </p>
      <h1>{t("users.new")}</h1>
      {actionData?.link ? (
        <div className="alert alert--ok" role="status">
          <p>{t("users.created")}</p>
          <p>
            <code data-testid="password-link">{actionData.link}</code>
          </p>
        </div>
      ) : null}
      <Form method="post" className="form card" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field field={fields.email} label={t("users.field.email")}>
          <input {...getInputProps(fields.email, { type: "email" })} autoComplete="off" />
        </Field>
        <UserFields fields={fields} municipalities={municipalities} />
        <div>
          <button type="submit" className="button">
            {t("common.create")}
          </button>
        </div>
      </Form>
    </>
  );
}
