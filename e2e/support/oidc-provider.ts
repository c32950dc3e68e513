import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/** What the provider vouches for about a person who signs in with their login. */
export interface Person {
  email: string;
  email_verified: boolean;
  name: string;
}

export interface OidcServer {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (panva's oidc-provider, the reference implementation the
 * OpenID Foundation certifies) on a loopback port of its own: discovery, its signing keys,
 * the authorization code flow with PKCE, and its development sign-in pages (a login, any
 * password, then a consent; it warns that they are for development). It knows `people` by
 * login; it lets in one client, whose redirect URI is `redirectUri`. Like a provider that keeps
 * to the letter of OpenID Connect, its ID token carries no email: UserInfo gives it.
 */
export async function startOidcProvider(redirectUri: string, people: Record<string, Person>): Promise<OidcServer> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = "formgate-staff";
  const clientSecret = "e2e-oidc-client-secret-0123456789";
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ["authorization_code"], response_types: ["code"] }],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    cookies: { keys: ["e2e-oidc-cookie-key-0123456789"] },
    pkce: { required: () => true },
    // Ten minutes for everything: longer than any test.
    ttl: { AccessToken: 600, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    async findAccount(_, id) {
      const person = people[id];
      return person ? { accountId: id, claims: async () => ({ sub: id, ...person }) } : undefined;
    },
  });
  server.on("request", provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
