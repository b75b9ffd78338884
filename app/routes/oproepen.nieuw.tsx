import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { requireUserWithPermission } from "~/features/auth/guards.server";
import { CallForm } from "~/features/calls/call-form";
import { callFormAction } from "~/features/calls/form-action.server";
import { useT } from "~/platform/i18n/use-t";

export const meta: MetaFunction = () => [{ title: "Nieuwe oproep · Herbestemming" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "editRegister");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUserWithPermission(request, "editRegister");
  return callFormAction({ request, actor });
}

export default function NewCallPage() {
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <p>
        <Link to="/oproepen">← {t("calls.title")}</Link>
      </p>
      <h1>{t("calls.new")}</h1>
      <CallForm id="new-call" lastResult={actionData?.result} submitLabel={t("calls.create")} />
    </>
  );
}
