/**
 * Interface texts for churches. Dutch (Flemish wording) is the primary language; both
 * languages have exactly the same keys, all prefixed `churches.`. Placeholders are written
 * `{name}`.
 */
export const messages = {
  nl: {
    "churches.error.lambertRequired": "Vul de Lambert 72-coördinaat in.",
    "churches.error.lambertNotANumber": "Geef de Lambert 72-coördinaat als getal in meter, bijvoorbeeld 104719,27.",
    "churches.error.lambertOutOfRange":
      "Deze Lambert 72-coördinaat ligt niet in België. X en Y liggen tussen 0 en 300.000 meter.",
  },
  en: {
    "churches.error.lambertRequired": "Enter the Lambert 72 coordinate.",
    "churches.error.lambertNotANumber": "Give the Lambert 72 coordinate as a number in metres, for example 104719.27.",
    "churches.error.lambertOutOfRange":
      "This Lambert 72 coordinate does not lie in Belgium. X and Y lie between 0 and 300,000 metres.",
  },
} as const;

export type ChurchMessageKey = keyof (typeof messages)["nl"];
