/** Demands: specific, quantified requests, each with an optional amount. */
import { DemandIdSchema, type Demand } from '../../../shared/case/schema';
import { defaultCurrency } from '../../../shared/letters/format';
import { useServices } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { TextField } from '../ui/field';
import { AmountInput, CurrencySelect, type PanelProps, type UndoOffer } from './claims-common';

export function DemandsEditor({ draft, update, offerUndo }: PanelProps & { offerUndo: (offer: UndoOffer) => void }) {
  const { t } = useI18n();
  const { env } = useServices();
  const demands = draft.demands;
  const setDemand = (id: string, change: (d: Demand) => Demand) => update((row) => ({ ...row, demands: row.demands.map((d) => (d.id === id ? change(d) : d)) }));
  const add = () => {
    const id = DemandIdSchema.parse(env.newId());
    update((row) => ({ ...row, demands: [...row.demands, { id, text: '' }] }));
    setTimeout(() => document.getElementById(`demand-${id}`)?.querySelector('input')?.focus(), 0);
  };
  const remove = (index: number) => {
    const demand = demands[index];
    if (!demand) return;
    update((row) => ({ ...row, demands: row.demands.filter((d) => d.id !== demand.id) }));
    offerUndo({
      message: t('claims.deleted', { title: demand.text.trim() || t('claims.untitled') }),
      undo: () => update((row) => (row.demands.some((d) => d.id === demand.id) ? row : { ...row, demands: [...row.demands.slice(0, index), demand, ...row.demands.slice(index)] })),
    });
  };

  return (
    <section className="card cl-card" id="demands" tabIndex={-1} aria-labelledby="demands-title">
      <div className="card-title-row">
        <h3 id="demands-title">{t('claims.demands.title')}</h3>
        {demands.length > 0 ? <button type="button" className="button small" onClick={add}>＋ {t('claims.demands.add')}</button> : null}
      </div>
      <p className="card-hint">{t('claims.demands.hint')}</p>
      {demands.length === 0 ? (
        <div className="cl-empty">
          <p>{t('claims.demands.empty')}</p>
          <button type="button" className="button primary" onClick={add}>＋ {t('claims.demands.add')}</button>
        </div>
      ) : (
        <ol className="cl-demands">
          {demands.map((d, i) => (
            <li key={d.id} className="cl-demand">
              <span className="cl-number small" aria-hidden="true">{i + 1}</span>
              <div className="cl-grow" id={`demand-${d.id}`}>
                <TextField label={t('claims.demand.text', { n: i + 1 })} name="demand-text" value={d.text} placeholder={t('claims.demand.placeholder')}
                  onChange={(text) => setDemand(d.id, (x) => ({ ...x, text }))} />
              </div>
              <div className="cl-demand-amount">
                <AmountInput label={t('claims.demand.amount')} name="demand-amount" value={d.amount} optional={t('common.optional')}
                  onChange={(amount) => setDemand(d.id, (x) => {
                    const { amount: _a, ...rest } = x;
                    return amount === undefined ? rest : { ...rest, amount, currency: x.currency ?? defaultCurrency(draft.jurisdiction) };
                  })} />
              </div>
              {d.amount !== undefined ? (
                <div className="cl-demand-currency">
                  <CurrencySelect name="demand-currency" value={d.currency} jurisdiction={draft.jurisdiction} onChange={(currency) => setDemand(d.id, (x) => ({ ...x, currency }))} />
                </div>
              ) : null}
              <button type="button" className="button ghost small danger cl-delete" aria-label={t('claims.demand.delete', { n: i + 1 })} title={t('claims.demand.delete', { n: i + 1 })} onClick={() => remove(i)}>✕</button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
