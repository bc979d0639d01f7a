import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter } from 'react-router';
import { api } from '../shared/api/api';
import { AuthProvider } from '../shared/auth/auth-provider';
import { sessionStore } from '../shared/auth/session';
import { I18nProvider } from '../shared/i18n/i18n-provider';
import { AppRoutes } from './app-routes';
import { createQueryClient } from './query-client';

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <AuthProvider api={api} session={sessionStore}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </AuthProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
