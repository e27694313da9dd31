/** A date shown the way the case's readers expect: ROC beside Gregorian for Taiwanese cases. */
import type { Jurisdiction } from '../../../shared/case/schema';
import { useI18n } from '../i18n/i18n';
import { displayDate, precisionOf } from './event-dates';

export function DateText({ date, jurisdiction, time, stacked = false }: { date: string; jurisdiction: Jurisdiction; time?: string | undefined; stacked?: boolean }) {
  const { t } = useI18n();
  const d = displayDate(date, jurisdiction);
  const roc = d.roc && precisionOf(date) === 'year' ? t('timeline.rocYear', { year: d.roc }) : d.roc;
  return (
    <span className={`tl-date${stacked ? ' stacked' : ''}`} data-date={date}>
      {roc ? <><span className="tl-date-roc">{roc}</span><span className="tl-date-iso">（{d.iso}）</span></> : <span className="tl-date-main">{d.iso}</span>}
      {time ? <span className="tl-date-time">{time}</span> : null}
    </span>
  );
}
