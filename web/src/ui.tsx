/** Small building blocks the views share. */
import type { ComponentChildren } from 'preact';

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

/** A form that stays on the page: submitting (a button or Enter) calls `onSubmit`. */
export function Form({ onSubmit, children, ...rest }: { onSubmit: () => void; children: ComponentChildren; class?: string; 'aria-labelledby'?: string }) {
  return (
    <form
      {...rest}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}

/** Label–value pairs; pairs whose value is undefined are left out. */
export function Facts({ items, label, class: className = '' }: { items: [string, ComponentChildren | undefined][]; label?: string; class?: string }) {
  return (
    <dl class={`facts ${className}`} aria-label={label}>
      {items
        .filter(([, value]) => value !== undefined)
        .map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
