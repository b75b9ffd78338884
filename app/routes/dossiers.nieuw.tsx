import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors } from "~/components/forms";
import { requireUserWithPermission } from "~/features/auth/guards.server";
import { DossierFields } from "~/features/dossiers/dossier-form";
import { createDossier, dossierFormOptions } from "~/features/dossiers/dossiers.server";
import { CreateDossierSchema } from "~/features/dossiers/schemas";
import { toDateInputValue } from "~/platform/i18n/format";
import { useT } from "~/platform/i18n/use-t";

export const meta: MetaFunction = () => [{ title: "Nieuw dossier · Herbestemming" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "editRegister");
  const options = await dossierFormOptions(user);
  const kerk = new URL(request.url).searchParams.get("kerk");
  // Opened from a church: that church is fixed; an unknown id falls back to the choice.
  const church = kerk ? (options.churches.find((c) => c.id === kerk) ?? null) : null;
  return { options, church, defaults: { leadId: user.id, startDate: toDateInputValue(new Date()) } };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "editRegister");
  const submission = parseWithZod(await request.formData(), { schema: CreateDossierSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const created = await createDossier({ user, input: submission.value });
  if (!created.ok) return data({ result: submission.reply({ fieldErrors: created.fieldErrors }) }, { status: 400 });
  throw redirect(`/dossiers/${created.id}`);
}

export default function NewDossierPage() {
  const { options, church, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({
    id: "new-dossier",
    lastResult: actionData?.result,
    defaultValue: {
      churchId: church?.id ?? "",
      applicantType: "CHURCH_COUNCIL",
      leadId: defaults.leadId,
      team: [defaults.leadId],
      startDate: defaults.startDate,
    },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateDossierSchema }),
  });
  // A church given in the URL is the only choice offered.
  const formOptions = church ? { ...options, churches: [church] } : options;
  return (
    <>
      <p>
        <Link to="/dossiers">← {t("nav.dossiers")}</Link>
      </p>
      <h1>{t("dossiers.new.title")}</h1>
      {church ? (
        <p className="lead">{t("dossiers.new.forChurch", { church: church.name, municipality: church.municipality.name })}</p>
      ) : null}
      <Form method="post" className="form card" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <p className="muted">{t("dossiers.new.referenceHint")}</p>
        <DossierFields fields={fields} options={formOptions} />
        <div>
          <button type="submit" className="button">
            {t("dossiers.new.submit")}
          </button>
        </div>
      </Form>
    </>
  );
}
