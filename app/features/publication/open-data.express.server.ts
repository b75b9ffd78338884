// Fast path for the open-data downloads, mounted in server.ts before the Remix handler: the
// same answers as the resource routes (openDataAnswer), written straight to Node's response,
// without Remix's request/response conversion. The public map's data is what a news
// article can flood; this keeps it near a static file server. The routes remain the
// fallback (and what tests call).
import type { NextFunction, Request, Response } from "express";
import { openDataAnswer, openDataOptions, type OpenDataFormat, publicOrigin } from "./open-data.server";

const FORMATS: Record<string, OpenDataFormat> = { "/api/cases.geojson": "geojson", "/api/cases.csv": "csv" };

export function openDataHandler() {
  return (req: Request, res: Response, next: NextFunction) => {
    const format = FORMATS[req.path];
    if (!format) return next();
    if (req.method !== "GET" && req.method !== "HEAD") {
      const answer = openDataOptions(new globalThis.Request(`http://localhost${req.path}`, { method: req.method }));
      res.status(answer.status);
      answer.headers.forEach((value, name) => res.setHeader(name, value));
      res.end();
      return;
    }
    const origin = publicOrigin(`${req.protocol}://${req.get("host") ?? "localhost"}`);
    openDataAnswer({ url: new URL(req.originalUrl, origin), origin, header: (name) => req.get(name) ?? null }, format)
      .then((answer) => {
        res.status(answer.status);
        for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
        res.end(req.method === "HEAD" ? undefined : (answer.body ?? undefined));
      })
      .catch(next);
  };
}
