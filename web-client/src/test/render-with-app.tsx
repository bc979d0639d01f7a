import { StyleProvider } from '@ant-design/cssinjs';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { createApiClient } from '../shared/api/api-client';
import { AuthProvider } from '../shared/auth/auth-provider';
import { createSessionStore } from '../shared/auth/session-store';
import { I18nProvider } from '../shared/i18n/i18n-provider';
import type { Locale } from '../shared/i18n/translate';
import { createFakeApi } from './fake-api';

/** Renders UI inside the real providers, talking to a scripted server instead of the network. */
export function renderWithApp(ui: ReactNode, options: { path?: string; locale?: Locale } = {}) {
  const server = createFakeApi();
  const session = createSessionStore(window.sessionStorage);
  const api = createApiClient({ baseUrl: 'http://api.test', session, fetch: server.fetch });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // Ant Design's styles are kept out of the document, as on a server: jsdom computes every element's style from every
  // rule injected (each role query asks whether an element is hidden), which made a form test take seconds per step.
  const view = render(
    <StyleProvider mock="server">
      <QueryClientProvider client={queryClient}>
        <I18nProvider initialLocale={options.locale ?? 'zh-CN'}>
          <AuthProvider api={api} session={session}>
            <MemoryRouter initialEntries={[options.path ?? '/']}>{ui}</MemoryRouter>
          </AuthProvider>
        </I18nProvider>
      </QueryClientProvider>
    </StyleProvider>,
  );
  return { ...view, server, session };
}
