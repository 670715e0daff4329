import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../../components/app';
import { t, uiLocale } from '../../lib/i18n';
import './style.css';

// The document speaks the browser's language, so screen readers and fonts pick the right one.
document.documentElement.lang = uiLocale();
document.title = t('extName');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
