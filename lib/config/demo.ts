import type { FormConfigInput } from "./schema";

/**
 * The built-in configuration, used when FORMS_CONFIG is not set: every demo form
 * talks to the built-in sandbox on the app's own origin.
 */
const localOrigins = ["http://localhost:*", "http://127.0.0.1:*"];

/** The members form in three languages: every label of set 77 (which Procurios serves in one language only); English as the vendor has it. */
const membersTexts: FormConfigInput["fields"] = {
  username: { label: { en: "Username", nl: "Gebruikersnaam", fr: "Nom d’utilisateur" } },
  email: { label: { en: "Email address", nl: "E-mailadres", fr: "Adresse e-mail" } },
  password: { label: { en: "Password", nl: "Wachtwoord", fr: "Mot de passe" } },
  first_name: { label: { en: "First name", nl: "Voornaam", fr: "Prénom" } },
  insertion: { label: { en: "Insertion", nl: "Tussenvoegsel", fr: "Particule" } },
  name: { label: { en: "Last name", nl: "Achternaam", fr: "Nom" } },
  birth_date: { label: { en: "Birth date", nl: "Geboortedatum", fr: "Date de naissance" } },
  gender: {
    label: { en: "Gender", nl: "Geslacht", fr: "Genre" },
    options: {
      Female: { en: "Female", nl: "Vrouw", fr: "Femme" },
      Male: { en: "Male", nl: "Man", fr: "Homme" },
      "Non-binary": { en: "Non-binary", nl: "Non-binair", fr: "Non-binaire" },
      "Prefer not to say": { en: "Prefer not to say", nl: "Zeg ik liever niet", fr: "Je préfère ne pas le dire" },
    },
  },
  address: { label: { en: "Address", nl: "Adres", fr: "Adresse" } },
  "address.street": { label: { en: "Street", nl: "Straat", fr: "Rue" } },
  "address.number": { label: { en: "Number", nl: "Huisnummer", fr: "Numéro" } },
  "address.number_add": { label: { en: "Addition", nl: "Toevoeging", fr: "Complément" } },
  "address.postcode": { label: { en: "ZIP code", nl: "Postcode", fr: "Code postal" } },
  "address.town": { label: { en: "Town", nl: "Plaats", fr: "Ville" } },
  "address.country": { label: { en: "Country", nl: "Land", fr: "Pays" } },
  phone: { label: { en: "Phone number", nl: "Telefoonnummer", fr: "Numéro de téléphone" } },
  membership: {
    label: { en: "Membership type", nl: "Soort lidmaatschap", fr: "Type d’adhésion" },
    options: {
      senior: { en: "Senior", nl: "Senior", fr: "Senior" },
      junior: { en: "Junior (under 18)", nl: "Jeugd (onder 18)", fr: "Junior (moins de 18 ans)" },
      student: { en: "Student", nl: "Student", fr: "Étudiant" },
      supporter: { en: "Supporter", nl: "Donateur", fr: "Supporter" },
    },
  },
  student_number: { label: { en: "Student number", nl: "Studentnummer", fr: "Numéro d’étudiant" } },
  newsletter: { label: { en: "Send me the club newsletter", nl: "Stuur mij de nieuwsbrief van de club", fr: "Envoyez-moi la lettre d’information du club" } },
  terms: { label: { en: "I accept the terms and conditions", nl: "Ik ga akkoord met de voorwaarden", fr: "J’accepte les conditions générales" } },
};

/** The fitness club's form: French first (the chain is French), with English and Dutch. */
const clubTexts: FormConfigInput["fields"] = {
  email: { label: { fr: "Adresse e-mail", en: "Email address", nl: "E-mailadres" } },
  givenName: { label: { fr: "Prénom", en: "First name", nl: "Voornaam" } },
  familyName: { label: { fr: "Nom", en: "Last name", nl: "Achternaam" } },
  birthDate: { label: { fr: "Date de naissance", en: "Birth date", nl: "Geboortedatum" } },
  gender: {
    label: { fr: "Genre", en: "Gender", nl: "Geslacht" },
    options: { female: { fr: "Femme", en: "Female", nl: "Vrouw" }, male: { fr: "Homme", en: "Male", nl: "Man" } },
  },
  address: { label: { fr: "Adresse", en: "Address", nl: "Adres" } },
  "address.streetAddress": { label: { fr: "Numéro et rue", en: "Street and number", nl: "Straat en huisnummer" } },
  "address.postalCode": { label: { fr: "Code postal", en: "Postal code", nl: "Postcode" } },
  "address.addressLocality": { label: { fr: "Ville", en: "Town", nl: "Plaats" } },
  "address.addressCountry": { label: { fr: "Pays", en: "Country", nl: "Land" } },
  // Asked only once the club's configuration turns out to require them (the connector learns it).
  mobile: { label: { fr: "Téléphone mobile", en: "Mobile phone number", nl: "Mobiel nummer" } },
  landline: { label: { fr: "Téléphone fixe", en: "Landline phone number", nl: "Vast telefoonnummer" } },
};

/** CRM.COM's sign-up (seeds/003): English first, with Dutch and French. */
const crmcomTexts: FormConfigInput["fields"] = {
  provider: {
    label: { en: "Sign up with", nl: "Aanmelden met", fr: "S’inscrire avec" },
    options: {
      EMAIL: { en: "My email address and a password", nl: "Mijn e-mailadres en een wachtwoord", fr: "Mon adresse e-mail et un mot de passe" },
      PHONE: { en: "My mobile phone number and a code by SMS", nl: "Mijn mobiele nummer en een code per sms", fr: "Mon numéro de mobile et un code par SMS" },
    },
  },
  email: { label: { en: "Email address", nl: "E-mailadres", fr: "Adresse e-mail" } },
  password: {
    label: { en: "Password", nl: "Wachtwoord", fr: "Mot de passe" },
    description: {
      en: "At least 8 characters, with at least one letter and one digit",
      nl: "Minstens 8 tekens, met minstens één letter en één cijfer",
      fr: "Au moins 8 caractères, dont au moins une lettre et un chiffre",
    },
  },
  phone: {
    label: { en: "Mobile phone number", nl: "Mobiel nummer", fr: "Numéro de mobile" },
    description: {
      en: "A number from Cyprus, Greece or the United Kingdom. We send you a code by SMS to confirm it.",
      nl: "Een nummer uit Cyprus, Griekenland of het Verenigd Koninkrijk. We sturen u een code per sms om het te bevestigen.",
      fr: "Un numéro de Chypre, de Grèce ou du Royaume-Uni. Nous vous envoyons un code par SMS pour le confirmer.",
    },
  },
  first_name: { label: { en: "First name", nl: "Voornaam", fr: "Prénom" } },
  last_name: { label: { en: "Last name", nl: "Achternaam", fr: "Nom" } },
  date_of_birth: { label: { en: "Date of birth", nl: "Geboortedatum", fr: "Date de naissance" } },
  gender: {
    label: { en: "Gender", nl: "Geslacht", fr: "Genre" },
    options: { FEMALE: { en: "Female", nl: "Vrouw", fr: "Femme" }, MALE: { en: "Male", nl: "Man", fr: "Homme" } },
  },
  address: { label: { en: "Home address", nl: "Woonadres", fr: "Adresse du domicile" } },
  "address.address_line_1": { label: { en: "Street and number", nl: "Straat en huisnummer", fr: "Numéro et rue" } },
  "address.address_line_2": { label: { en: "Address line 2", nl: "Adresregel 2", fr: "Complément d’adresse" } },
  "address.town_city": { label: { en: "Town or city", nl: "Plaats", fr: "Ville" } },
  "address.postal_code": { label: { en: "Postal code", nl: "Postcode", fr: "Code postal" } },
  "address.country_code": { label: { en: "Country", nl: "Land", fr: "Pays" } },
  service_acceptance: { label: { en: "I accept the terms of service", nl: "Ik ga akkoord met de servicevoorwaarden", fr: "J’accepte les conditions d’utilisation" } },
  email_opt_in: { label: { en: "Send me offers by email", nl: "Stuur mij aanbiedingen per e-mail", fr: "Envoyez-moi des offres par e-mail" } },
  sms_opt_in: { label: { en: "Send me offers by SMS", nl: "Stuur mij aanbiedingen per sms", fr: "Envoyez-moi des offres par SMS" } },
  referral_code: {
    label: { en: "Referral code", nl: "Verwijzingscode", fr: "Code de parrainage" },
    description: { en: "If someone invited you", nl: "Als iemand u heeft uitgenodigd", fr: "Si quelqu’un vous a invité" },
  },
};

/** DNL's sign-up (a carrier's client account): English first, as DNL's document is, with Dutch and French. */
const dnlTexts: FormConfigInput["fields"] = {
  client_name: { label: { en: "Client name", nl: "Klantnaam", fr: "Nom du client" }, help: { en: "The name of your account with us", nl: "De naam van uw account bij ons", fr: "Le nom de votre compte chez nous" } },
  username: { label: { en: "Username", nl: "Gebruikersnaam", fr: "Nom d’utilisateur" } },
  password: { label: { en: "Password", nl: "Wachtwoord", fr: "Mot de passe" } },
  main_email: { label: { en: "Email address", nl: "E-mailadres", fr: "Adresse e-mail" } },
  company: { label: { en: "Company name", nl: "Bedrijfsnaam", fr: "Nom de l’entreprise" } },
  company_detail: { label: { en: "About your company", nl: "Over uw bedrijf", fr: "À propos de votre entreprise" } },
  tax_id: { label: { en: "Tax ID", nl: "Btw-nummer", fr: "Numéro de TVA" } },
  phone: { label: { en: "Phone number", nl: "Telefoonnummer", fr: "Numéro de téléphone" } },
  noc_email: { label: { en: "NOC email address", nl: "E-mailadres van uw NOC", fr: "Adresse e-mail de votre NOC" }, help: { en: "Your network operations centre", nl: "Uw netwerkbeheer (network operations centre)", fr: "Votre centre d’exploitation du réseau" } },
  rate_send_to_email: { label: { en: "Email address for rate sheets", nl: "E-mailadres voor tarieflijsten", fr: "Adresse e-mail pour les grilles tarifaires" } },
  referral: { label: { en: "Referred by", nl: "Doorverwezen door", fr: "Recommandé par" } },
  address: { label: { en: "Address", nl: "Adres", fr: "Adresse" } },
  "address.street": { label: { en: "Street address", nl: "Straat en huisnummer", fr: "Numéro et rue" } },
  "address.city": { label: { en: "City", nl: "Plaats", fr: "Ville" } },
  "address.zip": { label: { en: "ZIP code", nl: "Postcode", fr: "Code postal" } },
  "address.state": { label: { en: "State or province", nl: "Provincie of staat", fr: "Région ou État" } },
  "address.country": { label: { en: "Country", nl: "Land", fr: "Pays" } },
  billing: { label: { en: "Billing details", nl: "Factuurgegevens", fr: "Coordonnées de facturation" } },
  "billing.contact_name": { label: { en: "Billing contact name", nl: "Contactpersoon voor facturen", fr: "Contact pour la facturation" } },
  "billing.email": { label: { en: "Billing email address", nl: "E-mailadres voor facturen", fr: "Adresse e-mail de facturation" } },
  "billing.phone": { label: { en: "Billing phone number", nl: "Telefoonnummer voor facturen", fr: "Téléphone de facturation" } },
  "billing.street": { label: { en: "Billing street address", nl: "Factuuradres: straat en huisnummer", fr: "Adresse de facturation : numéro et rue" } },
  "billing.city": { label: { en: "City", nl: "Plaats", fr: "Ville" } },
  "billing.zip": { label: { en: "ZIP code", nl: "Postcode", fr: "Code postal" } },
  "billing.state": { label: { en: "State or province", nl: "Provincie of staat", fr: "Région ou État" } },
  "billing.country": { label: { en: "Country", nl: "Land", fr: "Pays" } },
};

export const demoForms: FormConfigInput[] = [
  {
    id: "members",
    title: { en: "Become a member", nl: "Lid worden", fr: "Devenir membre" },
    connector: "procurios",
    locale: "en",
    locales: ["en", "nl", "fr"],
    options: { baseUrl: "/sandbox/procurios", registrationSetId: 77, tokenEnv: "PROCURIOS_TOKEN" },
    pages: [
      { title: { en: "Your account", nl: "Uw account", fr: "Votre compte" }, fields: ["username", "email", "password"] },
      { title: { en: "About you", nl: "Over u", fr: "À propos de vous" }, fields: ["first_name", "insertion", "name", "birth_date", "gender"] },
      { title: { en: "Your address", nl: "Uw adres", fr: "Votre adresse" }, fields: ["address", "phone"] },
      { title: { en: "Membership", nl: "Lidmaatschap", fr: "Adhésion" }, fields: ["membership", "student_number", "newsletter", "terms"] },
    ],
    fields: membersTexts,
    hidden: ["action_code"],
    embed: { allowedOrigins: localOrigins },
    defaultCountry: "NL",
    confirmation: {
      en: {
        message: "Welcome to the club! Your first training is free: come along any Tuesday at 19:30, and bring sports shoes.",
        link: { text: "See the training schedule", href: "https://example.org/training" },
      },
      nl: {
        message: "Welkom bij de club! Uw eerste training is gratis: kom op een dinsdag om 19.30 uur langs en neem sportschoenen mee.",
        link: { text: "Bekijk het trainingsschema", href: "https://example.org/training" },
      },
      fr: {
        message: "Bienvenue au club ! Votre premier entraînement est gratuit : venez un mardi à 19 h 30, avec des chaussures de sport.",
        link: { text: "Voir le calendrier des entraînements", href: "https://example.org/training" },
      },
    },
  },
  {
    id: "demo",
    title: "Demo registration set",
    connector: "procurios",
    locale: "en",
    options: { baseUrl: "/sandbox/procurios", registrationSetId: 42, tokenEnv: "PROCURIOS_TOKEN" },
    hidden: ["action_code"],
    embed: { allowedOrigins: localOrigins },
    defaultCountry: "NL",
  },
  {
    id: "club",
    title: { fr: "S’inscrire au club", en: "Join the club", nl: "Lid worden van de club" },
    connector: "resamania",
    locale: "fr",
    locales: ["fr", "en", "nl"],
    options: {
      baseUrl: "/sandbox/resamania",
      clientToken: "demoapi",
      clubId: "1",
      networkNodeId: "1",
      sourceId: "7",
      tokenEnv: "RESAMANIA_TOKEN",
      network: true,
      requires: ["address"],
    },
    pages: [
      { title: { fr: "Votre adresse e-mail", en: "Your email address", nl: "Uw e-mailadres" }, fields: ["email"] },
      { title: { fr: "À propos de vous", en: "About you", nl: "Over u" }, fields: ["givenName", "familyName", "birthDate", "gender"] },
      { title: { fr: "Votre adresse", en: "Your address", nl: "Uw adres" }, fields: ["address"] },
    ],
    fields: clubTexts,
    embed: { allowedOrigins: localOrigins },
    defaultCountry: "FR",
    confirmation: {
      fr: { message: "Bienvenue ! Présentez-vous à l’accueil du club avec votre numéro de contact pour votre séance découverte." },
      en: { message: "Welcome! Show your contact number at the club’s reception for your first session." },
      nl: { message: "Welkom! Meld u met uw contactnummer bij de receptie van de club voor uw eerste sessie." },
    },
  },
  {
    // PurePro's customer form (seeds/004), derived from the documented rules: English only.
    id: "purepro",
    title: "Open a business account",
    connector: "purepro",
    locale: "en",
    options: { publicApiUrl: "/sandbox/purepro", accountReference: "ACC1000001", businessUnitReference: "BU1000001", tokenEnv: "PUREPRO_TOKEN" },
    pages: [
      { title: "Your company", fields: ["Name", "Email", "Reference", "CompaniesHouseNumber", "VatNumber", "VatNumberValid", "IndustryClassification"] },
      { title: "Billing", fields: ["InvoiceDeliveryMethod", "Currency", "ApprovalFrequency", "BillingScheme", "BillingGroup", "PurchaseOrder"] },
      { title: "Payment and bank details", fields: ["PayMethod"] },
      { title: "Address", fields: ["Address"] },
      { title: "Contact and cost centre", fields: ["Contact", "CostCentre"] },
    ],
    embed: { allowedOrigins: localOrigins },
    defaultCountry: "GB",
  },
  {
    // CRM.COM Self-Service (seeds/003): by email (with a verification link) or by phone (with a code by SMS).
    id: "crmcom",
    title: { en: "Create your account", nl: "Maak uw account aan", fr: "Créez votre compte" },
    connector: "crmcom",
    locale: "en",
    locales: ["en", "nl", "fr"],
    options: {
      baseUrl: "/sandbox/crmcom",
      apiKeyEnv: "CRMCOM_API_KEY",
      providers: ["EMAIL", "PHONE"],
      validationRequired: true,
      countries: ["CYP", "GRC", "GBR"],
      demographics: true,
      address: true,
      resendCooldownSeconds: 10,
    },
    pages: [
      { title: { en: "How you sign in", nl: "Hoe u inlogt", fr: "Votre identifiant" }, fields: ["provider"] },
      { title: { en: "About you", nl: "Over u", fr: "À propos de vous" }, fields: ["first_name", "last_name", "date_of_birth", "gender"] },
      { title: { en: "Your home address", nl: "Uw woonadres", fr: "Votre adresse" }, fields: ["address"] },
      { title: { en: "Your choices", nl: "Uw keuzes", fr: "Vos choix" }, fields: ["service_acceptance", "email_opt_in", "sms_opt_in", "referral_code"] },
    ],
    fields: crmcomTexts,
    embed: { allowedOrigins: localOrigins },
    defaultCountry: "CY",
    confirmation: {
      en: { message: "Welcome! If you signed up with your email address, open the link we emailed you to confirm it." },
      nl: { message: "Welkom! Hebt u zich met uw e-mailadres aangemeld, open dan de link in de e-mail die we u stuurden om het te bevestigen." },
      fr: { message: "Bienvenue ! Si vous vous êtes inscrit avec votre adresse e-mail, ouvrez le lien que nous vous avons envoyé pour la confirmer." },
    },
  },
  {
    // DNL's sign-up (seeds/001), derived from its registration's fields; the sign-up call is an inference (lib/connectors/dnl).
    id: "dnl",
    title: { en: "Open a client account", nl: "Een klantaccount openen", fr: "Ouvrir un compte client" },
    connector: "dnl",
    locale: "en",
    locales: ["en", "nl", "fr"],
    options: { baseUrl: "/sandbox/dnl", tokenEnv: "DNL_TOKEN" },
    pages: [
      { title: { en: "Your account", nl: "Uw account", fr: "Votre compte" }, fields: ["client_name", "username", "password", "main_email"] },
      { title: { en: "Your company", nl: "Uw bedrijf", fr: "Votre entreprise" }, fields: ["company", "company_detail", "tax_id", "phone", "noc_email", "rate_send_to_email", "referral"] },
      { title: { en: "Your address", nl: "Uw adres", fr: "Votre adresse" }, fields: ["address"] },
      { title: { en: "Billing", nl: "Facturering", fr: "Facturation" }, fields: ["billing"] },
    ],
    fields: dnlTexts,
    embed: { allowedOrigins: localOrigins },
    defaultCountry: "NL",
  },
];
