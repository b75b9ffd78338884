// Interface texts of the reports feature; Dutch first, English with exactly the same keys.
export const messages = {
  nl: {},
  en: {},
} as const;
