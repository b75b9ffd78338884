import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUserWithPermission } from "~/features/auth/guards.server";
import { CallForm } from "~/features/calls/call-form";
import { getCall } from "~/features/calls/calls.server";
import { callFormAction } from "~/features/calls/form-action.server";
import { toDateInputValue } from "~/platform/i18n/format";
import { useT } from "~/platform/i18n/use-t";

export const meta: MetaFunction = () => [{ title: "Oproep bewerken · Herbestemming" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUserWithPermission(request, "editRegister");
  const { dossiers: _dossiers, ...call } = await getCall({ actor, id: params.id ?? "" });
  return { call };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUserWithPermission(request, "editRegister");
  return callFormAction({ request, actor, id: params.id ?? "" });
}

export default function EditCallPage() {
  const { call } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <p>
        <Link to={`/oproepen/${call.id}`}>← {call.title}</Link>
      </p>
      <h1>{t("calls.edit", { number: call.number })}</h1>
      <CallForm
        id={`call-${call.id}`}
        lastResult={actionData?.result}
        defaultValue={{
          number: String(call.number),
          title: call.title,
          opensOn: toDateInputValue(call.opensOn),
          closesOn: toDateInputValue(call.closesOn),
          description: call.description ?? undefined,
        }}
        submitLabel={t("common.save")}
      />
    </>
  );
}
