/**
 * Redaction of one exhibit image: drag on the image to draw a box, find personal numbers in the
 * recognised words and accept or reject each suggestion, remove boxes. Boxes are stored in the
 * case draft (`redactions`) in pixels of the upright image, which is how the browser shows it and
 * how OCR measured it; every export burns the accepted ones into the pixels.
 */
import { useRef, useState, type PointerEvent } from 'react';
import type { Box, Redaction, RedactionId } from '../../../shared/case/schema';
import { useServices } from '../app-context';
import { useI18n } from '../i18n/i18n';
import type { CaseRow, EvidenceRow } from '../store/db';
import { suggestRedactions } from './suggest';
import './redaction.css';

/** Smallest box kept from a drag, in image pixels (a click is not a box). */
const MIN_SIDE = 4;

export function RedactionEditor({ row, caseRow, update, imageUrl }: {
  row: EvidenceRow;
  caseRow: CaseRow;
  update: (change: (row: CaseRow) => CaseRow) => void;
  imageUrl: string;
}) {
  const { env } = useServices();
  const { t } = useI18n();
  const svgRef = useRef<SVGSVGElement>(null);
  const [size, setSize] = useState<{ w: number; h: number } | undefined>();
  const [drag, setDrag] = useState<{ x0: number; y0: number; box: Box } | undefined>();
  const [selected, setSelected] = useState<string | undefined>();
  const [found, setFound] = useState<number | undefined>();
  const mine = caseRow.redactions.filter((r) => r.evidence === row.id && r.page === 1);
  const accepted = mine.filter((r) => r.status === 'accepted').length;
  const pending = mine.filter((r) => r.status === 'suggested');

  const toImage = (e: PointerEvent<SVGSVGElement>): { x: number; y: number } => {
    const rect = svgRef.current!.getBoundingClientRect();
    const x = ((e.clientX - rect.left) / rect.width) * size!.w;
    const y = ((e.clientY - rect.top) / rect.height) * size!.h;
    return { x: Math.min(size!.w, Math.max(0, x)), y: Math.min(size!.h, Math.max(0, y)) };
  };
  const setRedactions = (change: (list: Redaction[]) => Redaction[]) => update((c) => ({ ...c, redactions: change(c.redactions) }));
  const setStatus = (id: string, status: Redaction['status']) => setRedactions((list) => list.map((r) => (r.id === id ? { ...r, status } : r)));
  const remove = (id: string) => setRedactions((list) => list.filter((r) => r.id !== id));

  const onDown = (e: PointerEvent<SVGSVGElement>) => {
    if (!size || e.button !== 0) return;
    const target = e.target as Element;
    const hitId = target.getAttribute('data-id');
    if (hitId) { setSelected(hitId); return; }
    e.currentTarget.setPointerCapture(e.pointerId);
    const p = toImage(e);
    setDrag({ x0: p.x, y0: p.y, box: { x: p.x, y: p.y, w: 0, h: 0 } });
  };
  const onMove = (e: PointerEvent<SVGSVGElement>) => {
    if (!drag) return;
    const p = toImage(e);
    setDrag({ ...drag, box: { x: Math.min(drag.x0, p.x), y: Math.min(drag.y0, p.y), w: Math.abs(p.x - drag.x0), h: Math.abs(p.y - drag.y0) } });
  };
  const onUp = () => {
    if (!drag) return;
    const { box } = drag;
    setDrag(undefined);
    if (box.w < MIN_SIDE || box.h < MIN_SIDE) return;
    const rounded = { x: Math.round(box.x), y: Math.round(box.y), w: Math.round(box.w), h: Math.round(box.h) };
    const id = env.newId() as RedactionId;
    setRedactions((list) => [...list, { id, evidence: row.id, page: 1, box: rounded, kind: 'manual', status: 'accepted' }]);
    setSelected(id);
  };
  const suggest = () => {
    const added = suggestRedactions(caseRow, row, env.newId);
    setFound(added.length + pending.length);
    if (added.length) setRedactions((list) => [...list, ...added]);
  };

  const hasWords = (row.ocr?.pages ?? []).some((p) => p.words.length > 0);
  return (
    <section className="redaction-editor" aria-labelledby={`redaction-${row.id}`}>
      <h3 id={`redaction-${row.id}`}>{t('redaction.title')}</h3>
      <p className="field-hint">{t('redaction.hint')}</p>
      <div className="redaction-toolbar">
        <button type="button" className="button" onClick={suggest} disabled={!hasWords}>{t('redaction.suggest')}</button>
        {pending.length > 1 ? (
          <button type="button" className="button ghost small" onClick={() => setRedactions((list) => list.map((r) => (r.evidence === row.id && r.status === 'suggested' ? { ...r, status: 'accepted' } : r)))}>{t('redaction.acceptAll')}</button>
        ) : null}
        <span className="muted small" role="status">
          {!hasWords ? t('redaction.noText') : found === undefined ? t('redaction.count', { count: accepted }) : found === 0 ? t('redaction.none') : t('redaction.suggested', { count: found })}
        </span>
      </div>
      <div className="redaction-stage">
        <img src={imageUrl} alt="" onLoad={(e) => setSize({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })} draggable={false} />
        {size ? (
          <svg
            ref={svgRef}
            viewBox={`0 0 ${size.w} ${size.h}`}
            preserveAspectRatio="none"
            role="img"
            aria-label={t('redaction.canvas')}
            data-testid="redaction-canvas"
            onPointerDown={onDown}
            onPointerMove={onMove}
            onPointerUp={onUp}
            onPointerCancel={() => setDrag(undefined)}
          >
            {mine.map((r) => (
              <rect key={r.id} data-id={r.id} className={`${r.status}${selected === r.id ? ' selected' : ''}`} x={r.box.x} y={r.box.y} width={r.box.w} height={r.box.h}>
                <title>{t(`redaction.kind.${r.kind}`)}</title>
              </rect>
            ))}
            {drag ? <rect className="drawing" x={drag.box.x} y={drag.box.y} width={drag.box.w} height={drag.box.h} /> : null}
          </svg>
        ) : null}
      </div>
      {mine.length ? (
        <ul className="redaction-list">
          {mine.map((r) => (
            <li key={r.id} className={selected === r.id ? 'selected' : undefined} data-status={r.status} onClick={() => setSelected(r.id)}>
              <span className="redaction-kind">{t(`redaction.kind.${r.kind}`)} · {t(`redaction.status.${r.status}`)}</span>
              {r.status !== 'accepted' ? <button type="button" className="button ghost small" onClick={() => setStatus(r.id, 'accepted')}>{t('redaction.accept')}</button> : null}
              {r.status === 'suggested' ? <button type="button" className="button ghost small" onClick={() => setStatus(r.id, 'rejected')}>{t('redaction.reject')}</button> : null}
              {r.status !== 'suggested' ? <button type="button" className="button ghost small danger" onClick={() => remove(r.id)}>{t('redaction.remove')}</button> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
