/**
 * The contact log: each call, visit or message with the company, who was spoken to, the ticket, and
 * what was promised by when. A promise whose date has passed without being kept shows as overdue.
 * A contact can be added to the timeline as an event.
 */
import { ContactIdSchema, EventIdSchema, PartialDateSchema, type Contact, type EventCategory } from '../../../shared/case/schema';
import { promiseState } from '../../../shared/letters/case-view';
import { useServices } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { translate } from '../i18n/messages';
import { Field, TextField } from '../ui/field';
import { opt, type PanelProps, type UndoOffer } from './claims-common';

const CHANNELS: ReadonlyArray<Contact['channel']> = ['phone', 'store', 'chat', 'email', 'letter', 'sms', 'other'];

/** The timeline category of a contact: a call, a store visit, or a reply in writing. */
const categoryOf = (channel: Contact['channel']): EventCategory => (channel === 'phone' ? 'call' : channel === 'store' ? 'store-visit' : 'company-reply');

export function ContactLog({ draft, update, today, offerUndo }: PanelProps & { offerUndo: (offer: UndoOffer) => void }) {
  const { t } = useI18n();
  const { env, notify } = useServices();
  const contacts = draft.contacts;
  const setContact = (id: string, change: (c: Contact) => Contact) => update((row) => ({ ...row, contacts: row.contacts.map((c) => (c.id === id ? change(c) : c)) }));
  const setOpt = (id: string, key: 'number' | 'agentId' | 'ticketNo' | 'promise' | 'time' | 'promisedBy') => (value: string) => setContact(id, (c) => {
    const { [key]: _old, ...rest } = c;
    const v = opt(value);
    return v === undefined ? rest : { ...rest, [key]: v };
  });

  const add = () => {
    const id = ContactIdSchema.parse(env.newId());
    update((row) => ({ ...row, contacts: [...row.contacts, { id, date: PartialDateSchema.parse(today), channel: 'phone', summary: '' }] }));
    setTimeout(() => document.getElementById(`contact-${id}`)?.querySelector('input')?.focus(), 0);
  };
  const remove = (index: number) => {
    const contact = contacts[index];
    if (!contact) return;
    update((row) => ({ ...row, contacts: row.contacts.filter((c) => c.id !== contact.id) }));
    offerUndo({
      message: t('claims.deleted', { title: `${contact.date} ${t(`claims.contact.channel.${contact.channel}`)}` }),
      undo: () => update((row) => (row.contacts.some((c) => c.id === contact.id) ? row : { ...row, contacts: [...row.contacts.slice(0, index), contact, ...row.contacts.slice(index)] })),
    });
  };
  const isOnTimeline = (c: Contact) => draft.events.some((e) => e.date === c.date && (e.time ?? '') === (c.time ?? '') && e.category === categoryOf(c.channel));
  const toTimeline = (c: Contact) => {
    // The event is written in the case's document language, like the rest of the dossier.
    const doc = draft.language;
    const title = translate(doc, 'claims.contact.eventTitle', { channel: translate(doc, `claims.contact.channel.${c.channel}`) });
    const colon = doc === 'en' ? ': ' : '：';
    const details = [
      c.summary.trim().replace(/[。.]$/, ''),
      c.ticketNo ? `${translate(doc, 'claims.contact.ticketNo')}${colon}${c.ticketNo}` : '',
      c.agentId ? `${translate(doc, 'claims.contact.agentId')}${colon}${c.agentId}` : '',
      c.promise ? `${translate(doc, 'claims.contact.promise')}${colon}${c.promise}${c.promisedBy ? `${doc === 'en' ? ' (by ' : '（'}${c.promisedBy}${doc === 'en' ? ')' : '前）'}` : ''}` : '',
    ].filter((s) => s !== '');
    update((row) => ({
      ...row,
      events: [...row.events, {
        id: EventIdSchema.parse(env.newId()), date: c.date, ...(c.time ? { time: c.time } : {}), title, detail: details.join(doc === 'en' ? '; ' : '；'),
        category: categoryOf(c.channel), evidence: [], spans: [], channel: c.channel,
      }],
    }));
    notify(t('claims.contact.added', { title }));
  };

  return (
    <section className="card cl-card" id="contacts" tabIndex={-1} aria-labelledby="contacts-title">
      <div className="card-title-row">
        <h3 id="contacts-title">{t('claims.contacts.title')}</h3>
        {contacts.length > 0 ? <button type="button" className="button small" onClick={add}>＋ {t('claims.contacts.add')}</button> : null}
      </div>
      <p className="card-hint">{t('claims.contacts.hint')}</p>
      {contacts.length === 0 ? (
        <div className="cl-empty">
          <p>{t('claims.contacts.empty')}</p>
          <button type="button" className="button primary" onClick={add}>＋ {t('claims.contacts.add')}</button>
        </div>
      ) : (
        <ol className="cl-contacts">
          {contacts.map((c, i) => {
            const state = promiseState(c, today);
            const onTimeline = isOnTimeline(c);
            return (
              <li key={c.id} className={`cl-contact${state === 'broken' ? ' overdue' : ''}`} id={`contact-${c.id}`} data-promise={state}>
                <div className="cl-contact-head">
                  <TextField type="date" label={t('claims.contact.date')} name="contact-date" value={c.date} required
                    error={c.date ? undefined : t('claims.contact.dateRequired')}
                    onChange={(v) => { const parsed = PartialDateSchema.safeParse(v); if (parsed.success) setContact(c.id, (x) => ({ ...x, date: parsed.data })); }} />
                  <TextField type="time" label={t('claims.contact.time')} name="contact-time" value={c.time} optional={t('common.optional')} onChange={setOpt(c.id, 'time')} />
                  <Field label={t('claims.contact.channel')}>
                    {(props) => (
                      <select className="input" {...props} name="contact-channel" value={c.channel}
                        onChange={(e) => { const channel = CHANNELS.find((ch) => ch === e.target.value) ?? 'other'; setContact(c.id, (x) => ({ ...x, channel })); }}>
                        {CHANNELS.map((ch) => <option key={ch} value={ch}>{t(`claims.contact.channel.${ch}`)}</option>)}
                      </select>
                    )}
                  </Field>
                  <div className="cl-contact-status">
                    {state === 'broken' ? <span className="cl-badge overdue" role="status">⚠ {t('claims.contact.overdue', { date: c.promisedBy ?? '' })}</span>
                      : state === 'pending' ? <span className="cl-badge pending">{t('claims.contact.pending', { date: c.promisedBy ?? '' })}</span>
                      : state === 'kept' ? <span className="cl-badge kept">✓ {t('claims.contact.keptBadge')}</span> : null}
                  </div>
                </div>
                <div className="cl-contact-grid">
                  <TextField label={t('claims.contact.number')} name="contact-number" value={c.number} inputMode="tel" optional={t('common.optional')} onChange={setOpt(c.id, 'number')} />
                  <TextField label={t('claims.contact.agentId')} name="contact-agentId" value={c.agentId} optional={t('common.optional')} onChange={setOpt(c.id, 'agentId')} />
                  <TextField label={t('claims.contact.ticketNo')} name="contact-ticketNo" value={c.ticketNo} optional={t('common.optional')} onChange={setOpt(c.id, 'ticketNo')} />
                </div>
                <Field label={t('claims.contact.summary')}>
                  {(props) => <textarea className="input cl-textarea" {...props} name="contact-summary" rows={2} value={c.summary}
                    onChange={(e) => { const summary = e.target.value; setContact(c.id, (x) => ({ ...x, summary })); }} />}
                </Field>
                <div className="cl-contact-promise">
                  <TextField label={t('claims.contact.promise')} name="contact-promise" value={c.promise} optional={t('common.optional')} onChange={setOpt(c.id, 'promise')} />
                  <TextField type="date" label={t('claims.contact.promisedBy')} name="contact-promisedBy" value={c.promisedBy} optional={t('common.optional')} onChange={setOpt(c.id, 'promisedBy')} />
                  <Field label={t('claims.contact.kept')}>
                    {(props) => (
                      <select className="input" {...props} name="contact-kept" value={c.isPromiseKept === undefined ? '' : c.isPromiseKept ? 'yes' : 'no'}
                        onChange={(e) => {
                          const v = e.target.value;
                          setContact(c.id, (x) => {
                            const { isPromiseKept: _k, ...rest } = x;
                            return v === '' ? rest : { ...rest, isPromiseKept: v === 'yes' };
                          });
                        }}>
                        <option value="">{t('claims.contact.kept.unknown')}</option>
                        <option value="yes">{t('claims.contact.kept.yes')}</option>
                        <option value="no">{t('claims.contact.kept.no')}</option>
                      </select>
                    )}
                  </Field>
                </div>
                <div className="cl-contact-actions">
                  {onTimeline ? <span className="muted small">✓ {t('claims.contact.onTimeline')}</span>
                    : <button type="button" className="button small" onClick={() => toTimeline(c)}>⇢ {t('claims.contact.toTimeline')}</button>}
                  <button type="button" className="button ghost small danger" onClick={() => remove(i)}>{t('claims.contact.delete')}</button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
