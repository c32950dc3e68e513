"use client";

import type { IChangeEvent } from "@rjsf/core";
import type { ErrorSchema, RJSFSchema, UiSchema, ValidatorType } from "@rjsf/utils";
import { englishStringTranslator, TranslatableString } from "@rjsf/utils";
import { type FormEvent, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { flushSync } from "react-dom";
import { ThemedForm, type WizardFormContext } from "@/components/theme";
import { watched, type Watched } from "@/components/theme/context";
import type { JsonSchema } from "@/lib/connectors/types";
import type { Answers } from "./schema";

const DEFAULTS = { constAsDefaults: "never", emptyObjectFields: "skipDefaults" } as const;

interface Props {
  schema: JsonSchema;
  /** The page's own validator (see validators.ts). */
  validator: ValidatorType;
  uiSchema: Record<string, unknown>;
  data: Answers;
  /** The answers the page's form reads (FormModel.pageReads): a change to any other leaves it as it is. */
  reads: readonly string[];
  errors: ErrorSchema;
  context: WizardFormContext;
  /** Whether Next's checks are taking a while (usePageFlow): the button says so. */
  checking: Watched<boolean>;
  /** Kept rendered out of sight: a page seen before, or the next one rendered ahead (Wizard.tsx). */
  hidden?: boolean;
  primaryLabel: string;
  onChange: (data: Answers) => void;
  onNext: () => void;
  onBack?: () => void;
}

interface Actions {
  primaryLabel: string;
  backLabel?: string;
}

const sameActions = (a: Actions, b: Actions) => a.primaryLabel === b.primaryLabel && a.backLabel === b.backLabel;

/**
 * The buttons, which listen to what they show (a Watched value) rather than take it as
 * props: new children would make RJSF work out its whole state again, and a context above
 * the form makes React look through the whole form on every change.
 */
function PageActions({ store, checking, onBack }: { store: Watched<Actions>; checking: Watched<boolean>; onBack: () => void }) {
  const { primaryLabel, backLabel } = useSyncExternalStore(store.subscribe, store.get, store.get);
  const busy = useSyncExternalStore(checking.subscribe, checking.get, checking.get);
  return (
    <div className="fg-actions">
      <button type="submit" className="fg-button" disabled={busy}>
        {primaryLabel}
      </button>
      {backLabel && (
        <button type="button" className="fg-button fg-button--secondary" onClick={onBack}>
          {backLabel}
        </button>
      )}
    </div>
  );
}

/** The same answers, value for value: what the wizard stores of a change RJSF reported. */
function sameAnswers(a: Answers, b: Answers): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && a[key] === b[key]);
}

/**
 * The answers the page reads, as the same object while none of them changed: a page kept
 * rendered out of sight (Wizard.tsx) is not worked out again for answers on other pages.
 */
function useReadAnswers(data: Answers, reads: readonly string[]): Answers {
  const last = useRef<Answers | undefined>(undefined);
  const read = Object.fromEntries(reads.filter((name) => Object.hasOwn(data, name)).map((name) => [name, data[name]]));
  if (!last.current || !sameAnswers(read, last.current)) last.current = read;
  return last.current;
}

/**
 * One page of the form. RJSF validates nothing itself here (noValidate): the
 * wizard decides on "Next" and hands every message back as extraErrors, so the
 * browser's and the server's errors show up the same way.
 *
 * While someone types, RJSF already holds the answers it reported: the wizard's
 * copy of them coming back would only make it work out the whole page again. So the
 * form is rendered again only when something else changed (errors, the username
 * check, answers from elsewhere such as a restored draft), then with the latest answers.
 * Text fields tell RJSF what is typed when typing pauses (components/theme/typing.ts); Next
 * and Back have them tell it at once, and RJSF and the wizard take it in, before the answers
 * are read (the wizard does the same for the browser's Back and for the draft as the page goes away).
 */
export default function FormPage({ schema, validator: given, uiSchema, data: all, reads, errors, context, checking, hidden = false, primaryLabel, onChange, onNext, onBack }: Props) {
  const { t } = context;
  // The validator the page mounted with: RJSF resolves the page's conditions with it once, and a
  // new one arriving while someone types would make RJSF start over from answers a keystroke old.
  // A page with conditions only its own validator decides is mounted again when it arrives (Wizard.tsx).
  const [validator] = useState(given);
  const data = useReadAnswers(all, reads);
  const handlers = useRef({ onChange, onNext, onBack });
  useEffect(() => {
    handlers.current = { onChange, onNext, onBack };
  });

  const reported = useRef<Answers | undefined>(undefined);
  const seen = useRef(data);
  const answers = useRef(0);
  if (data !== seen.current) {
    seen.current = data;
    if (!reported.current || !sameAnswers(data, reported.current)) answers.current++;
  }

  const translateString = useMemo(
    () => (text: TranslatableString, params?: string[]) =>
      text === TranslatableString.YesLabel ? t("yes") : text === TranslatableString.NoLabel ? t("no") : englishStringTranslator(text, params),
    [t],
  );
  const handleChange = useCallback((event: IChangeEvent) => {
    reported.current = (event.formData ?? {}) as Answers;
    handlers.current.onChange(reported.current);
  }, []);
  // What the text fields have not told RJSF yet, told and taken in now (components/theme/typing.ts).
  const typed = useCallback(() => flushSync(() => context.typing?.flush()), [context.typing]);
  // Next (the button, or Enter in a field) goes straight to the wizard: RJSF's own submit, which
  // validates nothing here (noValidate), would only render the whole page once more on the way.
  const handleSubmit = useCallback(
    (event: FormEvent) => {
      event.preventDefault();
      event.stopPropagation();
      typed();
      handlers.current.onNext();
    },
    [typed],
  );
  const actions = { primaryLabel, backLabel: onBack ? t("back") : undefined };
  const [store] = useState(() => watched(actions));
  useLayoutEffect(() => {
    if (!sameActions(store.get(), actions)) store.set(actions);
  });
  const [buttons] = useState(() => (
    <PageActions
      store={store}
      checking={checking}
      onBack={() => {
        typed();
        handlers.current.onBack?.();
      }}
    />
  ));

  // `data` is read at the latest render that changed anything else: RJSF must never be handed older answers than its own.
  const form = useMemo(
    () => (
      <ThemedForm
        className="fg-form"
        schema={schema as RJSFSchema}
        uiSchema={uiSchema as UiSchema}
        formData={data}
        validator={validator}
        formContext={context}
        extraErrors={errors}
        noValidate
        noHtml5Validate
        showErrorList={false}
        translateString={translateString}
        // A consent box (const: true) must start unticked: ticking it is the person's choice.
        experimental_defaultFormStateBehavior={DEFAULTS}
        onChange={handleChange}
      >
        {buttons}
      </ThemedForm>
    ),
    // `data` only through `answers`, see above
    [schema, uiSchema, validator, context, errors, translateString, handleChange, answers.current],
  );
  // Shown or hidden, the form itself is the same element: React leaves it alone.
  return (
    <div className="fg-page" hidden={hidden} onSubmitCapture={handleSubmit}>
      {form}
    </div>
  );
}
