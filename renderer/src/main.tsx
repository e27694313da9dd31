/** Renderer entry: opens the database, picks the host and starts the UI. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Language } from '../../shared/case/schema';
import { App } from './app';
import { detectHost } from './host/host';
import { browserEnv } from './store/case-store';
import { openDb } from './store/db';
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
  createRoot(root).render(
    <StrictMode>
      <App db={openDb()} env={browserEnv} host={detectHost()} initialLanguage={initialLanguage()} />
    </StrictMode>,
  );
}
