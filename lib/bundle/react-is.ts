/**
 * The browser's stand-in for react-is (next.config.mjs). @rjsf/utils asks it one thing: whether
 * a custom widget is a forwardRef or memo component. react-is 18, which it brings, does not know
 * React 19's elements; these two checks read the component's own type marker instead.
 */
const FORWARD_REF = Symbol.for("react.forward_ref");
const MEMO = Symbol.for("react.memo");

const typeOf = (value: unknown) => (typeof value === "object" && value !== null ? (value as { $$typeof?: unknown }).$$typeof : undefined);
const typeOfElement = (element: unknown) => typeOf(typeof element === "object" && element !== null ? (element as { type?: unknown }).type : undefined);

/** An element of a forwardRef component (RJSF asks with `createElement(widget)`). */
export const isForwardRef = (element: unknown) => typeOfElement(element) === FORWARD_REF;
/** A memo component, or an element of one. */
export const isMemo = (value: unknown) => typeOf(value) === MEMO || typeOfElement(value) === MEMO;

const reactIs = { isForwardRef, isMemo };
export default reactIs;
