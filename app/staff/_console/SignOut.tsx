"use client";

import { signOut } from "./auth-client";

export default function SignOut() {
  return (
    <button type="button" className="fg-link-button" onClick={() => void signOut("/staff/sign-in")}>
      Sign out
    </button>
  );
}
