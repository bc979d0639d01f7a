import type { ReceptionDetail } from '../../shared/api/api-types';
import { isLeadersKind } from './reception-labels';

export interface ReceptionAbilities {
  hold: boolean;
  /** Change or cancel: only while scheduled. */
  change: boolean;
  record: boolean;
  correct: boolean;
  takeCharge: boolean;
  reveal: boolean;
}

/** Who reads the calendar, a reception and the figures: those who receive, record, oversee, analyse or manage. */
export const receptionReaderRoles = ['leader', 'petition_officer', 'supervisor', 'analyst', 'admin'] as const;

const revealRoles = ['petition_officer', 'supervisor', 'leader', 'discipline_inspector'];

/**
 * What the caller may do with a reception, mirroring the API's rules so that only usable buttons show: the receiving leader
 * or the petition bureau holds a leader's reception and records its batches, the bureau alone a duty or home visit; the
 * leader or an admin changes a leader's, the bureau or an admin the others'. The API decides in the end.
 */
export function receptionAbilities(reception: ReceptionDetail, me: { id: string; roles: readonly string[] }): ReceptionAbilities {
  const has = (role: string) => me.roles.includes(role);
  const isHost = has('leader') && reception.hostUserId === me.id;
  const officer = has('petition_officer');
  const admin = has('admin');
  const leaders = isLeadersKind(reception.kind);
  const mayRecord = leaders ? isHost || officer : officer;
  const mayChange = leaders ? isHost || admin : officer || admin;
  return {
    hold: reception.status === 'scheduled' && mayRecord,
    change: reception.status === 'scheduled' && mayChange,
    record: reception.status === 'held' && mayRecord,
    correct: reception.status === 'held' && (isHost || officer || admin),
    takeCharge: has('leader'),
    reveal: revealRoles.some(has),
  };
}
