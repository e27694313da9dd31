/** Pieces the claims area's panels share: the section props, amount input, clipboard, jumping to a field. */
import { useState } from 'react';
import type { Currency, Jurisdiction } from '../../../shared/case/schema';
import type { IssueTarget } from '../../../shared/letters/check';
import { useI18n } from '../i18n/i18n';
import type { CaseRow, EvidenceRow } from '../store/db';
import { Field } from '../ui/field';

/** What every panel of the area receives. */
export interface PanelProps {
  draft: CaseRow;
  update: (change: (row: CaseRow) => CaseRow) => void;
  exhibits: readonly EvidenceRow[];
  today: string;
}

/** An action that can be taken back for a few seconds after it happened. */
export interface UndoOffer {
  message: string;
  undo: () => void;
}

export const CURRENCIES: readonly Currency[] = ['TWD', 'CNY', 'HKD', 'USD', 'EUR', 'JPY', 'GBP'];

/** `text` trimmed, or undefined when empty (optional schema fields stay absent rather than ''). */
export const opt = (text: string) => (text.trim() === '' ? undefined : text);

/** Moves an item of a list from one index to another (a new array). */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/** Copies text to the clipboard; resolves to an error message or undefined. */
export async function copyText(text: string): Promise<string | undefined> {
  try {
    await navigator.clipboard.writeText(text);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Focuses a field by name or id as soon as it is on screen (after a section change it renders a moment later). */
export function focusWhenReady(field: string, tries = 40): void {
  const found = document.querySelector<HTMLElement>(`[name="${CSS.escape(field)}"]`) ?? document.getElementById(field);
  // A wrapper (a claim's field, a card) focuses its first control, or itself when it has none.
  const el = found && !found.matches('input, textarea, select, button') ? found.querySelector<HTMLElement>('input, textarea, select, button') ?? found : found;
  if (el) {
    el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    el.focus({ preventScroll: true });
    el.classList.add('cl-flash');
    setTimeout(() => el.classList.remove('cl-flash'), 1600);
  } else if (tries > 0) setTimeout(() => focusWhenReady(field, tries - 1), 50);
}

/** Takes the user to where an issue is fixed: another section by its hash, or a field in this one. */
export function jumpTo(caseId: string, target: IssueTarget): void {
  if (target.section !== 'claims') window.location.hash = `#/case/${encodeURIComponent(caseId)}/${target.section}`;
  if (target.field) focusWhenReady(target.field);
}

/** A money amount typed as text: partial input (`386.`) stays on screen, valid numbers are saved. */
export function AmountInput({ label, value, onChange, name, optional }: {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  name: string;
  optional?: string;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(value === undefined ? '' : String(value));
  // Follow outside changes (e.g. "Use 100" from the calculation check) unless they are what was
  // typed; during the render that brings them, so the field never shows the old amount beside a
  // check that already agrees with the new one.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    if (!(Number(text.replace(/,/g, '')) === value && text.trim() !== '')) setText(value === undefined ? '' : String(value));
  }
  const parsed = Number(text.replace(/,/g, ''));
  const isInvalid = text.trim() !== '' && !Number.isFinite(parsed);
  return (
    <Field label={label} error={isInvalid ? t('claims.amount.invalid') : undefined} {...(optional ? { optional } : {})}>
      {(props) => (
        <input className="input cl-amount" {...props} name={name} inputMode="decimal" value={text}
          onChange={(e) => {
            const next = e.target.value;
            setText(next);
            const n = Number(next.replace(/,/g, ''));
            if (next.trim() === '') onChange(undefined);
            else if (Number.isFinite(n)) onChange(n);
          }} />
      )}
    </Field>
  );
}

/** A currency picker defaulting to the jurisdiction's currency. */
export function CurrencySelect({ value, jurisdiction, onChange, name }: {
  value: Currency | undefined;
  jurisdiction: Jurisdiction;
  onChange: (c: Currency) => void;
  name: string;
}) {
  const { t } = useI18n();
  const fallback: Currency = jurisdiction === 'TW' ? 'TWD' : jurisdiction === 'CN' ? 'CNY' : 'HKD';
  return (
    <Field label={t('claims.claim.currency')}>
      {(props) => (
        <select className="input" {...props} name={name} value={value ?? fallback} onChange={(e) => onChange(CURRENCIES.find((c) => c === e.target.value) ?? fallback)}>
          {CURRENCIES.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      )}
    </Field>
  );
}
