// Texts of the refusals the security middleware answers itself (before Remix runs); Dutch
// first, English with exactly the same keys.
export const messages = {
  nl: {
    "security.415.title": "Formulier niet herkend",
    "security.415.body": "Dit verzoek kon niet als formulier gelezen worden. Vul het formulier opnieuw in via de website.",
  },
  en: {
    "security.415.title": "Form not recognised",
    "security.415.body": "This request could not be read as a form. Please fill in the form again on the website.",
  },
} as const;
