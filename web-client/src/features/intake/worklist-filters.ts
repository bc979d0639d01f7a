import type { Channel, PetitionFlag, PetitionQuery, PetitionStatus } from '../../shared/api/api-types';

export interface WorklistFilters {
  status?: PetitionStatus | undefined;
  channel?: Channel | undefined;
  category?: string | undefined;
  regionId?: string | undefined;
  flag?: PetitionFlag[] | undefined;
  receivedFrom?: string | undefined;
  receivedTo?: string | undefined;
  text?: string | undefined;
}

export interface SavedFilter {
  name: string;
  filters: WorklistFilters;
}

const storageKey = 'fengqiao.worklist.savedFilters';

/** The list/export query of a filter set: blanks are left out so the URL stays short. */
export function toPetitionQuery(filters: WorklistFilters): PetitionQuery {
  const query: PetitionQuery = {};
  if (filters.status) query.status = filters.status;
  if (filters.channel) query.channel = filters.channel;
  if (filters.category) query.category = filters.category;
  if (filters.regionId) query.regionId = filters.regionId;
  // The API takes the parameter repeated (flag=a&flag=b), which is what an array gives.
  if (filters.flag && filters.flag.length > 0) query.flag = [...filters.flag];
  if (filters.receivedFrom) query.receivedFrom = filters.receivedFrom;
  if (filters.receivedTo) query.receivedTo = filters.receivedTo;
  const text = filters.text?.trim();
  if (text) query.text = text;
  return query;
}

function isSavedFilter(value: unknown): value is SavedFilter {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.name === 'string' && typeof record.filters === 'object' && record.filters !== null;
}

export function readSavedFilters(storage: Storage = window.localStorage): SavedFilter[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(storageKey) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isSavedFilter) : [];
  } catch {
    return [];
  }
}

/** Saves a named filter set, replacing one of the same name. Returns the new list. */
export function saveFilter(saved: SavedFilter, storage: Storage = window.localStorage): SavedFilter[] {
  const list = [...readSavedFilters(storage).filter((item) => item.name !== saved.name), saved];
  storage.setItem(storageKey, JSON.stringify(list));
  return list;
}

export function deleteSavedFilter(name: string, storage: Storage = window.localStorage): SavedFilter[] {
  const list = readSavedFilters(storage).filter((item) => item.name !== name);
  storage.setItem(storageKey, JSON.stringify(list));
  return list;
}
