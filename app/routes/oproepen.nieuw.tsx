import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUserWithPermission } from "~/features/auth/guards.server";
import { CallForm } from "~/features/calls/call-form";
import { nextCallNumber } from "~/features/calls/calls.server";
import { callFormAction } from "~/features/calls/form-action.server";
import { useT } from "~/platform/i18n/use-t";

export const meta: MetaFunction = () => [{ title: "Nieuwe oproep · Herbestemming" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUserWithPermission(request, "editRegister");
  return { number: await nextCallNumber({ actor }) };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUserWithPermission(request, "editRegister");
  return callFormAction({ request, actor });
}

export default function NewCallPage() {
  const { number } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <p>
        <Link to="/oproepen">← {t("calls.title")}</Link>
      </p>
      <h1>{t("calls.new")}</h1>
      <CallForm id="new-call" defaultValue={{ number: String(number) }} lastResult={actionData?.result} submitLabel={t("calls.create")} />
    </>
  );
}
