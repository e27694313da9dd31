/**
 * One exhibit: the original beside its text. Words the recogniser was unsure of are outlined on
 * the image; the user corrects the text (the machine text is kept) and can recognise again with
 * other languages.
 */
import { useEffect, useMemo, useState } from 'react';
import { useServices } from '../app-context';
import { LOCALE_OF, useI18n } from '../i18n/i18n';
import { getOriginal, updateEvidence } from '../store/case-store';
import { useReport } from '../ui/use-error-message';
import type { CaseRow, EvidenceRow } from '../store/db';
import { defaultOcrLang } from '../../../shared/ocr/engine';
import { OcrStatus } from './evidence-common';
import { RedactionEditor } from '../redaction/redaction-editor';

const LOW_CONFIDENCE = 70;
const LANG_CHOICES = ['chi_tra+eng', 'chi_sim+eng', 'eng', 'chi_tra', 'chi_sim'] as const;

function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function ExhibitDetail({ row, label, caseRow, update, progress, onBack }: {
  row: EvidenceRow;
  label: string;
  caseRow: CaseRow;
  /** Changes the case's metadata (redactions of this exhibit live there). */
  update: (change: (row: CaseRow) => CaseRow) => void;
  progress: number | undefined;
  onBack: () => void;
}) {
  const { db, ocrQueue } = useServices();
  const { t, language } = useI18n();
  const report = useReport();
  const [url, setUrl] = useState<string | undefined>();
  const [pdfPages, setPdfPages] = useState<string[]>([]);
  const [lang, setLang] = useState(row.ocr?.lang || defaultOcrLang(caseRow.language));
  const isImage = row.mimeType.startsWith('image/');

  useEffect(() => {
    if (!row.sha256) return;
    let objectUrl: string | undefined;
    let isCurrent = true;
    let pageUrls: string[] = [];
    void getOriginal(db, row.caseId, row.sha256).then(async (bytes) => {
      if (!isCurrent) return;
      objectUrl = URL.createObjectURL(new Blob([bytes as BlobPart], { type: row.mimeType }));
      setUrl(objectUrl);
      if (row.mimeType === 'application/pdf') {
        const { pdfPreview } = await import('./pdf-pages');
        const pages = await pdfPreview(bytes, document.baseURI);
        if (!isCurrent) return;
        pageUrls = pages.map((p) => URL.createObjectURL(new Blob([p.bytes as BlobPart], { type: 'image/png' })));
        setPdfPages(pageUrls);
      }
    });
    return () => {
      isCurrent = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
      for (const u of pageUrls) URL.revokeObjectURL(u);
    };
  }, [db, row.caseId, row.sha256, row.mimeType]);

  const page = row.ocr?.pages[0];
  const lowWords = useMemo(() => (page?.words ?? []).filter((w) => w.confidence < LOW_CONFIDENCE && w.text.trim()), [page]);
  const raw = row.ocr?.rawText ?? '';
  const text = row.ocr?.correctedText ?? raw;
  const isCorrected = row.ocr?.correctedText !== undefined && row.ocr.correctedText !== raw;

  const setText = (value: string) => report(updateEvidence(db, row.caseId, row.id, (r) => ({
    ...r,
    ocr: r.ocr ? { ...r.ocr, correctedText: value } : { status: 'done', lang: '', pages: [], rawText: '', confidence: 0, correctedText: value },
  })));

  const when = (iso: string | undefined) => (iso ? new Intl.DateTimeFormat(LOCALE_OF[language], { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '—');

  return (
    <div className="section-body exhibit-detail">
      <header className="section-header row">
        <button type="button" className="back-link" onClick={onBack}>← {t('evidence.detail.back')}</button>
        <h2><span className="exhibit-label">{t('evidence.label', { label })}</span> {row.title}</h2>
      </header>
      <div className="detail-grid">
        <figure className="original-view">
          {url && isImage ? (
            <div className="image-stack">
              <img src={url} alt={row.title} />
              {page ? (
                <svg className="word-overlay" viewBox={`0 0 ${page.width} ${page.height}`} preserveAspectRatio="none" aria-hidden="true">
                  {lowWords.map((w, i) => <rect key={i} x={w.box.x} y={w.box.y} width={w.box.w} height={w.box.h}><title>{`${w.text} · ${Math.round(w.confidence)}%`}</title></rect>)}
                </svg>
              ) : null}
            </div>
          ) : url && row.mimeType === 'application/pdf' ? (
            <div className="pdf-pages">
              <p className="muted small">PDF · {t('evidence.detail.pdfPages', { count: row.pageCount ?? pdfPages.length })}</p>
              {pdfPages.map((src, i) => <img key={src} src={src} alt={`${row.title} — ${i + 1}`} />)}
            </div>
          ) : (
            <pre className="text-original">{raw}</pre>
          )}
          {lowWords.length ? <figcaption className="muted small">{t('evidence.detail.lowConfidence')}</figcaption> : null}
          {url && isImage ? <RedactionEditor row={row} caseRow={caseRow} update={update} imageUrl={url} /> : null}
        </figure>
        <div className="text-panel">
          <OcrStatus row={row} progress={progress} />
          <label className="field-label" htmlFor="exhibit-text">{t('evidence.detail.text')}{isCorrected ? <span className="pill">{t('evidence.detail.corrected')}</span> : null}</label>
          <textarea id="exhibit-text" name="exhibit-text" className="input textarea ocr-text" rows={14} value={text} onChange={(e) => setText(e.target.value)} lang={caseRow.language} />
          <p className="field-hint">{t('evidence.detail.textHint')}</p>
          {isCorrected ? <button type="button" className="button ghost small" onClick={() => setText(raw)}>{t('evidence.detail.revert')}</button> : null}
          {isImage || row.mimeType === 'application/pdf' ? (
            <div className="rerun">
              <label className="field-label" htmlFor="ocr-lang">{t('evidence.detail.languages')}</label>
              <select id="ocr-lang" className="input" value={lang} onChange={(e) => setLang(e.target.value)}>
                {LANG_CHOICES.map((l) => <option key={l} value={l}>{l.split('+').map((p) => t(`evidence.lang.${p as 'chi_tra' | 'chi_sim' | 'eng'}`)).join(' + ')}</option>)}
              </select>
              <button type="button" className="button" onClick={() => report(ocrQueue.enqueue(row.caseId, row.id, lang))}>{t('evidence.detail.rerun')}</button>
            </div>
          ) : null}
          <dl className="meta">
            <dt>{t('evidence.detail.file')}</dt><dd>{row.fileName} · {formatBytes(row.size)}</dd>
            <dt>{t('evidence.detail.hash')}</dt><dd className="hash">{row.sha256}</dd>
            <dt>{t('evidence.detail.imported')}</dt><dd>{when(row.importedAt)}</dd>
            {row.takenAt ? <><dt>{t('evidence.detail.taken')}</dt><dd>{row.takenAt.replace('T', ' ')}</dd></> : null}
          </dl>
          <label className="checkbox">
            <input type="checkbox" checked={row.isKey} onChange={(e) => { const isKey = e.target.checked; report(updateEvidence(db, row.caseId, row.id, (r) => ({ ...r, isKey }))); }} />
            {t('evidence.detail.key')}
          </label>
        </div>
      </div>
    </div>
  );
}
