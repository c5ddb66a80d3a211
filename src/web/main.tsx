import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady } from './i18n';
import './styles.css';
import { requestEarlyData } from './app/early-data';
import { AppRoutes } from './app/routes';
import { Providers } from './app/providers';
import { createQueryClient } from './app/query-client';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element');

const queryClient = createQueryClient();
requestEarlyData(queryClient);

void i18nReady.then(() =>
  createRoot(container).render(
    <StrictMode>
      <Providers queryClient={queryClient}>
        <AppRoutes />
      </Providers>
    </StrictMode>,
  ),
);
