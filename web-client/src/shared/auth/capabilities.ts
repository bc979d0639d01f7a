import type { components } from '../api/schema';
import { useCurrentUser } from './use-current-user';

/** A page or feature of the app; the server's table decides who holds it and `GET /me` lists the caller's. */
export type Capability = components['schemas']['Capability'];

/** Whether the list holds the capability; no capability asked for means everyone. */
export function holds(capabilities: readonly Capability[], capability: Capability | undefined): boolean {
  return capability === undefined || capabilities.includes(capability);
}

/** Whether the signed-in user holds the capability; false while `/me` is loading. */
export function useCapability(capability: Capability): boolean {
  const me = useCurrentUser();
  return me.data?.capabilities.includes(capability) ?? false;
}
