/**
 * Interface texts of the financial simulation: input errors (./schema.ts), warnings
 * (./engine.ts), and labels for every input field, category, result column, metric and
 * sensitivity variable. Dutch (Flemish wording) is the primary language; both languages have
 * exactly the same keys. Placeholders are written `{name}`. Error texts have no placeholders,
 * so a form that only gets the key (conform) can still show them in full.
 */
export const messages = {
  nl: {
    // Input errors
    "simulation.error.required": "Vul dit veld in.",
    "simulation.error.notANumber": "Vul een getal in.",
    "simulation.error.notAnInteger": "Vul een geheel getal in.",
    "simulation.error.notABoolean": "Kies ja of nee.",
    "simulation.error.notAList": "Hier wordt een lijst verwacht.",
    "simulation.error.amountNegative": "Het bedrag mag niet negatief zijn.",
    "simulation.error.amountTooLarge": "Het bedrag is te groot (hoogstens 100 miljard euro).",
    "simulation.error.tooManyDecimals": "Gebruik hoogstens 2 cijfers na de komma.",
    "simulation.error.labelRequired": "Geef een omschrijving op.",
    "simulation.error.labelTooLong": "De omschrijving is te lang (hoogstens 200 tekens).",
    "simulation.error.tooManyRows": "Een lijst telt hoogstens 100 regels.",
    "simulation.error.invalidCategory": "Kies een categorie uit de lijst.",
    "simulation.error.invalidVatPct": "Het btw-tarief is 0 %, 6 % of 21 %.",
    "simulation.error.invalidLoanType": "Kies een annuïteitenlening of een lineaire lening.",
    "simulation.error.percentRange": "Vul een percentage tussen 0 en 100 in.",
    "simulation.error.indexationRange": "De indexering ligt tussen -99 % en 100 %.",
    "simulation.error.delayRange": "De vertraging ligt tussen 0 en 60 jaar.",
    "simulation.error.loanTermRequired": "Geef de looptijd van de lening op.",
    "simulation.error.loanTermRange": "De looptijd ligt tussen 1 en 100 jaar.",
    "simulation.error.startYearRange": "Het startjaar ligt tussen 1900 en 2200.",
    "simulation.error.horizonRange": "De simulatieperiode telt tussen 1 en 60 jaar.",
    "simulation.error.yearOffsetOutsideHorizon":
      "Dit jaar valt buiten de simulatieperiode (jaar 0 is het startjaar).",
    "simulation.error.yearRange": "Vul een jaar tussen 0 en 59 in (jaar 0 is het startjaar).",
    "simulation.error.fromAfterUntil": "Het eindjaar mag niet vóór het beginjaar liggen.",
    "simulation.error.invalidInput": "De invoer is geen geldige simulatie.",
    "simulation.error.invalidValue": "Deze waarde is ongeldig.",

    // Warnings
    "simulation.warning.subsidyBeyondHorizon":
      "De subsidie voor '{label}' ({amount} euro) zou pas in {year} uitbetaald worden, na de simulatieperiode; ze telt niet mee.",
    "simulation.warning.subsidyCapReached":
      "Het plafond van de subsidie ({cap} euro) is bereikt: {amount} euro subsidie valt weg.",
    "simulation.warning.loanTermBeyondHorizon":
      "De looptijd van '{label}' loopt voorbij de simulatieperiode: het openstaande saldo ({amount} euro) wordt in {year} in één keer afgelost.",
    "simulation.warning.lineOutsideHorizon":
      "'{label}' begint pas in {year}, na de simulatieperiode; de regel telt niet mee.",
    "simulation.warning.fundingGap":
      "Er is een financieringstekort van {amount} euro: die middelen moeten nog gevonden worden.",
    "simulation.warning.npvNegative":
      "De netto contante waarde (NCW) is negatief ({npv} euro): tegen de disconteringsvoet verdient het project zichzelf niet terug.",
    "simulation.warning.irrNone":
      "Er is geen interne rentevoet (IRR): de netto contante waarde verandert niet van teken tussen -99 % en 1000 %.",
    "simulation.warning.dscrBelowOne":
      "De netto-inkomsten dekken de schuldaflossing niet elk jaar (DSCR onder 1, voor het eerst in {year}; minimale DSCR {minDscr}).",

    // Input fields
    "simulation.field.startYear": "Startjaar",
    "simulation.field.horizonYears": "Simulatieperiode (jaren)",
    "simulation.field.discountRatePct": "Disconteringsvoet (%)",
    "simulation.field.vatRecoverable": "Btw recupereerbaar",
    "simulation.field.equity": "Eigen middelen",
    "simulation.field.residualValue": "Restwaarde",
    "simulation.field.investments": "Investeringen",
    "simulation.field.investments.label": "Omschrijving",
    "simulation.field.investments.category": "Categorie",
    "simulation.field.investments.amount": "Bedrag excl. btw",
    "simulation.field.investments.vatPct": "Btw-tarief (%)",
    "simulation.field.investments.yearOffset": "Jaar (0 = startjaar)",
    "simulation.field.investments.subsidyEligible": "Subsidiabel",
    "simulation.field.subsidy": "Subsidie op de werken",
    "simulation.field.subsidy.label": "Omschrijving",
    "simulation.field.subsidy.ratePct": "Subsidiepercentage (%)",
    "simulation.field.subsidy.baseUpliftPct": "Verhoging van de subsidiebasis (%)",
    "simulation.field.subsidy.delayYears": "Uitbetaling na (jaren)",
    "simulation.field.subsidy.cap": "Plafond",
    "simulation.field.grants": "Toelagen",
    "simulation.field.grants.label": "Omschrijving",
    "simulation.field.grants.amount": "Bedrag",
    "simulation.field.grants.yearOffset": "Jaar (0 = startjaar)",
    "simulation.field.loans": "Leningen",
    "simulation.field.loans.label": "Omschrijving",
    "simulation.field.loans.principal": "Ontleend bedrag",
    "simulation.field.loans.ratePct": "Rentevoet (%)",
    "simulation.field.loans.termYears": "Looptijd (jaren)",
    "simulation.field.loans.type": "Soort lening",
    "simulation.field.loans.yearOffset": "Jaar van opname (0 = startjaar)",
    "simulation.field.revenues": "Inkomsten",
    "simulation.field.revenues.label": "Omschrijving",
    "simulation.field.revenues.category": "Categorie",
    "simulation.field.revenues.amount": "Bedrag per jaar (prijzen van het startjaar)",
    "simulation.field.revenues.indexationPct": "Indexering per jaar (%)",
    "simulation.field.revenues.occupancyPct": "Bezettingsgraad (%)",
    "simulation.field.revenues.fromYear": "Vanaf jaar",
    "simulation.field.revenues.untilYear": "Tot en met jaar",
    "simulation.field.operatingCosts": "Exploitatiekosten",
    "simulation.field.operatingCosts.label": "Omschrijving",
    "simulation.field.operatingCosts.category": "Categorie",
    "simulation.field.operatingCosts.amount": "Bedrag per jaar (prijzen van het startjaar)",
    "simulation.field.operatingCosts.indexationPct": "Indexering per jaar (%)",
    "simulation.field.operatingCosts.fromYear": "Vanaf jaar",
    "simulation.field.operatingCosts.untilYear": "Tot en met jaar",

    // Categories and loan types
    "simulation.category.RESTORATION": "Restauratie",
    "simulation.category.RENOVATION": "Renovatie",
    "simulation.category.NEW_BUILD": "Nieuwbouw",
    "simulation.category.INSTALLATIONS": "Technische installaties",
    "simulation.category.FIT_OUT": "Inrichting",
    "simulation.category.FEES": "Erelonen",
    "simulation.category.CONTINGENCY": "Onvoorzien",
    "simulation.category.OTHER": "Overige",
    "simulation.category.RENT": "Huur",
    "simulation.category.EVENTS": "Evenementen",
    "simulation.category.CONCESSION": "Concessie",
    "simulation.category.PARKING": "Parkeren",
    "simulation.category.MAINTENANCE": "Onderhoud",
    "simulation.category.ENERGY": "Energie",
    "simulation.category.INSURANCE": "Verzekering",
    "simulation.category.MANAGEMENT": "Beheer",
    "simulation.category.TAXES": "Belastingen",
    "simulation.loanType.ANNUITY": "Annuïteitenlening (vaste afbetaling)",
    "simulation.loanType.LINEAR": "Lineaire lening (vaste kapitaalaflossing)",

    // Year table columns
    "simulation.column.t": "t",
    "simulation.column.year": "Jaar",
    "simulation.column.investment": "Investering excl. btw",
    "simulation.column.vat": "Btw",
    "simulation.column.subsidy": "Subsidie",
    "simulation.column.grants": "Toelagen",
    "simulation.column.revenues": "Inkomsten",
    "simulation.column.operatingCosts": "Exploitatiekosten",
    "simulation.column.residualValue": "Restwaarde",
    "simulation.column.projectCashFlow": "Kasstroom project",
    "simulation.column.loanDrawdown": "Opname leningen",
    "simulation.column.interest": "Interest",
    "simulation.column.principalRepayment": "Kapitaalaflossing",
    "simulation.column.netCashFlow": "Netto kasstroom",
    "simulation.column.cumulativeNetCashFlow": "Gecumuleerde netto kasstroom",

    // Totals
    "simulation.total.investmentExclVat": "Investering excl. btw",
    "simulation.total.vat": "Btw",
    "simulation.total.investmentCost": "Investering (uitgave)",
    "simulation.total.subsidy": "Subsidie",
    "simulation.total.grants": "Toelagen",
    "simulation.total.netInvestment": "Netto-investering",
    "simulation.total.fundingGap": "Financieringstekort",

    // Metrics
    "simulation.metric.npv": "Netto contante waarde (NCW)",
    "simulation.metric.irrPct": "Interne rentevoet (IRR)",
    "simulation.metric.paybackYear": "Terugverdienjaar",
    "simulation.metric.breakEvenExtraRevenue": "Break-evenmeeropbrengst (per jaar)",
    "simulation.metric.minDscr": "Minimale DSCR",
    "simulation.metric.none": "geen",

    // Sensitivity
    "simulation.sensitivity.title": "Gevoeligheidsanalyse",
    "simulation.sensitivity.investment": "Investering",
    "simulation.sensitivity.revenues": "Inkomsten",
    "simulation.sensitivity.operatingCosts": "Exploitatiekosten",
    "simulation.sensitivity.discountRate": "Disconteringsvoet",
    "simulation.sensitivity.delta": "Wijziging",
    "simulation.sensitivity.deltaPct": "{delta} %",
    "simulation.sensitivity.deltaPoints": "{delta} procentpunt",

    // Command line (scripts/simulate.ts)
    "simulation.cli.usage": "Gebruik: npm run --silent simulate -- <invoer.json>",
    "simulation.cli.unreadable": "Kan het bestand {file} niet lezen: {reason}",
    "simulation.cli.badJson": "Het bestand {file} bevat geen geldige JSON: {reason}",
    "simulation.cli.failed": "De simulatie is mislukt: {reason}",
    "simulation.cli.inputPath": "invoer",
  },
  en: {
    // Input errors
    "simulation.error.required": "This field is required.",
    "simulation.error.notANumber": "Enter a number.",
    "simulation.error.notAnInteger": "Enter a whole number.",
    "simulation.error.notABoolean": "Choose yes or no.",
    "simulation.error.notAList": "A list is expected here.",
    "simulation.error.amountNegative": "The amount must not be negative.",
    "simulation.error.amountTooLarge": "The amount is too large (at most 100 billion euro).",
    "simulation.error.tooManyDecimals": "Use at most 2 decimals.",
    "simulation.error.labelRequired": "Enter a description.",
    "simulation.error.labelTooLong": "The description is too long (at most 200 characters).",
    "simulation.error.tooManyRows": "A list has at most 100 rows.",
    "simulation.error.invalidCategory": "Choose a category from the list.",
    "simulation.error.invalidVatPct": "The VAT rate is 0 %, 6 % or 21 %.",
    "simulation.error.invalidLoanType": "Choose an annuity loan or a linear loan.",
    "simulation.error.percentRange": "Enter a percentage between 0 and 100.",
    "simulation.error.indexationRange": "The indexation lies between -99 % and 100 %.",
    "simulation.error.delayRange": "The delay lies between 0 and 60 years.",
    "simulation.error.loanTermRequired": "Enter the term of the loan.",
    "simulation.error.loanTermRange": "The term lies between 1 and 100 years.",
    "simulation.error.startYearRange": "The start year lies between 1900 and 2200.",
    "simulation.error.horizonRange": "The simulation period is between 1 and 60 years.",
    "simulation.error.yearOffsetOutsideHorizon":
      "This year falls outside the simulation period (year 0 is the start year).",
    "simulation.error.yearRange": "Enter a year between 0 and 59 (year 0 is the start year).",
    "simulation.error.fromAfterUntil": "The last year must not come before the first year.",
    "simulation.error.invalidInput": "The input is not a valid simulation.",
    "simulation.error.invalidValue": "This value is invalid.",

    // Warnings
    "simulation.warning.subsidyBeyondHorizon":
      "The subsidy for '{label}' ({amount} euro) would only be paid in {year}, after the simulation period; it is not counted.",
    "simulation.warning.subsidyCapReached":
      "The subsidy cap ({cap} euro) is reached: {amount} euro of subsidy is lost.",
    "simulation.warning.loanTermBeyondHorizon":
      "The term of '{label}' runs past the simulation period: the balance still owed ({amount} euro) is repaid at once in {year}.",
    "simulation.warning.lineOutsideHorizon":
      "'{label}' only starts in {year}, after the simulation period; the line is not counted.",
    "simulation.warning.fundingGap":
      "There is a funding gap of {amount} euro: money that is still to be found.",
    "simulation.warning.npvNegative":
      "The net present value (NPV) is negative ({npv} euro): at the discount rate the project does not pay for itself.",
    "simulation.warning.irrNone":
      "There is no internal rate of return (IRR): the net present value does not change sign between -99 % and 1000 %.",
    "simulation.warning.dscrBelowOne":
      "Net revenues do not cover debt service every year (DSCR below 1, first in {year}; minimum DSCR {minDscr}).",

    // Input fields
    "simulation.field.startYear": "Start year",
    "simulation.field.horizonYears": "Simulation period (years)",
    "simulation.field.discountRatePct": "Discount rate (%)",
    "simulation.field.vatRecoverable": "VAT recoverable",
    "simulation.field.equity": "Equity",
    "simulation.field.residualValue": "Residual value",
    "simulation.field.investments": "Investments",
    "simulation.field.investments.label": "Description",
    "simulation.field.investments.category": "Category",
    "simulation.field.investments.amount": "Amount excl. VAT",
    "simulation.field.investments.vatPct": "VAT rate (%)",
    "simulation.field.investments.yearOffset": "Year (0 = start year)",
    "simulation.field.investments.subsidyEligible": "Eligible for subsidy",
    "simulation.field.subsidy": "Works subsidy",
    "simulation.field.subsidy.label": "Description",
    "simulation.field.subsidy.ratePct": "Subsidy rate (%)",
    "simulation.field.subsidy.baseUpliftPct": "Uplift of the subsidy base (%)",
    "simulation.field.subsidy.delayYears": "Paid after (years)",
    "simulation.field.subsidy.cap": "Cap",
    "simulation.field.grants": "Grants",
    "simulation.field.grants.label": "Description",
    "simulation.field.grants.amount": "Amount",
    "simulation.field.grants.yearOffset": "Year (0 = start year)",
    "simulation.field.loans": "Loans",
    "simulation.field.loans.label": "Description",
    "simulation.field.loans.principal": "Principal",
    "simulation.field.loans.ratePct": "Interest rate (%)",
    "simulation.field.loans.termYears": "Term (years)",
    "simulation.field.loans.type": "Loan type",
    "simulation.field.loans.yearOffset": "Year drawn (0 = start year)",
    "simulation.field.revenues": "Revenues",
    "simulation.field.revenues.label": "Description",
    "simulation.field.revenues.category": "Category",
    "simulation.field.revenues.amount": "Amount per year (start-year prices)",
    "simulation.field.revenues.indexationPct": "Indexation per year (%)",
    "simulation.field.revenues.occupancyPct": "Occupancy (%)",
    "simulation.field.revenues.fromYear": "From year",
    "simulation.field.revenues.untilYear": "Until year (inclusive)",
    "simulation.field.operatingCosts": "Operating costs",
    "simulation.field.operatingCosts.label": "Description",
    "simulation.field.operatingCosts.category": "Category",
    "simulation.field.operatingCosts.amount": "Amount per year (start-year prices)",
    "simulation.field.operatingCosts.indexationPct": "Indexation per year (%)",
    "simulation.field.operatingCosts.fromYear": "From year",
    "simulation.field.operatingCosts.untilYear": "Until year (inclusive)",

    // Categories and loan types
    "simulation.category.RESTORATION": "Restoration",
    "simulation.category.RENOVATION": "Renovation",
    "simulation.category.NEW_BUILD": "New build",
    "simulation.category.INSTALLATIONS": "Building services",
    "simulation.category.FIT_OUT": "Fit-out",
    "simulation.category.FEES": "Fees",
    "simulation.category.CONTINGENCY": "Contingency",
    "simulation.category.OTHER": "Other",
    "simulation.category.RENT": "Rent",
    "simulation.category.EVENTS": "Events",
    "simulation.category.CONCESSION": "Concession",
    "simulation.category.PARKING": "Parking",
    "simulation.category.MAINTENANCE": "Maintenance",
    "simulation.category.ENERGY": "Energy",
    "simulation.category.INSURANCE": "Insurance",
    "simulation.category.MANAGEMENT": "Management",
    "simulation.category.TAXES": "Taxes",
    "simulation.loanType.ANNUITY": "Annuity loan (fixed payment)",
    "simulation.loanType.LINEAR": "Linear loan (fixed principal repayment)",

    // Year table columns
    "simulation.column.t": "t",
    "simulation.column.year": "Year",
    "simulation.column.investment": "Investment excl. VAT",
    "simulation.column.vat": "VAT",
    "simulation.column.subsidy": "Subsidy",
    "simulation.column.grants": "Grants",
    "simulation.column.revenues": "Revenues",
    "simulation.column.operatingCosts": "Operating costs",
    "simulation.column.residualValue": "Residual value",
    "simulation.column.projectCashFlow": "Project cash flow",
    "simulation.column.loanDrawdown": "Loan drawdown",
    "simulation.column.interest": "Interest",
    "simulation.column.principalRepayment": "Principal repayment",
    "simulation.column.netCashFlow": "Net cash flow",
    "simulation.column.cumulativeNetCashFlow": "Cumulative net cash flow",

    // Totals
    "simulation.total.investmentExclVat": "Investment excl. VAT",
    "simulation.total.vat": "VAT",
    "simulation.total.investmentCost": "Investment (cash)",
    "simulation.total.subsidy": "Subsidy",
    "simulation.total.grants": "Grants",
    "simulation.total.netInvestment": "Net investment",
    "simulation.total.fundingGap": "Funding gap",

    // Metrics
    "simulation.metric.npv": "Net present value (NPV)",
    "simulation.metric.irrPct": "Internal rate of return (IRR)",
    "simulation.metric.paybackYear": "Payback year",
    "simulation.metric.breakEvenExtraRevenue": "Break-even extra revenue (per year)",
    "simulation.metric.minDscr": "Minimum DSCR",
    "simulation.metric.none": "none",

    // Sensitivity
    "simulation.sensitivity.title": "Sensitivity analysis",
    "simulation.sensitivity.investment": "Investment",
    "simulation.sensitivity.revenues": "Revenues",
    "simulation.sensitivity.operatingCosts": "Operating costs",
    "simulation.sensitivity.discountRate": "Discount rate",
    "simulation.sensitivity.delta": "Change",
    "simulation.sensitivity.deltaPct": "{delta} %",
    "simulation.sensitivity.deltaPoints": "{delta} percentage points",

    // Command line (scripts/simulate.ts)
    "simulation.cli.usage": "Usage: npm run --silent simulate -- <input.json>",
    "simulation.cli.unreadable": "Cannot read the file {file}: {reason}",
    "simulation.cli.badJson": "The file {file} does not contain valid JSON: {reason}",
    "simulation.cli.failed": "The simulation failed: {reason}",
    "simulation.cli.inputPath": "input",
  },
} as const;

export type SimulationLang = keyof typeof messages;
export type SimulationMessageKey = keyof (typeof messages)["nl"];

// Compile-time check that both languages have the same keys (the tests check it at run time).
const enHasEveryKey: Record<SimulationMessageKey, string> = messages.en;
const nlHasEveryKey: Record<keyof (typeof messages)["en"], string> = messages.nl;
void enHasEveryKey;
void nlHasEveryKey;

/** The text of a key with `{name}` placeholders filled in; unknown keys come back as the key. */
export function formatMessage(
  lang: SimulationLang,
  key: string,
  params?: Record<string, string | number>
): string {
  const table: Record<string, string> = messages[lang];
  const text = table[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params && name in params ? String(params[name]) : whole
  );
}
