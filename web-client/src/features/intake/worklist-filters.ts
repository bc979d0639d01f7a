import type { Channel, PetitionFlag, PetitionQuery, PetitionStatus } from '../../shared/api/api-types';
import { channels, flags, statuses } from './intake-labels';

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

const isDay = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);
const oneOf = <T extends string>(known: readonly T[], value: string | null): T | undefined => known.find((item) => item === value);

/**
 * The filters an address asks for, in the API's spelling (`/petitions?status=registered&flag=acceptance_overdue`), so a
 * link (the home page's counts) opens the worklist filtered; values the worklist does not know are left out.
 */
export function filtersFromSearch(params: URLSearchParams): WorklistFilters {
  const filters: WorklistFilters = {};
  const status = oneOf(statuses, params.get('status'));
  if (status) filters.status = status;
  const channel = oneOf(channels, params.get('channel'));
  if (channel) filters.channel = channel;
  const category = params.get('category');
  if (category) filters.category = category;
  const regionId = params.get('regionId');
  if (regionId) filters.regionId = regionId;
  const flag = params.getAll('flag').flatMap((value) => oneOf(flags, value) ?? []);
  if (flag.length > 0) filters.flag = [...new Set(flag)];
  const receivedFrom = params.get('receivedFrom');
  if (isDay(receivedFrom)) filters.receivedFrom = receivedFrom;
  const receivedTo = params.get('receivedTo');
  if (isDay(receivedTo)) filters.receivedTo = receivedTo;
  const text = params.get('text')?.trim();
  if (text) filters.text = text;
  return filters;
}

/** The address of a filter set, the inverse of {@link filtersFromSearch}. */
export function filtersToSearch(filters: WorklistFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(toPetitionQuery(filters))) {
    for (const item of Array.isArray(value) ? value : [value]) params.append(name, String(item));
  }
  return params;
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
