import type { DescriptionFieldProps } from "@rjsf/utils";

/** Hint text under a label (GOV.UK "hint"); its id is in the input's aria-describedby. */
export default function DescriptionField({ id, description }: DescriptionFieldProps) {
  if (!description) return null;
  return (
    <div id={id} className="fg-hint">
      {description}
    </div>
  );
}
