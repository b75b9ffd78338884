/**
 * Interface texts for dossier phases: the phase names and every reason a phase move can be
 * refused for (see ./phases.ts). Dutch (Flemish wording) is the primary language; both
 * languages have exactly the same keys. Placeholders are written `{name}`.
 */
export const messages = {
  nl: {
    "dossiers.list.reference": "Referentie",
    "dossiers.list.church": "Kerk",
    "dossiers.list.municipality": "Gemeente",
    "dossiers.list.phase": "Fase",
    "dossiers.list.startDate": "Startdatum",
    "dossiers.phase.INTAKE": "Intake",
    "dossiers.phase.ACCEPTED": "Aanvaard",
    "dossiers.phase.REJECTED": "Geweigerd",
    "dossiers.phase.KICKOFF": "Startvergadering",
    "dossiers.phase.RESEARCH": "Onderzoek",
    "dossiers.phase.SCENARIOS": "Scenario's",
    "dossiers.phase.SIMULATION": "Simulatie",
    "dossiers.phase.REVIEW": "Beoordeling",
    "dossiers.phase.REPORTING": "Eindrapport",
    "dossiers.phase.COMPLETED": "Afgerond",
    "dossiers.phase.ON_HOLD": "Gepauzeerd",
    "dossiers.phase.STOPPED": "Stopgezet",

    "dossiers.phase.refused.samePhase": "Het dossier zit al in deze fase.",
    "dossiers.phase.refused.finalPhase":
      "Dit dossier is afgesloten (geweigerd, afgerond of stopgezet); de fase kan niet meer veranderen.",
    "dossiers.phase.refused.notAllowed": "Deze faseovergang is niet mogelijk vanuit de huidige fase.",
    "dossiers.phase.refused.reasonRequiredForHold": "Geef een reden op om het dossier te pauzeren.",
    "dossiers.phase.refused.reasonRequiredForStop": "Geef een reden op om het dossier stop te zetten.",
    "dossiers.phase.refused.reasonRequiredForBack":
      "Geef een reden op om het dossier naar een vorige fase terug te zetten.",
    "dossiers.phase.refused.reasonRequiredForReject": "Geef een reden op om de aanvraag te weigeren.",
    "dossiers.phase.refused.resumeOnlyToPhaseBeforeHold":
      "Een gepauzeerd dossier kan enkel hervatten in de fase waarin het zat vóór de pauze, of stopgezet worden.",
    "dossiers.phase.refused.phaseBeforeHoldUnknown":
      "De fase van vóór de pauze is niet gekend; het dossier kan enkel stopgezet worden.",
    "dossiers.phase.refused.needsScenario":
      "Er is nog geen scenario. Maak minstens één scenario aan voor de simulatiefase.",
    "dossiers.phase.refused.needsSubmittedVersion":
      "Er is nog geen ingediende simulatieversie. Dien eerst een versie in ter beoordeling.",
    "dossiers.phase.refused.needsApprovedVersion":
      "Er is nog geen goedgekeurde simulatieversie. Het eindrapport kan pas starten na goedkeuring door de gemeente.",
    "dossiers.phase.refused.needsFinalReportDocument":
      "Het document van het eindrapport ontbreekt nog. Laad het op om het dossier af te ronden.",
    "dossiers.phase.refused.needsPreferredScenarioWithApprovedVersion":
      "Er is nog geen voorkeursscenario met een goedgekeurde simulatieversie. Duid het voorkeursscenario aan in het eindrapport.",
    "dossiers.phase.refused.needsFinalReportDocumentAndPreferredScenario":
      "Zowel het document van het eindrapport als een voorkeursscenario met een goedgekeurde simulatieversie ontbreken nog.",
  },
  en: {
    "dossiers.list.reference": "Reference",
    "dossiers.list.church": "Church",
    "dossiers.list.municipality": "Municipality",
    "dossiers.list.phase": "Phase",
    "dossiers.list.startDate": "Start date",
    "dossiers.phase.INTAKE": "Intake",
    "dossiers.phase.ACCEPTED": "Accepted",
    "dossiers.phase.REJECTED": "Rejected",
    "dossiers.phase.KICKOFF": "Kick-off",
    "dossiers.phase.RESEARCH": "Research",
    "dossiers.phase.SCENARIOS": "Scenarios",
    "dossiers.phase.SIMULATION": "Simulation",
    "dossiers.phase.REVIEW": "Review",
    "dossiers.phase.REPORTING": "Final report",
    "dossiers.phase.COMPLETED": "Completed",
    "dossiers.phase.ON_HOLD": "On hold",
    "dossiers.phase.STOPPED": "Stopped",

    "dossiers.phase.refused.samePhase": "The dossier is already in this phase.",
    "dossiers.phase.refused.finalPhase":
      "This dossier is closed (rejected, completed or stopped); its phase can no longer change.",
    "dossiers.phase.refused.notAllowed": "This phase change is not possible from the current phase.",
    "dossiers.phase.refused.reasonRequiredForHold": "Give a reason to put the dossier on hold.",
    "dossiers.phase.refused.reasonRequiredForStop": "Give a reason to stop the dossier.",
    "dossiers.phase.refused.reasonRequiredForBack": "Give a reason to move the dossier back to an earlier phase.",
    "dossiers.phase.refused.reasonRequiredForReject": "Give a reason to reject the application.",
    "dossiers.phase.refused.resumeOnlyToPhaseBeforeHold":
      "A dossier on hold can only resume in the phase it was in before the hold, or be stopped.",
    "dossiers.phase.refused.phaseBeforeHoldUnknown":
      "The phase before the hold is not known; the dossier can only be stopped.",
    "dossiers.phase.refused.needsScenario":
      "There is no scenario yet. Create at least one scenario before the simulation phase.",
    "dossiers.phase.refused.needsSubmittedVersion":
      "There is no submitted simulation version yet. Submit a version for review first.",
    "dossiers.phase.refused.needsApprovedVersion":
      "There is no approved simulation version yet. The final report can only start after the municipality's approval.",
    "dossiers.phase.refused.needsFinalReportDocument":
      "The final report document is still missing. Upload it to complete the dossier.",
    "dossiers.phase.refused.needsPreferredScenarioWithApprovedVersion":
      "There is no preferred scenario with an approved simulation version yet. Choose the preferred scenario in the final report.",
    "dossiers.phase.refused.needsFinalReportDocumentAndPreferredScenario":
      "Both the final report document and a preferred scenario with an approved simulation version are still missing.",
  },
} as const;

export type DossierMessageKey = keyof (typeof messages)["nl"];
