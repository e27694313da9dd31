/** Numbered claims: add, reorder (buttons and Alt+↑/↓), delete with undo, link exhibits and events, amounts with a checked calculation. */
import { useRef } from 'react';
import { ClaimIdSchema, type Claim, type EventId, type EvidenceId } from '../../../shared/case/schema';
import { checkCalculation, claimTotals } from '../../../shared/letters/arithmetic';
import { defaultCurrency, formatMoney, formatNumber } from '../../../shared/letters/format';
import { useServices } from '../app-context';
import { exhibitLabel } from '../../../shared/case/exhibit-label';
import { useI18n } from '../i18n/i18n';
import { TextField, Field } from '../ui/field';
import { AmountInput, CurrencySelect, move, opt, type PanelProps, type UndoOffer } from './claims-common';

function CalculationStatus({ claim, onUse }: { claim: Claim; onUse: (value: number) => void }) {
  const { t } = useI18n();
  const check = checkCalculation(claim.calculation, claim.amount);
  switch (check.state) {
    case 'empty': return null;
    case 'ok': return <p className="cl-calc ok" data-state="ok">✓ {t('claims.calc.ok', { value: formatNumber(check.value) })}</p>;
    case 'no-amount':
      return (
        <p className="cl-calc info" data-state="no-amount">{t('claims.calc.noAmount', { value: formatNumber(check.value) })}
          <button type="button" className="button ghost small" onClick={() => onUse(check.value)}>{t('claims.calc.useValue', { value: formatNumber(check.value) })}</button></p>
      );
    case 'mismatch':
      return (
        <p className="cl-calc warn" role="alert" data-state="mismatch">⚠ {t('claims.calc.mismatch', { value: formatNumber(check.value), amount: formatNumber(check.amount) })}
          <button type="button" className="button ghost small" onClick={() => onUse(check.value)}>{t('claims.calc.useValue', { value: formatNumber(check.value) })}</button></p>
      );
    case 'unreadable': return <p className="cl-calc warn" role="alert" data-state="unreadable">⚠ {t('claims.calc.unreadable')}</p>;
  }
}

export function ClaimsEditor({ draft, update, exhibits, offerUndo }: PanelProps & { offerUndo: (offer: UndoOffer) => void }) {
  const { t, language } = useI18n();
  const { env } = useServices();
  const listRef = useRef<HTMLOListElement>(null);
  const claims = draft.claims;
  const setClaim = (id: string, change: (c: Claim) => Claim) => update((row) => ({ ...row, claims: row.claims.map((c) => (c.id === id ? change(c) : c)) }));

  const add = () => {
    const id = ClaimIdSchema.parse(env.newId());
    update((row) => ({ ...row, claims: [...row.claims, { id, title: '', detail: '', evidence: [], events: [] }] }));
    setTimeout(() => document.getElementById(`claim-${id}-title`)?.querySelector('input')?.focus(), 0);
  };
  const reorder = (from: number, to: number) => {
    const active = document.activeElement;
    update((row) => ({ ...row, claims: move(row.claims, from, to) }));
    // Moving a node can drop its focus: put it back on the same control.
    requestAnimationFrame(() => { if (active instanceof HTMLElement && active.isConnected && document.activeElement !== active) active.focus(); });
  };
  const remove = (index: number) => {
    const claim = claims[index];
    if (!claim) return;
    update((row) => ({ ...row, claims: row.claims.filter((c) => c.id !== claim.id) }));
    offerUndo({
      message: t('claims.deleted', { title: claim.title.trim() || t('claims.untitled') }),
      undo: () => update((row) => (row.claims.some((c) => c.id === claim.id) ? row : { ...row, claims: [...row.claims.slice(0, index), claim, ...row.claims.slice(index)] })),
    });
  };
  const toggle = <T extends string>(list: readonly T[], id: T) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  const totals = claimTotals(claims, defaultCurrency(draft.jurisdiction));
  const events = [...draft.events].sort((a, b) => (a.date === b.date ? (a.time ?? '').localeCompare(b.time ?? '') : a.date.localeCompare(b.date)));

  return (
    <section className="card cl-card" id="claims" tabIndex={-1} aria-labelledby="claims-title">
      <div className="card-title-row">
        <h3 id="claims-title">{t('claims.claims.title')}</h3>
        {claims.length > 0 ? <button type="button" className="button small" onClick={add}>＋ {t('claims.claims.add')}</button> : null}
      </div>
      <p className="card-hint">{t('claims.claims.hint')}</p>
      {claims.length === 0 ? (
        <div className="cl-empty">
          <p>{t('claims.claims.empty')}</p>
          <button type="button" className="button primary" onClick={add}>＋ {t('claims.claims.add')}</button>
        </div>
      ) : (
        <ol className="cl-claims" ref={listRef}>
          {claims.map((claim, i) => {
            const n = i + 1;
            return (
              <li key={claim.id} className="cl-claim" data-claim={n}
                onKeyDown={(e) => {
                  if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
                  e.preventDefault();
                  reorder(i, e.key === 'ArrowUp' ? i - 1 : i + 1);
                }}>
                <div className="cl-claim-head">
                  <span className="cl-number" aria-hidden="true">{n}</span>
                  <div className="cl-grow" id={`claim-${claim.id}-title`}>
                    <TextField label={t('claims.claim.number', { n })} name="claim-title" value={claim.title}
                      placeholder={t('claims.claim.titlePlaceholder')} onChange={(title) => setClaim(claim.id, (c) => ({ ...c, title }))}
                      error={claim.title.trim() === '' && (claim.detail.trim() !== '' || claim.amount !== undefined) ? t('claims.claim.titleRequired') : undefined} />
                  </div>
                  <div className="cl-row-actions">
                    <button type="button" className="button ghost small" aria-label={t('claims.claim.moveUp', { n })} title={t('claims.claim.moveUp', { n })} disabled={i === 0} onClick={() => reorder(i, i - 1)}>↑</button>
                    <button type="button" className="button ghost small" aria-label={t('claims.claim.moveDown', { n })} title={t('claims.claim.moveDown', { n })} disabled={i === claims.length - 1} onClick={() => reorder(i, i + 1)}>↓</button>
                    <button type="button" className="button ghost small danger" aria-label={t('claims.claim.delete', { n })} title={t('claims.claim.delete', { n })} onClick={() => remove(i)}>✕</button>
                  </div>
                </div>
                <Field label={t('claims.claim.detail')}>
                  {(props) => <textarea className="input cl-textarea" {...props} name="claim-detail" rows={2} placeholder={t('claims.claim.detailPlaceholder')} value={claim.detail}
                    onChange={(e) => { const detail = e.target.value; setClaim(claim.id, (c) => ({ ...c, detail })); }} />}
                </Field>
                <div className="cl-links" id={`claim-${claim.id}-evidence`} tabIndex={-1}>
                  <span className="field-label">{t('claims.claim.exhibits')}</span>
                  {exhibits.length === 0 ? <span className="muted small">{t('claims.claim.noExhibits')}</span> : (
                    <div className="chips cl-chips" role="group" aria-label={t('claims.claim.exhibits')}>
                      {exhibits.map((row, k) => {
                        const isOn = claim.evidence.includes(row.id);
                        return (
                          <button key={row.id} type="button" className={`chip cl-chip${isOn ? ' selected' : ''}`} aria-pressed={isOn} title={row.title || row.fileName}
                            onClick={() => setClaim(claim.id, (c) => ({ ...c, evidence: toggle<EvidenceId>(c.evidence, row.id) }))}>
                            <span className="cl-label">{exhibitLabel(k)}</span> {row.title || row.fileName}
                          </button>
                        );
                      })}
                    </div>
                  )}
                </div>
                <div className="cl-links">
                  <span className="field-label">{t('claims.claim.events')}</span>
                  {events.length === 0 ? <span className="muted small">{t('claims.claim.noEvents')}</span> : (
                    <div className="chips cl-chips" role="group" aria-label={t('claims.claim.events')}>
                      {events.map((ev) => {
                        const isOn = claim.events.includes(ev.id);
                        return (
                          <button key={ev.id} type="button" className={`chip cl-chip${isOn ? ' selected' : ''}`} aria-pressed={isOn}
                            onClick={() => setClaim(claim.id, (c) => ({ ...c, events: toggle<EventId>(c.events, ev.id) }))}>
                            <span className="cl-date">{ev.date}</span> {ev.title}
                          </button>
                        );
                      })}
                    </div>
                  )}
                </div>
                <div className="cl-money">
                  <AmountInput label={t('claims.claim.amount')} name="claim-amount" value={claim.amount} optional={t('common.optional')}
                    onChange={(amount) => setClaim(claim.id, (c) => {
                      const { amount: _a, ...rest } = c;
                      return amount === undefined ? rest : { ...rest, amount, currency: c.currency ?? defaultCurrency(draft.jurisdiction) };
                    })} />
                  <CurrencySelect name="claim-currency" value={claim.currency} jurisdiction={draft.jurisdiction} onChange={(currency) => setClaim(claim.id, (c) => ({ ...c, currency }))} />
                  <div id={`claim-${claim.id}-calculation`}>
                    <TextField label={t('claims.claim.calculation')} name="claim-calculation" value={claim.calculation}
                      placeholder={t('claims.claim.calculationPlaceholder')} optional={t('common.optional')}
                      onChange={(v) => setClaim(claim.id, (c) => {
                        const { calculation: _c, ...rest } = c;
                        const calculation = opt(v);
                        return calculation === undefined ? rest : { ...rest, calculation };
                      })} />
                  </div>
                </div>
                <CalculationStatus claim={claim} onUse={(amount) => setClaim(claim.id, (c) => ({ ...c, amount, currency: c.currency ?? defaultCurrency(draft.jurisdiction) }))} />
              </li>
            );
          })}
        </ol>
      )}
      {totals.length > 0 ? (
        <p className="cl-totals" data-testid="claim-totals"><span>{t('claims.totals')}</span>
          {totals.map((tt) => <strong key={tt.currency ?? '-'}>{formatMoney(tt.amount, tt.currency, language)}</strong>)}
        </p>
      ) : null}
    </section>
  );
}
