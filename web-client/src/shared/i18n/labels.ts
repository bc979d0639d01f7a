import { isMessageKey, type Translate } from './translate';

function labelOf(t: Translate, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? t(key) : value;
}

export const roleLabel = (t: Translate, role: string): string => labelOf(t, 'role', role);

export const unitKindLabel = (t: Translate, kind: string): string => labelOf(t, 'unitKind', kind);

export const regionLevelLabel = (t: Translate, level: string): string => labelOf(t, 'regionLevel', level);

/** A petition's status as intake names it, for the pages of other features that link to one. */
export const petitionStatusLabel = (t: Translate, status: string): string => labelOf(t, 'status', status);
/** A webhook event type (`petition.accepted`) in words; a type the server added after this build shows as it is named. */
export const webhookEventLabel = (t: Translate, eventType: string): string => labelOf(t, 'webhookEvent', eventType);
/** A tab of the case worklist, for the pages of other features that link to one (`/cases?tab=`). */
export const caseTabLabel = (t: Translate, tab: string): string => labelOf(t, 'caseTab', tab);
