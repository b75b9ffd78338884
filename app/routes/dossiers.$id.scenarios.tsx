// Layout of the scenario pages inside the dossier: their stylesheet and the child page.
import type { LinksFunction } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import stylesHref from "~/features/simulation/simulation.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

export default function ScenariosLayout() {
  return <Outlet />;
}
