import { createContext, type ReactNode, useContext } from "react";

// The per-request CSP nonce, made in entry.server.tsx and handed to every inline script
// Remix renders (<Scripts>, <ScrollRestoration>, the streaming bootstrap). In the browser
// it is empty: scripts added after hydration come from 'self'.
const NonceContext = createContext<string>("");

export function NonceProvider({ nonce, children }: { nonce: string; children: ReactNode }) {
  return <NonceContext.Provider value={nonce}>{children}</NonceContext.Provider>;
}

export function useNonce() {
  return useContext(NonceContext);
}
