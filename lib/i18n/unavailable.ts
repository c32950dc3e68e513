/**
 * The words of the form pages' error boundaries, per language, kept out of the catalogues'
 * chunk: a boundary cannot know the form, so it reads the page's <html lang> (ErrorNotice).
 */
export const unavailable = {
  en: {
    unavailableTitle: "Sorry, there is a problem with the service",
    formUnavailable: "The form is unavailable right now. Please try again in a few minutes.",
    retry: "Try again",
  },
  nl: {
    unavailableTitle: "Sorry, er is een probleem met de dienst",
    formUnavailable: "Het formulier is nu niet beschikbaar. Probeer het over een paar minuten opnieuw.",
    retry: "Opnieuw proberen",
  },
  fr: {
    unavailableTitle: "Désolé, le service rencontre un problème",
    formUnavailable: "Le formulaire n’est pas disponible pour le moment. Veuillez réessayer dans quelques minutes.",
    retry: "Réessayer",
  },
};
