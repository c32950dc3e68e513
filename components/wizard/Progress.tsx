import type { Translate } from "@/lib/i18n";

interface Props {
  t: Translate;
  titles: string[];
  /** Index of the current page; -1 when none (the review). */
  current: number;
}

/** "Step 2 of 4" and the list of page titles, the current one marked for assistive technology. */
export default function Progress({ t, titles, current }: Props) {
  return (
    <div className="fg-progress">
      {current >= 0 && (
        <p id="fg-progress-text" className="fg-progress__text">
          {t("stepOf", { current: current + 1, total: titles.length })}
        </p>
      )}
      <ol className="fg-progress__steps">
        {titles.map((title, index) => (
          <li
            key={index}
            className={index === current ? "fg-progress__step fg-progress__step--current" : index < current || current < 0 ? "fg-progress__step fg-progress__step--done" : "fg-progress__step"}
            aria-current={index === current ? "step" : undefined}
          >
            {title}
          </li>
        ))}
      </ol>
    </div>
  );
}
