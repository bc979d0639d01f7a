import { sessionStore } from '../auth/session';
import { createApiClient } from './api-client';
import { apiOrigin } from './api-origin';

export const api = createApiClient({ baseUrl: apiOrigin(), session: sessionStore });
