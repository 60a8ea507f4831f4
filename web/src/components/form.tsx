import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/index.js';
import { errorsUnder, pointerSegments, type FieldErrors } from '../api/problem.js';

/**
 * Labelled form controls that show the API's field errors (problem JSON `errors[].path`) right
 * under the field they name. Every control has a visible label; hints and errors are tied to it
 * with aria-describedby so a screen reader reads them with the field.
 */

/** The field name a pointer ends in (`/skills/2/level` → `level`, `/3/headcount` → `headcount`). */
const fieldName = (path: string): string => [...pointerSegments(path)].reverse().find((s) => !/^\d+$/.test(s)) ?? '';

/**
 * One field error in plain words. The API's messages are English and technical, so in Chinese a
 * field's own hint stands in for them; the server's words are added only where no hint exists,
 * or where the value came from a file (`detail`), because there they quote what the file said.
 */
export function ErrorText({ path, message, detail = false }: { path: string; message: string; detail?: boolean }) {
  const { t, lang } = useI18n();
  if (lang === 'en') return <>{message}</>;
  const own = (t.fieldHints as Record<string, string>)[fieldName(path)];
  return (
    <>
      {own ?? t.fieldHintGeneric}
      {own && !detail ? null : (
        <span class="server-says">
          {t.serverSays}
          <span lang="en">{message}</span>
        </span>
      )}
    </>
  );
}

interface FieldProps {
  readonly id: string;
  readonly label: string;
  /** The JSON Pointer of the field in the request body, to find its errors. */
  readonly pointer?: string;
  readonly errors?: FieldErrors | undefined;
  readonly hint?: ComponentChildren;
  readonly optional?: boolean;
}

/** The messages and ids a control needs to describe itself. */
function useFieldMeta({ id, pointer, errors, hint }: FieldProps) {
  const list = pointer ? errorsUnder(errors, pointer) : [];
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = list.length > 0 ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { list, hintId, errorId, describedBy, invalid: list.length > 0 };
}

function FieldShell(props: FieldProps & { children: ComponentChildren; meta: ReturnType<typeof useFieldMeta> }) {
  const { t } = useI18n();
  return (
    <div class="field">
      <label for={props.id}>
        {props.label}
        {props.optional ? <span class="optional">{t.optionalMark}</span> : null}
      </label>
      {props.hint ? (
        <span class="hint" id={props.meta.hintId}>
          {props.hint}
        </span>
      ) : null}
      {props.meta.list.length > 0 ? (
        <span class="field-error" id={props.meta.errorId}>
          {props.meta.list.map((e) => (
            <span key={e.path + e.message} style="display:block">
              <ErrorText path={e.path} message={e.message} />
            </span>
          ))}
        </span>
      ) : null}
      {props.children}
    </div>
  );
}

type InputAttrs = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onInput'>;

export function TextField(props: FieldProps & { value: string; onValue: (v: string) => void; input?: InputAttrs }) {
  const meta = useFieldMeta(props);
  return (
    <FieldShell {...props} meta={meta}>
      <input
        id={props.id}
        name={props.id}
        type="text"
        value={props.value}
        onInput={(e) => props.onValue(e.currentTarget.value)}
        aria-invalid={meta.invalid ? 'true' : undefined}
        aria-describedby={meta.describedBy}
        {...props.input}
      />
    </FieldShell>
  );
}

export function NumberField(props: FieldProps & { value: string; onValue: (v: string) => void; min?: number; max?: number; step?: number }) {
  const meta = useFieldMeta(props);
  return (
    <FieldShell {...props} meta={meta}>
      <input
        id={props.id}
        name={props.id}
        type="number"
        inputMode="numeric"
        value={props.value}
        min={props.min}
        max={props.max}
        step={props.step ?? 1}
        onInput={(e) => props.onValue(e.currentTarget.value)}
        aria-invalid={meta.invalid ? 'true' : undefined}
        aria-describedby={meta.describedBy}
      />
    </FieldShell>
  );
}

export function TextArea(props: FieldProps & { value: string; onValue: (v: string) => void; rows?: number; maxLength?: number }) {
  const meta = useFieldMeta(props);
  return (
    <FieldShell {...props} meta={meta}>
      <textarea
        id={props.id}
        name={props.id}
        rows={props.rows ?? 6}
        maxLength={props.maxLength}
        value={props.value}
        onInput={(e) => props.onValue(e.currentTarget.value)}
        aria-invalid={meta.invalid ? 'true' : undefined}
        aria-describedby={meta.describedBy}
      />
    </FieldShell>
  );
}

export function SelectField<V extends string>(
  props: FieldProps & { value: V | ''; onValue: (v: V) => void; options: ReadonlyArray<{ value: V; label: string }>; placeholder?: string },
) {
  const meta = useFieldMeta(props);
  return (
    <FieldShell {...props} meta={meta}>
      <select
        id={props.id}
        name={props.id}
        value={props.value}
        onChange={(e) => props.onValue(e.currentTarget.value as V)}
        aria-invalid={meta.invalid ? 'true' : undefined}
        aria-describedby={meta.describedBy}
      >
        {props.placeholder !== undefined ? (
          <option value="" disabled>
            {props.placeholder}
          </option>
        ) : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/**
 * The errors of a rejected request at the top of the form, each a link to its field, focused so
 * keyboard and screen-reader users learn at once that something needs fixing. `fields` maps a
 * pointer to its control's id and label; errors no field claims are listed as they are.
 */
export function ErrorSummary({
  error,
  fields,
}: {
  error: { title: string; fieldErrors: FieldErrors } | undefined;
  fields: ReadonlyArray<{ pointer: string; id: string; label: string }>;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  const rows: Array<{ key: string; path: string; message: string; target?: { id: string; label: string } }> = [];
  for (const [path, messages] of error.fieldErrors) {
    const target = fields.find((f) => path === f.pointer || path.startsWith(`${f.pointer}/`));
    for (const message of messages) rows.push({ key: path + message, path, message, ...(target ? { target } : {}) });
  }
  return (
    <div class="notice error" role="alert" tabIndex={-1} ref={ref}>
      <h2>{error.title}</h2>
      {rows.length > 0 ? (
        <ul>
          {rows.map((r) => (
            <li key={r.key}>
              {r.target ? (
                <a
                  href={`#${r.target.id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    document.getElementById(r.target!.id)?.focus();
                  }}
                >
                  {r.target.label}
                </a>
              ) : (
                <code>{r.path}</code>
              )}
              {t.colon}
              <ErrorText path={r.path} message={r.message} />
            </li>
          ))}
        </ul>
      ) : null}
      <p>{t.keptYourInput}</p>
    </div>
  );
}

/** A form's send and cancel buttons: send is disabled, and says it is busy, while the request runs. */
export function SendOrCancel({ busy, send, busyLabel, onCancel, cancelLabel }: { busy: boolean; send: string; busyLabel: string; onCancel: () => void; cancelLabel: string }) {
  return (
    <div class="actions">
      <button type="submit" class="primary" disabled={busy}>
        {busy ? busyLabel : send}
      </button>
      <button type="button" onClick={onCancel}>
        {cancelLabel}
      </button>
    </div>
  );
}

/** A short status message read out politely by screen readers. */
export function Notice({ kind = 'info', children }: { kind?: 'info' | 'ok' | 'warn' | 'error'; children: ComponentChildren }) {
  return (
    <div class={`notice ${kind === 'info' ? '' : kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/**
 * A table that may scroll sideways on a phone: focusable and named, so keyboard users can scroll
 * it too (a scrollable region nobody can focus is a dead end for them).
 */
export function TableWrap({ label, card = false, children }: { label: string; card?: boolean; children: ComponentChildren }) {
  return (
    <div class={card ? 'table-wrap card' : 'table-wrap'} tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
