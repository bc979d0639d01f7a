import type { BatchOutcome, ReceptionKind, ReceptionLevel, ReceptionStatus } from '../../shared/api/api-types';
import type { Locale, Translate } from '../../shared/i18n/translate';
import type { MessageKey } from '../../shared/i18n/zh-cn';

// Records keyed by the API's enums: a value added to the API fails the type check until it has words here.
const kindKeys: Record<ReceptionKind, MessageKey> = {
  leader_day: 'receptionKind.leader_day',
  department_duty: 'receptionKind.department_duty',
  appointment: 'receptionKind.appointment',
  home_visit: 'receptionKind.home_visit',
  leader_visit: 'receptionKind.leader_visit',
};
const levelKeys: Record<ReceptionLevel, MessageKey> = {
  city: 'receptionLevel.city',
  district: 'receptionLevel.district',
  town: 'receptionLevel.town',
  village: 'receptionLevel.village',
};
const statusKeys: Record<ReceptionStatus, MessageKey> = {
  scheduled: 'receptionStatus.scheduled',
  held: 'receptionStatus.held',
  cancelled: 'receptionStatus.cancelled',
};
const outcomeKeys: Record<BatchOutcome, MessageKey> = {
  solved_on_the_spot: 'batchOutcome.solved_on_the_spot',
  explained: 'batchOutcome.explained',
  assigned: 'batchOutcome.assigned',
};

export const receptionKinds = Object.keys(kindKeys) as ReceptionKind[];
export const receptionLevels = Object.keys(levelKeys) as ReceptionLevel[];
export const batchOutcomes = Object.keys(outcomeKeys) as BatchOutcome[];

export const kindLabel = (t: Translate, kind: ReceptionKind): string => t(kindKeys[kind]);
export const levelLabel = (t: Translate, level: ReceptionLevel): string => t(levelKeys[level]);
export const receptionStatusLabel = (t: Translate, status: ReceptionStatus): string => t(statusKeys[status]);
export const outcomeLabel = (t: Translate, outcome: BatchOutcome): string => t(outcomeKeys[outcome]);

// Tags are drawn solid with white text: these darker shades keep AA contrast, which antd's light preset tags do not.
export const kindColors: Record<ReceptionKind, string> = {
  leader_day: '#1f5fbf',
  department_duty: '#006d75',
  appointment: '#531dab',
  home_visit: '#237804',
  leader_visit: '#ad4e00',
};
export const statusColors: Record<ReceptionStatus, string> = { scheduled: '#595959', held: '#237804', cancelled: '#a8071a' };
export const outcomeColors: Record<BatchOutcome, string> = { solved_on_the_spot: '#237804', explained: '#1f5fbf', assigned: '#ad4e00' };

/** A leader's own receptions: scheduled by the leader (or an admin for them); the others belong to the petition bureau. */
export const isLeadersKind = (kind: ReceptionKind): boolean => kind === 'leader_day' || kind === 'appointment' || kind === 'leader_visit';

/** Only reception days and duties are announced to the public; appointments and visits concern named people. */
export const mayBePublished = (kind: ReceptionKind): boolean => kind === 'leader_day' || kind === 'department_duty';

/** Who receives: the leader, or the unit on duty or visiting (with the visiting cadre's name). */
export function hostOf(item: { hostName?: string | null; unitName?: string | null }): string {
  return [item.unitName, item.hostName].filter(Boolean).join(' · ');
}

/** A resolution rate (a fraction) as a percentage with two decimals; a dash without batches. */
export const formatRate = (rate: number | null | undefined, locale: Locale): string =>
  rate === null || rate === undefined
    ? '—'
    : new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(rate);
