// Editing a dossier with optimistic locking: the form carries the version it started from;
// when someone else saved in between, nothing is written, the user's input stays in the
// form and the page shows what the other person changed.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors } from "~/components/forms";
import { requireUser } from "~/features/auth/guards.server";
import { type DossierFormOptions, DossierFields } from "~/features/dossiers/dossier-form";
import {
  type ConflictChange,
  dossierFormOptions,
  getDossierForEdit,
  requireDossierEditAccess,
  updateDossier,
} from "~/features/dossiers/dossiers.server";
import { UpdateDossierSchema } from "~/features/dossiers/schemas";
import { formatDate, formatDateTime, toDateInputValue } from "~/platform/i18n/format";
import { useLocale, useT } from "~/platform/i18n/use-t";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const dossier = await getDossierForEdit({ user, id: params.id ?? "" });
  return { dossier, options: await dossierFormOptions(user) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = params.id ?? "";
  await requireDossierEditAccess(user, id);
  const submission = parseWithZod(await request.formData(), { schema: UpdateDossierSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: 400 });
  const { version, ...input } = submission.value;
  const outcome = await updateDossier({ user, id, version, input });
  if (outcome.ok) throw redirect(`/dossiers/${id}?melding=saved`);
  if ("fieldErrors" in outcome) {
    return data({ result: submission.reply({ fieldErrors: outcome.fieldErrors }), conflict: null }, { status: 400 });
  }
  return data(
    { result: submission.reply({ formErrors: ["dossiers.error.editConflict"] }), conflict: outcome.conflict },
    { status: 409 },
  );
}

const FIELD_LABELS: Record<string, string> = {
  churchId: "dossiers.field.church",
  callId: "dossiers.field.call",
  applicantType: "dossiers.field.applicantType",
  applicantName: "dossiers.field.applicantName",
  leadId: "dossiers.field.lead",
  startDate: "dossiers.field.startDate",
  targetDate: "dossiers.field.targetDate",
  description: "dossiers.field.description",
  internalNotes: "dossiers.field.internalNotes",
  team: "dossiers.field.team",
  phase: "dossiers.list.phase",
};

function useDisplayValue(options: DossierFormOptions) {
  const t = useT();
  const staffName = (id: string) => options.staff.find((s) => s.id === id)?.name ?? id;
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return "–";
    const text = String(value);
    switch (field) {
      case "churchId":
        return options.churches.find((c) => c.id === text)?.name ?? text;
      case "callId": {
        const call = options.calls.find((c) => c.id === text);
        return call ? `${call.number}. ${call.title}` : text;
      }
      case "leadId":
        return staffName(text);
      case "team":
        return text.split(",").filter(Boolean).map(staffName).join(", ");
      case "applicantType":
        return t(`dossiers.applicantType.${text}`);
      case "phase":
        return t(`dossiers.phase.${text}`);
      case "startDate":
      case "targetDate":
        return formatDate(text);
      default:
        return text;
    }
  };
}

function ConflictNotice({ changes, options }: { changes: ConflictChange[]; options: DossierFormOptions }) {
  const t = useT();
  const locale = useLocale();
  const display = useDisplayValue(options);
  return (
    <section className="alert alert--warn conflict" aria-labelledby="conflict-title" data-testid="conflict">
      <h2 id="conflict-title">{t("dossiers.conflict.title")}</h2>
      <p>{t("dossiers.conflict.body")}</p>
      {changes.length ? (
        <dl>
          {changes.map((c) => (
            <div key={c.field} style={{ display: "contents" }}>
              <dt>{t(FIELD_LABELS[c.field] ?? c.field)}</dt>
              <dd>
                {t("dossiers.conflict.change", {
                  before: display(c.field, c.before),
                  after: display(c.field, c.after),
                  name: c.by ?? t("dossiers.timeline.unknownUser"),
                  at: formatDateTime(c.at, locale),
                })}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <p style={{ margin: 0 }}>{t("dossiers.conflict.next")}</p>
    </section>
  );
}

export default function EditDossierPage() {
  const { dossier, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({
    id: `dossier-${dossier.id}`,
    lastResult: actionData?.result,
    defaultValue: {
      churchId: dossier.churchId,
      applicantType: dossier.applicantType,
      applicantName: dossier.applicantName,
      leadId: dossier.leadId ?? "",
      team: dossier.team,
      callId: dossier.callId ?? "",
      startDate: toDateInputValue(dossier.startDate),
      targetDate: toDateInputValue(dossier.targetDate),
      description: dossier.description ?? "",
      internalNotes: dossier.internalNotes ?? "",
    },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: UpdateDossierSchema }),
  });
  // After a conflict the next save deliberately builds on the version now stored.
  const version = actionData?.conflict?.currentVersion ?? dossier.version;
  return (
    <section aria-labelledby="edit-title">
      <h2 id="edit-title">{t("dossiers.edit.title")}</h2>
      {actionData?.conflict ? <ConflictNotice changes={actionData.conflict.changes} options={options} /> : null}
      <Form method="post" className="form card" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="version" value={version} />
        <DossierFields fields={fields} options={options} />
        <div className="actions" style={{ marginTop: 0 }}>
          <button type="submit" className="button">
            {t("common.save")}
          </button>
          <Link to={`/dossiers/${dossier.id}`} className="button button--secondary">
            {t("common.cancel")}
          </Link>
        </div>
      </Form>
    </section>
  );
}
