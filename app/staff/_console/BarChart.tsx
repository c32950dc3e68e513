import TableHead from "./TableHead";
import type { ConsoleText } from "./texts";

export interface Bar {
  label: string;
  value: number;
}

/**
 * A horizontal bar chart drawn on the server as plain SVG: no script, nothing for the
 * browser to load. The SVG is an image with a text alternative; the table after it says
 * the same in numbers, for screen readers and for copying (each chart has its table).
 */
export default function BarChart({ title, bars, unit = "", id, t }: { title: string; bars: Bar[]; unit?: string; id: string; t: ConsoleText }) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const row = 22;
  const labelWidth = 220;
  const width = 640;
  const height = Math.max(row, bars.length * row);
  const summary = bars.map((bar) => `${bar.label}: ${bar.value}${unit}`).join("; ");
  return (
    <figure className="fg-staff-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      {bars.length > 0 && (
        <svg role="img" aria-label={`${title}. ${summary}`} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width }} focusable="false">
          {bars.map((bar, index) => {
            const length = Math.round(((width - labelWidth - 60) * bar.value) / max);
            const y = index * row;
            return (
              <g key={`${bar.label}-${index}`}>
                <text x={labelWidth - 8} y={y + 15} textAnchor="end" fontSize="12" fill="currentColor">
                  {bar.label.length > 32 ? `${bar.label.slice(0, 31)}…` : bar.label}
                </text>
                <rect x={labelWidth} y={y + 4} width={Math.max(bar.value > 0 ? 2 : 0, length)} height={row - 8} fill="#1d70b8" />
                <text x={labelWidth + length + 6} y={y + 15} fontSize="12" fill="currentColor">
                  {bar.value}
                  {unit}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      <table className="fg-staff-table" data-chart={id}>
        <caption className="fg-visually-hidden">{t("tableView", { title })}</caption>
        <TableHead columns={[t("columnItem"), t("columnValue")]} />
        <tbody>
          {bars.length === 0 ? (
            <tr>
              <td colSpan={2}>{t("nothingInRange")}</td>
            </tr>
          ) : (
            bars.map((bar, index) => (
              <tr key={`${bar.label}-${index}`}>
                <th scope="row">{bar.label}</th>
                <td>
                  {bar.value}
                  {unit}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </figure>
  );
}
