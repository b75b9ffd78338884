import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUserWithPermission } from "~/features/auth/guards.server";
import { ChurchForm } from "~/features/churches/church-form";
import { listMunicipalityOptions } from "~/features/churches/churches.server";
import { churchFormAction } from "~/features/churches/form-action.server";
import { leafletLinks } from "~/features/churches/location-map";
import { useT } from "~/platform/i18n/use-t";

export const meta: MetaFunction = () => [{ title: "Nieuwe kerk · Herbestemming" }];
export const links = () => leafletLinks;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "editRegister");
  return { municipalities: await listMunicipalityOptions() };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUserWithPermission(request, "editRegister");
  return churchFormAction({ request, actor });
}

export default function NewChurchPage() {
  const { municipalities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <p>
        <Link to="/kerken">← {t("churches.title")}</Link>
      </p>
      <h1>{t("churches.new")}</h1>
      <ChurchForm
        id="new-church"
        defaultValue={{ protectionStatus: "NONE", currentUse: "WORSHIP", policyDestination: "UNDECIDED" }}
        municipalities={municipalities}
        actionData={actionData}
        submitLabel={t("churches.form.create")}
      />
    </>
  );
}
