import { useRef } from "react";
import type { EmailStatus, UsernameStatus, Watched } from "@/components/theme/context";
import { checkUsername, formApi, validatePage, type EmailVerdict } from "./api";
import { cleanAnswers } from "./formModel";
import { errorKinds } from "./insights";
import type { FieldMessages } from "./paths";
import type { Destination } from "./retype";
import type { ReviewRow } from "./reviewRows";
import type { WizardHookOptions } from "./wizardState";

/** A check's messages for the page, and what it newly learnt (kept in the wizard's state). */
interface Verdict<Status> {
  messages: FieldMessages;
  status?: Status;
}

function sameMessages(a: FieldMessages, b: FieldMessages): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/**
 * Whether moving focus to the summary again would not pull it away from someone: typing,
 * or already on one of the summary's links (the link stays, with the server's words).
 */
function focusIsIdle(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || active.matches(".fg-error-summary") || active.closest(".fg-actions") !== null;
}

/** The browser's checks (loaded on first use), or undefined when they could not be loaded. */
const browserChecks = () => import("./browserValidation").catch(() => undefined);

// How long Next's checks may take before its button shows them under way.
const SHOW_CHECKING_MS = 150;

/** Back, Next (browser check, then server check, then the username), and the review's Change links. */
export function usePageFlow({
  definition,
  model,
  state,
  dispatch,
  t,
  emit,
  validators,
  destination,
  checking,
  emailStatus,
}: WizardHookOptions & {
  destination: (step: number, retype: string[]) => Destination;
  /** Whether Next's checks are taking a while: the page's button shows it, and nothing else renders for it. */
  checking: Watched<boolean> & { set: (value: boolean) => void };
  /** What the email widget shows: "checking" goes there alone, the verdict through the wizard's state. */
  emailStatus: { set: (value: EmailStatus) => void };
}) {
  // Each navigation or Next starts a new attempt; answers to an older one are ignored.
  const attempt = useRef(0);
  // Next's checks under way (a second Next waits), and the timer that shows it on the button.
  const inFlight = useRef(false);
  const slow = useRef<ReturnType<typeof setTimeout>>(undefined);
  const settle = () => {
    inFlight.current = false;
    clearTimeout(slow.current);
    checking.set(false);
  };
  const reviewStep = definition.pages.length;

  /** The page's username checked on Next, if the check while typing has not said yet; `status` when newly known. */
  const usernameVerdict = async (index: number, status: UsernameStatus): Promise<Verdict<UsernameStatus>> => {
    const field = model.usernameField;
    const value = field ? state.data[field] : undefined;
    if (!field || !definition.pages[index].fields.includes(field) || typeof value !== "string" || !value.trim()) return { messages: {} };
    let current = status;
    let known: UsernameStatus | undefined;
    if (current.value !== value.trim() || current.state === "checking" || current.state === "idle") {
      const available = await checkUsername(formApi(definition), value.trim(), AbortSignal.timeout(5_000)).catch(() => null);
      current = known = { value: value.trim(), state: available === null ? "unknown" : available ? "available" : "taken" };
    }
    return { messages: current.state === "taken" ? { [field]: t("usernameTaken", { value: current.value }) } : {}, status: known };
  };

  /** The page's email address, when its check applies (the browser finds it well formed). */
  const emailOf = (index: number, browserError: boolean): string | undefined => {
    const field = model.emailField;
    const value = field ? state.data[field] : undefined;
    return field && !browserError && definition.pages[index].fields.includes(field) && typeof value === "string" && value.trim() ? value.trim() : undefined;
  };

  /**
   * The vendor's verdict on the page's email address, asked on Next with the page's own check
   * (once per address; `verdict`: the answer, when asked): registered here, or not movable from
   * another club, stops the person with a kind error; "transferable" asks them to choose to
   * continue (the widget's checkbox).
   */
  const emailVerdict = (address: string | undefined, asked: boolean, verdict: EmailVerdict | null | undefined): Verdict<EmailStatus> => {
    if (!address) return { messages: {} };
    const status = state.email;
    const current: EmailStatus = asked ? { value: address, state: verdict ?? "unknown", transfer: status.value === address && status.transfer } : status;
    const message =
      current.state === "registered" ? t("emailRegistered")
      : current.state === "not_transferable" ? t("emailNotTransferable")
      : current.state === "transferable" && !current.transfer ? t("emailTransferChoose")
      : undefined;
    return { messages: message ? { [model.emailField!]: message } : {}, status: asked ? current : undefined };
  };

  const next = async () => {
    if (inFlight.current || state.busy) return;
    const mine = ++attempt.current;
    inFlight.current = true;
    // A quick answer moves on with nothing shown in between; a slow one shows the button busy.
    slow.current = setTimeout(() => checking.set(true), SHOW_CHECKING_MS);
    try {
      await check(mine);
    } finally {
      // Whatever happened, Next can be pressed again (unless Back or a newer Next took over).
      if (mine === attempt.current) settle();
    }
  };

  const check = async (mine: number) => {
    const index = state.step;
    // The browser's wording of errors loads with the first Next (its validators, on the first focus).
    // If it cannot load (a dropped connection), the server's check decides alone, as with a validator.
    const [{ root, page }, checks] = await Promise.all([validators(index), browserChecks()]);
    if (mine !== attempt.current) return;
    const data = cleanAnswers(definition, state.data, root);
    const browser = checks ? checks.validateInBrowser(page, model.pageSchemas[index], data, definition.schema, t) : {};
    const taken = model.usernameField && state.username.state === "taken" && state.username.value === data[model.usernameField]
      ? { [model.usernameField]: t("usernameTaken", { value: state.username.value }) }
      : {};
    const local = { ...browser, ...taken };
    if (Object.keys(local).length > 0) dispatch({ type: "errors", errors: local, focus: true });

    // The email check rides with the page's (one request); like Next's button, its widget says
    // "checking" only once the answer takes a while.
    const address = emailOf(index, Boolean(model.emailField && browser[model.emailField]));
    const asked = Boolean(address) && (state.email.value !== address || ["idle", "checking", "unknown"].includes(state.email.state));
    const slowEmail = asked ? setTimeout(() => emailStatus.set({ value: address!, state: "checking", transfer: state.email.value === address && state.email.transfer }), SHOW_CHECKING_MS) : undefined;
    const [server, usernameCheck] = await Promise.all([validatePage(formApi(definition), index + 1, data, asked ? ["email"] : []), usernameVerdict(index, state.username)]);
    clearTimeout(slowEmail);
    const emailCheck = emailVerdict(address, asked, server.ok ? server.email : null);
    // The checks' verdicts are kept whatever happened since, and render once with where Next goes.
    if (usernameCheck.status) dispatch({ type: "username", status: usernameCheck.status });
    if (emailCheck.status) dispatch({ type: "email", status: emailCheck.status });
    if (mine !== attempt.current) return;
    const username = usernameCheck.messages;
    const email = emailCheck.messages;

    // The server's message wins for the same field: it carries the vendor's own wording.
    // Unlike the server's own merge, a vendor error on "address" does not hide the
    // browser's errors on its parts: those say which part to fix. A username the
    // live check found taken keeps the check's message, which names it.
    const verdict = { ...browser, ...(server.ok ? server.errors : {}), ...username, ...email };
    if (Object.keys(verdict).length === 0) {
      const step = state.changing ? reviewStep : index + 1;
      // A password a reload dropped is asked for before the review (retype.ts).
      const to = destination(step, state.retype);
      const changing = to.changing ?? (step === reviewStep ? false : state.changing);
      dispatch({ type: "go", step: to.step, changing, focusField: to.focusField, notice: server.ok ? undefined : t("validationUnavailable") });
      return;
    }
    const shown = Object.keys(local).length > 0 ? local : {};
    const field = model.usernameField;
    dispatch({ type: "errors", errors: verdict, focus: !sameMessages(verdict, shown) && focusIsIdle(), checked: field ? { field, value: data[field] } : undefined });
    // For the insights: the email check's "registered here" is a taken address; "not movable
    // from another club" the vendor's refusal; a transfer not yet chosen, a required choice.
    const emailMessage = email[model.emailField ?? ""];
    const emailKind = emailMessage === t("emailRegistered") ? "taken" : emailMessage === t("emailNotTransferable") ? "vendor-refused" : "required";
    const kinds = { ...errorKinds({ browser, server: server.ok ? server.errors : {}, taken: { ...taken, ...username }, data }), ...(emailMessage ? { [model.emailField!]: emailKind } : {}) };
    emit({ type: "validation-failed", detail: { page: index + 1, fields: Object.keys(verdict), kinds } });
  };

  /**
   * Next's own checks, run once unseen while the person is still on the page and the browser
   * is idle: the code they run (cleaning the answers, the page's validator, the wording of its
   * errors) is compiled then, not on the click that needs the answer at once.
   */
  const rehearse = async () => {
    const index = state.step;
    if (index >= reviewStep) return;
    const data = state.data;
    // The checks' code loads now in every browser; only the rehearsal needs idle callbacks.
    const [{ root, page }, checks] = await Promise.all([validators(index), browserChecks()]);
    if (typeof requestIdleCallback !== "function") return;
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2_000 }));
    try {
      checks?.validateInBrowser(page, model.pageSchemas[index], cleanAnswers(definition, data, root), definition.schema, t);
    } catch {
      // only the compiling matters here; Next runs the checks for real
    }
  };

  const back = () => {
    attempt.current++;
    settle();
    const step = state.step === reviewStep ? reviewStep - 1 : Math.max(0, state.step - 1);
    dispatch({ type: "go", step, changing: state.step === reviewStep ? false : state.changing });
  };

  const change = (row: ReviewRow) => {
    attempt.current++;
    settle();
    dispatch({ type: "go", step: row.page, changing: true, focusField: row.field });
  };

  return { next, back, change, rehearse };
}
