/** Renderer entry: opens the database, picks the host and starts the UI. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Language } from '../../shared/case/schema';
import { App } from './app';
import { detectHost } from './host/host';
import { browserEnv } from './store/case-store';
import { openDb } from './store/db';
import { createOcrQueue } from './evidence/ocr-queue';
import { createRecognizer } from './evidence/recognizer';
import './styles.css';

function initialLanguage(): Language {
  const stored = localStorage.getItem('ui.language');
  if (stored === 'zh-TW' || stored === 'zh-CN' || stored === 'en') return stored;
  const nav = navigator.language.toLowerCase();
  if (nav.startsWith('zh')) return /cn|sg|hans/.test(nav) ? 'zh-CN' : 'zh-TW';
  return nav.startsWith('en') ? 'en' : 'zh-TW';
}

const root = document.getElementById('root');
if (root) {
  const db = openDb();
  // One recognition at a time per spare core pair: each engine holds its language data in memory.
  const concurrency = Math.max(1, Math.min(2, Math.floor((navigator.hardwareConcurrency || 2) / 2)));
  const ocrQueue = createOcrQueue(db, createRecognizer(concurrency), { concurrency, now: browserEnv.now });
  createRoot(root).render(
    <StrictMode>
      <App db={db} env={browserEnv} host={detectHost()} ocrQueue={ocrQueue} initialLanguage={initialLanguage()} />
    </StrictMode>,
  );
}
