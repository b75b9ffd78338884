import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/features/auth/guards.server";
import { listWaiting } from "~/features/review/review.server";
import { WaitingTable } from "~/features/review/waiting-table";
import { useT } from "~/platform/i18n/use-t";

export const meta: MetaFunction = () => [{ title: "Te beoordelen · Herbestemming" }];

// Staff see every version waiting for a municipality; a municipality user only their own.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { waiting: await listWaiting(user) };
}

export default function WaitingPage() {
  const { waiting } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("review.waiting.title")}</h1>
      <p className="lead">{t("review.waiting.intro")}</p>
      <WaitingTable waiting={waiting} caption={t("review.waiting.title")} />
    </>
  );
}
