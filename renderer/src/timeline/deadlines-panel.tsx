/**
 * Deadlines the case's events start: due date, days left, the rule's citation and source, and the
 * next step. Rules the sources did not confirm say so, and those without a period ask the user for
 * one. The holiday table the counting skips can be corrected here (stored per jurisdiction).
 */
import { useMemo, useState } from 'react';
import type { CaseRow } from '../store/db';
import type { Deadline } from '../../../shared/deadlines/compute';
import { defaultHolidayTable } from '../../../shared/deadlines/holidays';
import { nextStepText } from '../../../shared/deadlines/next-steps';
import type { HolidayTable } from '../../../shared/deadlines/calendar';
import type { DeadlineRule, Period } from '../../../shared/deadlines/rules';
import { useServices } from '../app-context';
import { useI18n, type Translate } from '../i18n/i18n';
import { getSetting, setSetting } from '../store/case-store';
import { Dialog } from '../ui/dialog';
import { useLiveQuery } from '../ui/use-live-query';
import { DateText } from './date-text';
import { deadlineView, overridesSettingKey, parseOverrides, type PeriodNeeded } from './deadline-view';
import { addHoliday, applyHolidayEdits, holidaySettingKey, NO_EDITS, parseHolidayEdits, removeHoliday, type HolidayEdits } from './holiday-edits';

function periodText(t: Translate, p: Period): string {
  return t(`timeline.period.${p.unit}`, { amount: p.amount });
}

function daysText(t: Translate, d: Deadline): string {
  if (d.status === 'met') return t('timeline.deadlines.answered');
  if (d.status === 'due-today') return t('timeline.deadlines.dueToday');
  if (d.status === 'open') return t('timeline.deadlines.open', { days: -d.daysLeft });
  if (d.status === 'overdue') return t('timeline.deadlines.overdue', { days: -d.daysLeft });
  return d.daysLeft === 1 ? t('timeline.deadlines.dayLeft') : t('timeline.deadlines.daysLeft', { days: d.daysLeft });
}

function SourceText({ rule }: { rule: DeadlineRule }) {
  const parts = [rule.source.pcode ? `pcode ${rule.source.pcode}` : '', rule.source.document ?? '', rule.source.url ?? ''].filter(Boolean);
  // Shown as text, not a link: the app never opens network addresses by itself.
  return <span className="tl-source">{parts.join(' · ')}</span>;
}

export function DeadlinesPanel({ draft, today }: { draft: CaseRow; today: string }) {
  const { t, language } = useI18n();
  const { db } = useServices();
  const jurisdiction = draft.jurisdiction;
  const editsValue = useLiveQuery(() => getSetting<unknown>(db, holidaySettingKey(jurisdiction), NO_EDITS), [db, jurisdiction]);
  const overridesValue = useLiveQuery(() => getSetting<unknown>(db, overridesSettingKey(draft.id), {}), [db, draft.id]);
  const edits = useMemo(() => parseHolidayEdits(editsValue), [editsValue]);
  const overrides = useMemo(() => parseOverrides(overridesValue), [overridesValue]);
  const base = defaultHolidayTable(jurisdiction);
  const holidays = useMemo(() => applyHolidayEdits(base, edits), [base, edits]);
  const view = useMemo(() => deadlineView(draft, today, holidays, overrides), [draft, today, holidays, overrides]);
  const [isEditingHolidays, setEditingHolidays] = useState(false);
  const titleOf = (eventId: string) => draft.events.find((e) => e.id === eventId)?.title ?? '';

  const setOverride = (ruleId: string, period: Period | undefined) => {
    const next = { ...overrides };
    if (period) next[ruleId] = period; else delete next[ruleId];
    void setSetting(db, overridesSettingKey(draft.id), next);
  };

  const row = (d: Deadline) => (
    <li key={`${d.rule.id}-${d.eventId}`} className={`tl-deadline status-${d.status}`} data-rule={d.rule.id}>
      <div className="tl-deadline-when">
        <span className="tl-deadline-days">{daysText(t, d)}</span>
        <span className="muted small">{t('timeline.deadlines.due')}</span>
        <DateText date={d.due} jurisdiction={jurisdiction} stacked />
      </div>
      <div className="tl-deadline-body">
        <p className="tl-deadline-next"><span className="tl-k">{t('timeline.deadlines.next')}</span> {nextStepText(d.nextStepKey, language)}</p>
        <p className="small muted">{t('timeline.deadlines.from', { title: titleOf(d.eventId), date: d.eventDate })} · {t('timeline.deadlines.period')} {periodText(t, overrides[d.rule.id] ?? d.rule.period ?? { unit: 'days', amount: 0 })}{overrides[d.rule.id] ? ` (${t('timeline.deadlines.userPeriod')})` : ''}</p>
        <p className="tl-citation small"><span className="tl-k">{t('timeline.deadlines.rule')}</span> {d.rule.citation}</p>
        <p className="small"><span className="tl-k">{t('timeline.deadlines.source')}</span> <SourceText rule={d.rule} /></p>
        {!d.rule.isVerified ? <p className="tl-unverified small"><span className="tl-badge warn">{t('timeline.deadlines.unverified')}</span> {t('timeline.deadlines.unverified.hint')}</p> : null}
        {!d.isHolidayDataComplete ? <p className="tl-unverified small">{t('timeline.deadlines.incompleteHolidays')}</p> : null}
        {overrides[d.rule.id] && !d.rule.period ? <button type="button" className="button ghost small" onClick={() => setOverride(d.rule.id, undefined)}>{t('timeline.deadlines.clearPeriod')}</button> : null}
      </div>
    </li>
  );

  const isEmpty = view.now.length + view.upcoming.length + view.met.length + view.needsPeriod.length === 0;
  return (
    <section className="card tl-deadlines" aria-labelledby="deadlines-title">
      <div className="card-title-row">
        <h3 id="deadlines-title">{t('timeline.deadlines.title')}</h3>
        <div className="tl-row">
          <span className="muted small">{t('timeline.deadlines.today', { date: today })}</span>
          <button type="button" className="button ghost small" onClick={() => setEditingHolidays(true)}>{t('timeline.holidays.edit')}</button>
        </div>
      </div>
      <p className="card-hint">{t('timeline.deadlines.hint')}</p>
      {isEmpty ? <p className="tl-empty">{t('timeline.deadlines.none')}</p> : null}
      {view.now.length ? <><h4 className="tl-subhead danger">{t('timeline.deadlines.now')}</h4><ul className="tl-deadline-list">{view.now.map(row)}</ul></> : null}
      {view.upcoming.length ? <><h4 className="tl-subhead">{t('timeline.deadlines.upcoming')}</h4><ul className="tl-deadline-list">{view.upcoming.map(row)}</ul></> : null}
      {view.needsPeriod.length ? (
        <>
          <h4 className="tl-subhead warn">{t('timeline.deadlines.needsPeriod')}</h4>
          <ul className="tl-deadline-list">{view.needsPeriod.map((n) => <NeedsPeriodRow key={`${n.rule.id}-${n.eventId}`} item={n} title={titleOf(n.eventId)} onSet={(p) => setOverride(n.rule.id, p)} />)}</ul>
        </>
      ) : null}
      {view.met.length ? <><h4 className="tl-subhead ok">{t('timeline.deadlines.met')}</h4><ul className="tl-deadline-list">{view.met.map(row)}</ul></> : null}
      {isEditingHolidays ? (
        <HolidayDialog today={today} table={base} edits={edits} onChange={(next) => void setSetting(db, holidaySettingKey(jurisdiction), next)} onClose={() => setEditingHolidays(false)} effective={holidays} />
      ) : null}
    </section>
  );
}

function NeedsPeriodRow({ item, title, onSet }: { item: PeriodNeeded; title: string; onSet: (p: Period) => void }) {
  const { t } = useI18n();
  const [days, setDays] = useState('');
  const amount = Number(days);
  const isValid = Number.isInteger(amount) && amount > 0 && amount < 3650;
  return (
    <li className="tl-deadline status-needs-period" data-rule={item.rule.id}>
      <div className="tl-deadline-when"><span className="tl-badge warn">{t('timeline.deadlines.setYourself')}</span></div>
      <div className="tl-deadline-body">
        <p className="small muted">{t('timeline.deadlines.from', { title, date: item.eventDate })}</p>
        <p className="tl-citation small"><span className="tl-k">{t('timeline.deadlines.rule')}</span> {item.rule.citation}</p>
        <p className="small"><span className="tl-k">{t('timeline.deadlines.source')}</span> <SourceText rule={item.rule} /></p>
        <form className="tl-row" onSubmit={(e) => { e.preventDefault(); if (isValid) onSet({ unit: 'days', amount }); }}>
          <label className="small" htmlFor={`period-${item.rule.id}-${item.eventId}`}>{t('timeline.deadlines.periodDays')}</label>
          <input id={`period-${item.rule.id}-${item.eventId}`} className="input tl-days-input" type="number" min={1} max={3649} value={days} onChange={(e) => setDays(e.target.value)} />
          <button type="submit" className="button small" disabled={!isValid}>{t('timeline.deadlines.setPeriod')}</button>
        </form>
      </div>
    </li>
  );
}

function HolidayDialog({ today, table, edits, effective, onChange, onClose }: { today: string; table: HolidayTable; edits: HolidayEdits; effective: HolidayTable; onChange: (e: HolidayEdits) => void; onClose: () => void }) {
  const { t } = useI18n();
  const years = useMemo(() => {
    const all = new Set([...Object.keys(table.years), ...effective.holidays.map((d) => d.date.slice(0, 4))]);
    return [...all].sort();
  }, [table, effective]);
  const [year, setYear] = useState(() => today.slice(0, 4));
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const shownYear = years.includes(year) ? year : years[years.length - 1] ?? year;
  const days = effective.holidays.filter((d) => d.date.startsWith(shownYear));
  const workdays = effective.workdays.filter((d) => d.date.startsWith(shownYear));
  const mine = new Set(edits.added.map((d) => d.date));
  const info = table.years[shownYear];
  const isDateValid = /^\d{4}-\d{2}-\d{2}$/.test(date);
  return (
    <Dialog title={t('timeline.holidays.title', { jurisdiction: t(`jurisdiction.${table.jurisdiction}`) })} labelledBy="holidays-title" onClose={onClose} footer={<>
      {edits.added.length || edits.removed.length ? <button type="button" className="button ghost" onClick={() => onChange(NO_EDITS)}>{t('timeline.holidays.reset')}</button> : null}
      <button type="button" className="button primary" onClick={onClose}>{t('common.close')}</button>
    </>}>
      <p className="small">{t('timeline.holidays.hint')}</p>
      <div className="tl-row">
        <label className="small" htmlFor="holiday-year">{t('timeline.holidays.year')}</label>
        <select id="holiday-year" className="input tl-year-select" value={shownYear} onChange={(e) => setYear(e.target.value)}>
          {years.map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
        {info ? <span className={`tl-badge ${info.status === 'official' ? 'ok' : 'warn'}`}>{t(`timeline.holidays.${info.status}`)}</span> : null}
      </div>
      {info ? <p className="muted small">{t('timeline.holidays.source', { source: info.source })}</p> : null}
      {edits.removed.length ? <p className="muted small">{t('timeline.holidays.removed', { count: edits.removed.length })}</p> : null}
      <ul className="tl-holidays" aria-label={t('timeline.holidays.year')}>
        {days.length === 0 ? <li className="muted small">{t('timeline.holidays.none')}</li> : null}
        {days.map((d) => (
          <li key={d.date}>
            <span className="tl-holiday-date">{d.date}</span>
            <span className="tl-holiday-name">{d.name}{mine.has(d.date) ? <span className="tl-badge"> {t('timeline.holidays.mine')}</span> : null}</span>
            <button type="button" className="button ghost small danger" aria-label={`${t('timeline.holidays.remove')} ${d.date}`} onClick={() => onChange(removeHoliday(edits, d.date, table))}>{t('timeline.holidays.remove')}</button>
          </li>
        ))}
      </ul>
      {workdays.length ? <p className="muted small">{t('timeline.holidays.workdays', { dates: workdays.map((w) => w.date.slice(5)).join('、') })}</p> : null}
      <form className="tl-holiday-add" onSubmit={(e) => { e.preventDefault(); if (!isDateValid) return; onChange(addHoliday(edits, { date, name: name.trim() || date })); setYear(date.slice(0, 4)); setDate(''); setName(''); }}>
        <label className="field"><span className="field-label">{t('timeline.holidays.date')}</span><input className="input" type="date" name="holiday-date" value={date} onChange={(e) => setDate(e.target.value)} /></label>
        <label className="field"><span className="field-label">{t('timeline.holidays.name')}</span><input className="input" name="holiday-name" value={name} placeholder={t('timeline.holidays.name.placeholder')} onChange={(e) => setName(e.target.value)} /></label>
        <button type="submit" className="button" disabled={!isDateValid}>{t('timeline.holidays.add')}</button>
      </form>
    </Dialog>
  );
}
