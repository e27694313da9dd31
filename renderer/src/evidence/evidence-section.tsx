/**
 * Evidence: import by drag-and-drop, the file picker or pasted text; the exhibit list with kind,
 * title, date and recognition progress; search across all evidence text; the exhibit view.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import './evidence.css';
import { EvidenceKindSchema, type CaseId, type EvidenceId, type EvidenceKind } from '../../../shared/case/schema';
import { excerpt, foldForSearch, searchText } from '../../../shared/text/search';
import { useServices } from '../app-context';
import { readFiles, type HostFile } from '../host/host';
import { useI18n, type Translate } from '../i18n/i18n';
import { listEvidence, removeEvidence, updateEvidence } from '../store/case-store';
import type { CaseRow, EvidenceRow } from '../store/db';
import { Dialog } from '../ui/dialog';
import { Field, TextField } from '../ui/field';
import { useErrorMessage, useReport } from '../ui/use-error-message';
import { useLiveQuery } from '../ui/use-live-query';
import { ExhibitDetail } from './exhibit-detail';
import { importFiles, importPastedText, type ImportReport } from './import-evidence';
import { exhibitLabel } from '../../../shared/case/exhibit-label';
import { defaultOcrLang } from '../../../shared/ocr/engine';
import { evidenceText, OcrStatus, useQueueProgress } from './evidence-common';

function reportMessages(t: Translate, report: ImportReport, labelOf: (id: EvidenceId) => string): string[] {
  const lines: string[] = [];
  if (report.added.length) lines.push(t('evidence.report.added', { count: report.added.length }));
  for (const d of report.duplicates) lines.push(t('evidence.report.duplicate', { name: d.name, label: t('evidence.label', { label: labelOf(d.existing.id) }) }));
  for (const r of report.rejected) lines.push(t('evidence.report.rejected', { name: r.name, reason: t(`evidence.reject.${r.reason}`) }));
  return lines;
}

export function EvidenceSection({ draft, update, importRequest }: { draft: CaseRow; update: (change: (row: CaseRow) => CaseRow) => void; importRequest: number }) {
  const { db, env, host, notify, ocrQueue } = useServices();
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const reportFailure = useReport();
  const caseId: CaseId = draft.id;
  const rows = useLiveQuery(() => listEvidence(db, caseId), [db, caseId]);
  const thumbs = useLiveQuery(() => db.thumbnails.where('caseId').equals(caseId).toArray(), [db, caseId]);
  const progress = useQueueProgress();
  const [isDragging, setDragging] = useState(false);
  const dragDepth = useRef(0);
  const [importing, setImporting] = useState<{ done: number; total: number; name: string } | undefined>();
  const [report, setReport] = useState<string[]>([]);
  const [query, setQuery] = useState('');
  const [openId, setOpenId] = useState<EvidenceId | undefined>();
  const [isPasting, setPasting] = useState(false);
  const [removing, setRemoving] = useState<EvidenceRow | undefined>();

  const thumbUrls = useMemo(() => new Map((thumbs ?? []).map((th) => [th.evidenceId, URL.createObjectURL(new Blob([th.bytes as BlobPart], { type: th.mimeType }))])), [thumbs]);
  useEffect(() => () => { for (const url of thumbUrls.values()) URL.revokeObjectURL(url); }, [thumbUrls]);

  const labels = useMemo(() => new Map((rows ?? []).map((r, i) => [r.id, exhibitLabel(i)])), [rows]);
  const labelOf = useCallback((id: EvidenceId) => labels.get(id) ?? '?', [labels]);

  const runImport = useCallback(async (files: HostFile[]) => {
    if (files.length === 0) return;
    setReport([]);
    try {
      const result = await importFiles(db, caseId, files, {
        ocrLang: defaultOcrLang(draft.language), now: env.now, newId: env.newId,
        onProgress: (done, total, name) => setImporting(done < total ? { done: done + 1, total, name } : undefined),
      });
      const all = await listEvidence(db, caseId);
      const lines = reportMessages(t, result, (id) => exhibitLabel(all.findIndex((r) => r.id === id)));
      setReport(lines);
      if (result.rejected.length || result.duplicates.length) notify(lines.join(' '), result.rejected.length ? 'error' : 'info');
      ocrQueue.kick();
    } catch (error) {
      notify(errorMessage(error), 'error');
    } finally {
      setImporting(undefined);
    }
  }, [db, caseId, draft, env, t, notify, ocrQueue, errorMessage]);

  const pick = useCallback(async () => runImport(await host.openFiles('evidence', true)), [host, runImport]);
  const lastRequest = useRef(importRequest);
  useEffect(() => {
    if (importRequest !== lastRequest.current) { lastRequest.current = importRequest; void pick(); }
  }, [importRequest, pick]);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    dragDepth.current = 0;
    setDragging(false);
    void readFiles(e.dataTransfer.files).then(runImport);
  };

  const hits = useMemo(() => {
    if (!query.trim() || !rows) return undefined;
    return rows.map((row) => {
      const text = evidenceText(row);
      const found = searchText(text, query, foldForSearch(text));
      const titleHit = searchText(row.title, query).length > 0;
      return { row, text, found, titleHit };
    }).filter((h) => h.found.length > 0 || h.titleHit);
  }, [query, rows]);

  const pending = (rows ?? []).filter((r) => r.ocr && (r.ocr.status === 'queued' || r.ocr.status === 'running'));
  const ocrTotal = (rows ?? []).filter((r) => r.ocr && r.ocr.status !== 'none' && r.mimeType !== 'text/plain').length;

  const open = openId ? rows?.find((r) => r.id === openId) : undefined;
  if (open) {
    return <ExhibitDetail row={open} label={labelOf(open.id)} caseRow={draft} update={update} progress={progress.get(`${caseId}/${open.id}`)} onBack={() => setOpenId(undefined)} />;
  }

  return (
    <div
      className={`section-body evidence${isDragging ? ' dragging' : ''}`}
      onDragEnter={(e) => { if (e.dataTransfer.types.includes('Files')) { e.preventDefault(); dragDepth.current += 1; setDragging(true); } }}
      onDragOver={(e) => { if (e.dataTransfer.types.includes('Files')) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; } }}
      onDragLeave={() => { dragDepth.current = Math.max(0, dragDepth.current - 1); if (dragDepth.current === 0) setDragging(false); }}
      onDrop={onDrop}
      data-testid="evidence-drop-zone"
    >
      <header className="section-header row">
        <h2>{t('section.evidence.title')}</h2>
        <div className="toolbar">
          <input className="input search" type="search" placeholder={t('evidence.search')} aria-label={t('evidence.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
          <button type="button" className="button" onClick={() => setPasting(true)}>{t('evidence.paste')}</button>
          <button type="button" className="button primary" onClick={() => void pick()}>{t('evidence.import')}</button>
        </div>
      </header>

      {importing ? <p className="notice" role="status">{t('evidence.importing', importing)}</p> : null}
      {report.length ? <ul className="import-report" aria-live="polite">{report.map((line) => <li key={line}>{line}</li>)}</ul> : null}
      {pending.length > 0 ? (
        <div className="notice overall-progress" role="status">
          {t('evidence.ocr.overall', { done: ocrTotal - pending.length, total: ocrTotal })}
          <span className="progress wide"><span style={{ width: `${ocrTotal ? ((ocrTotal - pending.length) / ocrTotal) * 100 : 0}%` }} /></span>
          <button type="button" className="button ghost small" onClick={() => reportFailure(ocrQueue.cancelAll(caseId))}>{t('evidence.ocr.cancelAll')}</button>
        </div>
      ) : null}

      {rows === undefined ? <p className="muted">{t('common.loading')}</p> : hits ? (
        <section aria-label={t('evidence.search')}>
          <p className="muted small">{hits.length ? t('evidence.search.count', { count: hits.reduce((n, h) => n + h.found.length, 0), exhibits: hits.length }) : t('evidence.search.none', { query })}</p>
          <ul className="search-hits">
            {hits.map(({ row, text, found }) => (
              <li key={row.id}>
                <button type="button" className="search-hit" onClick={() => setOpenId(row.id)}>
                  <span className="exhibit-label">{t('evidence.label', { label: labelOf(row.id) })}</span> <strong>{row.title}</strong>
                  {found.slice(0, 3).map((hit) => {
                    const x = excerpt(text, hit);
                    return <span key={hit.start} className="excerpt">{x.before}<mark>{x.match}</mark>{x.after}</span>;
                  })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : rows.length === 0 ? (
        <section className="empty-state drop-target">
          <div className="empty-illustration" aria-hidden="true">證</div>
          <h3>{t('evidence.empty.title')}</h3>
          <p>{t('section.evidence.empty')}</p>
          <div className="toolbar">
            <button type="button" className="button primary" onClick={() => void pick()}>{t('evidence.import')}</button>
            <button type="button" className="button" onClick={() => setPasting(true)}>{t('evidence.paste')}</button>
          </div>
          <p className="muted small">{t('evidence.dropHint')}</p>
        </section>
      ) : (
        <ul className="exhibit-list">
          {rows.map((row) => (
            <li key={row.id} className="exhibit-row" data-exhibit={row.fileName}>
              <button type="button" className="exhibit-thumb" onClick={() => setOpenId(row.id)} aria-label={`${t('evidence.open')} ${row.title}`}>
                {thumbUrls.get(row.id) ? <img src={thumbUrls.get(row.id)} alt="" /> : <span className="thumb-placeholder">{row.mimeType === 'application/pdf' ? 'PDF' : 'TXT'}</span>}
              </button>
              <div className="exhibit-fields">
                <div className="exhibit-head">
                  <span className="exhibit-label">{t('evidence.label', { label: labelOf(row.id) })}</span>
                  <span className="muted small file-name">{row.fileName}</span>
                </div>
                <div className="exhibit-inputs">
                  <input className="input" aria-label={t('evidence.title')} value={row.title} name="evidence-title"
                    onChange={(e) => { const title = e.target.value; reportFailure(updateEvidence(db, caseId, row.id, (r) => ({ ...r, title }))); }} />
                  <select className="input" aria-label={t('evidence.kind')} value={row.kind} name="evidence-kind"
                    onChange={(e) => { const kind = e.target.value as EvidenceKind; reportFailure(updateEvidence(db, caseId, row.id, (r) => ({ ...r, kind }))); }}>
                    {EvidenceKindSchema.options.map((k) => <option key={k} value={k}>{t(`evidence.kind.${k}`)}</option>)}
                  </select>
                  <input className="input" type="date" aria-label={t('evidence.date')} value={row.date?.length === 10 ? row.date : ''} name="evidence-date"
                    onChange={(e) => { const date = e.target.value; reportFailure(updateEvidence(db, caseId, row.id, (r) => { const { date: _d, ...rest } = r; return date ? { ...rest, date: date as typeof r.date & string } : rest; })); }} />
                </div>
                <OcrStatus row={row} progress={progress.get(`${caseId}/${row.id}`)} />
              </div>
              <div className="exhibit-actions">
                <button type="button" className="button small" onClick={() => setOpenId(row.id)}>{t('evidence.open')}</button>
                <button type="button" className="button ghost small danger" onClick={() => setRemoving(row)}>{t('evidence.remove')}</button>
              </div>
            </li>
          ))}
        </ul>
      )}

      {isDragging ? (
        <div className="drop-overlay" aria-hidden="true"><div><strong>{t('evidence.dropHere')}</strong><span>{t('evidence.dropHint')}</span></div></div>
      ) : null}

      {isPasting ? <PasteDialog onClose={() => setPasting(false)} onAdd={async (text, title, kind) => {
        setPasting(false);
        try {
          const result = await importPastedText(db, caseId, { text, title, kind }, { now: env.now, newId: env.newId });
          setReport(reportMessages(t, result, labelOf));
        } catch (error) {
          notify(errorMessage(error), 'error');
        }
      }} /> : null}

      {removing ? (
        <Dialog title={t('evidence.remove')} onClose={() => setRemoving(undefined)} footer={<>
          <button type="button" className="button" onClick={() => setRemoving(undefined)} autoFocus>{t('common.cancel')}</button>
          <button type="button" className="button danger-solid" onClick={() => { const r = removing; setRemoving(undefined); reportFailure(ocrQueue.cancel(caseId, r.id).then(() => removeEvidence(db, caseId, r.id))); }}>{t('evidence.remove')}</button>
        </>}>
          <p>{t('evidence.removeConfirm', { title: removing.title })}</p>
        </Dialog>
      ) : null}
    </div>
  );
}

function PasteDialog({ onClose, onAdd }: { onClose: () => void; onAdd: (text: string, title: string, kind: EvidenceKind) => Promise<void> }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<EvidenceKind>('sms');
  return (
    <Dialog title={t('evidence.paste.title')} onClose={onClose} footer={<>
      <button type="button" className="button" onClick={onClose}>{t('common.cancel')}</button>
      <button type="submit" form="paste-form" className="button primary" disabled={!text.trim()}>{t('evidence.paste.add')}</button>
    </>}>
      <form id="paste-form" onSubmit={(e) => { e.preventDefault(); if (text.trim()) void onAdd(text, title, kind); }}>
        <TextField label={t('evidence.title')} value={title} onChange={setTitle} name="paste-title" />
        <Field label={t('evidence.kind')}>
          {(props) => (
            <select className="input" {...props} value={kind} onChange={(e) => setKind(e.target.value as EvidenceKind)}>
              {EvidenceKindSchema.options.map((k) => <option key={k} value={k}>{t(`evidence.kind.${k}`)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('evidence.paste.text')}>
          {(props) => <textarea className="input textarea" {...props} name="paste-text" rows={8} placeholder={t('evidence.paste.placeholder')} value={text} onChange={(e) => setText(e.target.value)} autoFocus />}
        </Field>
      </form>
    </Dialog>
  );
}
