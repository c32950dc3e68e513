/** A page-level message: form not found, form unavailable. */
export default function Notice({ title, body }: { title: string; body: string }) {
  return (
    <div className="fg-notice">
      <h1 className="fg-heading">{title}</h1>
      <p className="fg-lead">{body}</p>
    </div>
  );
}
