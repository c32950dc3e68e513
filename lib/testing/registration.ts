/** A complete, valid answer set for the Procurios "members" set (77), unique by `id`. Plain TS: usable from Vitest and Playwright. */
export function validRegistration(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    username: id,
    email: `${id}@example.nl`,
    password: "correct horse",
    first_name: "Anna",
    name: "Jansen",
    birth_date: "1990-04-01",
    address: { street: "Fortweg", number: 9, postcode: "3992LX", town: "Houten", country: "NL" },
    membership: "senior",
    terms: true,
    ...overrides,
  };
}
