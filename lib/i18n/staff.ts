import { chooseLocale } from "./negotiate";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "./locales";

/** The staff API's answers, per language; kept out of the form catalogues the public pages ship. */
const staff = {
  en: {
    signInRequired: "Sign in to the staff console first.",
    adminRequired: "This needs the admin role.",
    originRefused: "The staff console accepts changes only from its own pages.",
    unknownSubmission: "There is no submission {id}.",
    notRetryable: "Submission {id} is not waiting for another attempt.",
    notReplayable: "Submission {id} is not dead-lettered (or its answers were erased).",
    notErasable: "Submission {id} is still being delivered, or its answers were erased already.",
    unknownForm: "There is no form {formId}.",
    noLookup: "The form {formId} has no lookup at its vendor.",
    lookupMisconfigured: "The vendor refused this form's configuration (its token or ids): an administrator must check the form's settings. The vendor said: {message}",
    lookupUnavailable: "The vendor cannot be reached right now: try again in a moment. ({message})",
    unknownAccount: "There is no staff account {id}.",
    notYourself: "You cannot disable your own account or take away your own admin role.",
    unknownAction: "There is no action {action}: reveal, retry, replay or erase.",
    accountExists: "A staff account with the email address {email} exists already.",
    passwordTooShort: "password: must have at least {min} characters.",
  },
  nl: {
    signInRequired: "Meld u eerst aan bij de medewerkersconsole.",
    adminRequired: "Hiervoor is de rol beheerder nodig.",
    originRefused: "De medewerkersconsole aanvaardt wijzigingen alleen vanuit haar eigen pagina's.",
    unknownSubmission: "Er is geen inzending {id}.",
    notRetryable: "Inzending {id} wacht niet op een nieuwe poging.",
    notReplayable: "Inzending {id} staat niet bij de mislukte inzendingen (of de antwoorden zijn gewist).",
    notErasable: "Inzending {id} wordt nog afgeleverd, of de antwoorden zijn al gewist.",
    unknownForm: "Er is geen formulier {formId}.",
    noLookup: "Het formulier {formId} kan niets opzoeken bij de leverancier.",
    lookupMisconfigured: "De leverancier weigerde de instellingen van dit formulier (het token of de id's): een beheerder moet de instellingen nakijken. De leverancier meldde: {message}",
    lookupUnavailable: "De leverancier is nu niet bereikbaar: probeer het zo opnieuw. ({message})",
    unknownAccount: "Er is geen medewerkersaccount {id}.",
    notYourself: "U kunt uw eigen account niet uitschakelen en uzelf de rol beheerder niet afnemen.",
    unknownAction: "Er is geen actie {action}: reveal, retry, replay of erase.",
    accountExists: "Er bestaat al een medewerkersaccount met het e-mailadres {email}.",
    passwordTooShort: "password: moet minstens {min} tekens hebben.",
  },
  fr: {
    signInRequired: "Connectez-vous d’abord à la console du personnel.",
    adminRequired: "Il faut pour cela le rôle administrateur.",
    originRefused: "La console du personnel n’accepte de modifications que depuis ses propres pages.",
    unknownSubmission: "Il n’y a pas d’envoi {id}.",
    notRetryable: "L’envoi {id} n’attend pas de nouvelle tentative.",
    notReplayable: "L’envoi {id} n’est pas parmi les envois en échec (ou ses réponses ont été effacées).",
    notErasable: "L’envoi {id} est encore en cours de transmission, ou ses réponses ont déjà été effacées.",
    unknownForm: "Il n’y a pas de formulaire {formId}.",
    noLookup: "Le formulaire {formId} ne permet pas de recherche chez le fournisseur.",
    lookupMisconfigured: "Le fournisseur a refusé la configuration de ce formulaire (son jeton ou ses identifiants) : un administrateur doit la vérifier. Le fournisseur a répondu : {message}",
    lookupUnavailable: "Le fournisseur est injoignable pour le moment : réessayez dans un instant. ({message})",
    unknownAccount: "Il n’y a pas de compte {id}.",
    notYourself: "Vous ne pouvez ni désactiver votre propre compte ni vous retirer le rôle administrateur.",
    unknownAction: "Il n’y a pas d’action {action} : reveal, retry, replay ou erase.",
    accountExists: "Un compte existe déjà avec l’adresse e-mail {email}.",
    passwordTooShort: "password : doit comporter au moins {min} caractères.",
  },
} satisfies Record<Locale, Record<string, string>>;

export type StaffMessageKey = keyof (typeof staff)["en"];
export type StaffTranslate = (key: StaffMessageKey, params?: Record<string, string | number>) => string;

/** The staff API's translator for a request's Accept-Language (or ?lang=). */
export function staffLocale(hints: { requested?: string; acceptLanguage?: string | null }): Locale {
  return chooseLocale({ ...hints, offered: LOCALES, fallback: DEFAULT_LOCALE });
}

export function staffTranslator(hints: { requested?: string; acceptLanguage?: string | null }): StaffTranslate {
  const locale = staffLocale(hints);
  const catalogue: Record<StaffMessageKey, string> = staff[locale];
  return (key, params) => catalogue[key].replace(/\{(\w+)\}/g, (match, name: string) => (params && name in params ? String(params[name]) : match));
}

export const staffCatalogues = staff;
