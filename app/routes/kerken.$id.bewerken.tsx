import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUserWithPermission } from "~/features/auth/guards.server";
import { ChurchForm } from "~/features/churches/church-form";
import { getChurch, listMunicipalityOptions } from "~/features/churches/churches.server";
import { churchFormAction } from "~/features/churches/form-action.server";
import { leafletLinks } from "~/features/churches/location-map";
import { decimalText } from "~/features/churches/schemas";
import { useT } from "~/platform/i18n/use-t";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.church.name ?? "Kerk"} bewerken · Herbestemming` }];
export const links = () => leafletLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUserWithPermission(request, "editRegister");
  const [church, municipalities] = await Promise.all([getChurch({ actor, id: params.id ?? "" }), listMunicipalityOptions()]);
  return { church, municipalities };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUserWithPermission(request, "editRegister");
  return churchFormAction({ request, actor, id: params.id ?? "" });
}

export default function EditChurchPage() {
  const { church, municipalities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const opt = (v: string | null) => v ?? undefined;
  return (
    <>
      <p>
        <Link to={`/kerken/${church.id}`}>← {church.name}</Link>
      </p>
      <h1>{t("churches.edit", { name: church.name })}</h1>
      <ChurchForm
        id={`church-${church.id}`}
        version={church.version}
        defaultValue={{
          name: church.name,
          parish: opt(church.parish),
          street: opt(church.street),
          postalCode: opt(church.postalCode),
          place: opt(church.place),
          nisCode: church.nisCode,
          lat: decimalText(church.lat),
          lng: decimalText(church.lng),
          protectionStatus: church.protectionStatus,
          inventoryUri: opt(church.inventoryUri),
          buildingPeriod: opt(church.buildingPeriod),
          floorAreaM2: decimalText(church.floorAreaM2),
          condition: opt(church.condition),
          owner: opt(church.owner),
          currentUse: church.currentUse,
          policyDestination: church.policyDestination,
          notes: opt(church.notes),
        }}
        municipalities={municipalities}
        actionData={actionData}
        submitLabel={t("common.save")}
      />
    </>
  );
}
