import { describe, expect, it } from 'vitest';
import { dossierDeadlines } from '../../../shared/deadlines/for-dossier';
import { defaultHolidayTable } from '../../../shared/deadlines/holidays';
import { EventIdSchema, type TimelineEvent } from '../../../shared/case/schema';

const complaint: TimelineEvent = {
  id: EventIdSchema.parse('e1'), date: '2024-10-15', title: '書面申訴', detail: '', category: 'written-complaint', evidence: [], spans: [],
};

describe('dossierDeadlines', () => {
  it('words the TW first-complaint deadline with its basis and status', () => {
    const [d] = dossierDeadlines({ jurisdiction: 'TW', language: 'zh-TW', events: [complaint] }, { today: '2024-11-20', holidays: defaultHolidayTable('TW') });
    expect(d).toMatchObject({ due: '2024-10-30', startedBy: 'e1', status: 'missed' });
    expect(d!.basis).toContain('第36條');
    expect(d!.label).toContain('等待業者');
  });

  it('is open before the due date and speaks the case language', () => {
    const [d] = dossierDeadlines({ jurisdiction: 'TW', language: 'en', events: [complaint] }, { today: '2024-10-20', holidays: defaultHolidayTable('TW') });
    expect(d!.status).toBe('open');
    expect(d!.label).toMatch(/^Wait for/);
  });
});
