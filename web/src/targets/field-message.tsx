/** Messages by field path ("durations.first_response.0.good", "rates.fcr"). */
export type Messages = ReadonlyMap<string, string>;

/** A field's validation message; the field names it in aria-describedby, the summary announces the count. */
export function FieldMessage({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <span className="field-error" id={id} data-testid="field-error">
      {text}
    </span>
  );
}
