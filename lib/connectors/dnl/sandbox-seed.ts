/**
 * The registrations the DNL sandbox starts with. 242 is the document's own example,
 * field for field (its password included: DNL sends it, the connector drops it).
 */
export type DnlRecord = Record<string, unknown> & { id: number; username: string; password: string };

export const SEED_REGISTRATIONS: DnlRecord[] = [
  {
    country: null,
    signed_up_on: "2018-02-15T14:18:21.961371+00:00",
    billing_phone: null,
    tax_id: null,
    billing_contact_name: null,
    send_signup_notification: 0,
    billing_country: null,
    modified_on: "2018-02-15T14:18:21.961931+00:00",
    password: "Hdphfncu",
    address: "Ckgcjnemetxxcymrndnetbzj",
    company: "Vvigkk Byirvk ltd.",
    billing_state: null,
    rate_send_from_email: null,
    billing_city: null,
    products: [],
    id: 242,
    phone: "093726428",
    ip_address: [{ mask: 1, port: 1234, id: 213, ip: "199.111.10.107" }],
    company_detail:
      "Bchvvv Nw Etsc, Ehvdzy Kc Dbqui Yqbb Cvfgncr.  Lorem ipsum\n dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.",
    billing_address: null,
    status: "new",
    billing_zip: null,
    client_name: "Eroucys",
    city: null,
    referral: null,
    state: null,
    billing_email: null,
    zip: null,
    rate_send_to_email: null,
    username: "Lusmql",
    main_email: "lusmql@example.com",
    noc_email: null,
  },
];

/** The fields of a registration, in the order DNL's answer has them; those not given are null. */
export const RECORD_FIELDS = Object.keys(SEED_REGISTRATIONS[0]);
