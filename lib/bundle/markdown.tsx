import { lazy, Suspense, type ComponentProps } from "react";
// The package's own file, by path: the bare name is aliased to this module (next.config.mjs).
import type { Markdown as RealMarkdown } from "../../node_modules/markdown-to-jsx/dist/react.js";

/**
 * Stands in for markdown-to-jsx/react under RJSF (next.config.mjs). RJSF renders
 * markdown only when a uiSchema asks for it (ui:enableMarkdownInDescription, …) and
 * on a few error paths, so the 27 KB (gzip) parser loads only when one renders.
 */
const Lazy = lazy(() => import("../../node_modules/markdown-to-jsx/dist/react.js").then((module) => ({ default: module.Markdown })));

export function Markdown(props: ComponentProps<typeof RealMarkdown>) {
  return (
    <Suspense fallback={null}>
      <Lazy {...props} />
    </Suspense>
  );
}
