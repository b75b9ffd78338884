// /kaart/<slug>: one published case, with OpenGraph and Twitter meta for sharing. An
// unpublished or unknown slug answers a real 404.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import leafletStyles from "leaflet/dist/leaflet.css?url";
import { notFound } from "~/features/auth/guards.server";
import { PublicCaseView } from "~/features/publication/case-view";
import { metaText } from "~/features/publication/meta";
import { publicOrigin } from "~/features/publication/open-data.server";
import mapStyles from "~/features/publication/publication.css?url";
import { getPublishedCase } from "~/features/publication/public-cases.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: leafletStyles },
  { rel: "stylesheet", href: mapStyles },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const item = await getPublishedCase(params.slug ?? "");
  if (!item) notFound();
  return { item, origin: publicOrigin(request) };
}

function excerpt(text: string, max = 200) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).replace(/\s+\S*$/, "")}…`;
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [{ title: `${metaText(matches, "error.404.title")} · Herbestemming` }];
  const { item, origin } = data;
  const description = excerpt(item.summary);
  const image = item.photos[0];
  const tags = [
    { title: `${item.title} · Herbestemming` },
    { name: "description", content: description },
    { tagName: "link", rel: "canonical", href: `${origin}${item.url}` },
    { property: "og:type", content: "article" },
    { property: "og:site_name", content: "Herbestemming" },
    { property: "og:title", content: item.title },
    { property: "og:description", content: description },
    { property: "og:url", content: `${origin}${item.url}` },
    { property: "og:locale", content: "nl_BE" },
    { name: "twitter:card", content: image ? "summary_large_image" : "summary" },
    { name: "twitter:title", content: item.title },
    { name: "twitter:description", content: description },
  ];
  if (image) {
    tags.push(
      { property: "og:image", content: `${origin}${image.url}` },
      { property: "og:image:alt", content: image.alt },
      { name: "twitter:image", content: `${origin}${image.url}` },
      { name: "twitter:image:alt", content: image.alt },
    );
  }
  return tags;
};

export default function CaseRoute() {
  const { item } = useLoaderData<typeof loader>();
  return <PublicCaseView item={item} />;
}
