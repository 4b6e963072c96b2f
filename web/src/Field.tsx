/** A labelled text or date input. */
export function Field(props: { id: string; label: string; value: string; onValue: (value: string) => void; type?: 'text' | 'date'; required?: boolean }) {
  // Preact's input typing ties `type` to a literal union per attribute set; one input serves both here.
  const type = (props.type ?? 'text') as 'text';
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input id={props.id} type={type} value={props.value} required={props.required} onInput={(e) => props.onValue(e.currentTarget.value)} />
    </div>
  );
}
