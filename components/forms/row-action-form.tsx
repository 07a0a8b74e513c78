/**
 * The one-button form of a table row on the admin and profile pages (revoke, disable, enable):
 * a plain post with the row's hidden fields, which comes back to the page with `?done=` or
 * `?error=<code>` (runThenRedirectTarget), so the message outlives the row it changed. Works
 * without JavaScript.
 */
export function RowActionForm({
  action,
  fields,
  label,
  describedAs,
  className,
}: {
  action: (form: FormData) => void | Promise<void>;
  fields: Record<string, string>;
  label: string;
  /** The accessible name, naming the row: "Revoke: Anne Roy, scholar". */
  describedAs: string;
  className?: string;
}) {
  return (
    <form action={action} className={className}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="secondary" aria-label={describedAs}>
        {label}
      </button>
    </form>
  );
}
