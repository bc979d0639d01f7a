import type { Dayjs } from 'dayjs';
import type { AuditEntryQuery } from '../../shared/api/api-types';

/** The audit page's filter form: a date range of local days instead of the API's instants. */
export interface AuditFilterForm {
  actorUserId?: string;
  objectType?: string;
  objectId?: string;
  action?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
}

const blankToUndefined = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** The API query of the form: the period runs from the start of its first day to the start of the day after its last. */
export function toAuditQuery(form: AuditFilterForm): Omit<AuditEntryQuery, 'cursor' | 'limit'> {
  const [first, last] = form.period ?? [null, null];
  return {
    actorUserId: blankToUndefined(form.actorUserId),
    objectType: blankToUndefined(form.objectType),
    objectId: blankToUndefined(form.objectId),
    action: blankToUndefined(form.action),
    from: first ? first.startOf('day').toISOString() : undefined,
    to: last ? last.add(1, 'day').startOf('day').toISOString() : undefined,
  };
}

/** Pretty-prints a recorded snapshot; text that is not JSON is shown as stored. */
export function formatSnapshot(json: string | null | undefined): string | null {
  if (!json) return null;
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}
