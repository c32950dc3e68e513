"use client";

import { signOut } from "next-auth/react";

export default function SignOut() {
  return (
    <button type="button" className="fg-link-button" onClick={() => void signOut({ callbackUrl: "/staff/sign-in" })}>
      Sign out
    </button>
  );
}
