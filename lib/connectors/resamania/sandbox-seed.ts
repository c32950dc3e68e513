/**
 * The sandbox's club network and the contacts it starts with. The emails are the
 * well-known demo addresses of the README (Resamania section).
 */
export const CLIENT_TOKEN = "demoapi";
export const NETWORK_NODE_ID = "1";
export const SOURCE_ID = "7";
/** The club the demo form registers into; the other two are elsewhere in the chain. */
export const CLUBS = { "1": "Club Nice Centre", "2": "Club Toulon Port", "3": "Club Marseille Prado" } as const;
export const HOME_CLUB = "1";

export interface SeedContact {
  id: number;
  clubId: string;
  state: string;
  email: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  gender: string | null;
  mobile: string | null;
}

export const SEED_CONTACTS: SeedContact[] = [
  // Already a contact of this club: cannot register twice.
  { id: 2974221, clubId: "1", state: "client", email: "deja.inscrit@example.fr", givenName: "Test", familyName: "John", birthDate: "1990-01-01", gender: null, mobile: "+33611223344" },
  // A prospect of another club of the chain: can continue, with a migration.
  { id: 10296819, clubId: "2", state: "prospect", email: "prospect.toulon@example.fr", givenName: "Justine", familyName: "Doe", birthDate: "1992-04-22", gender: "female", mobile: "+33612341615" },
  // A former client of another club: cannot be migrated.
  { id: 10296820, clubId: "3", state: "old_client", email: "ancien.marseille@example.fr", givenName: "Marc", familyName: "Durand", birthDate: "1985-09-12", gender: "male", mobile: "+33698761234" },
];
