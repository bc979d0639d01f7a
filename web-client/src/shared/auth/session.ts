import { createSessionStore } from './session-store';

export const sessionStore = createSessionStore(globalThis.sessionStorage);
