import { describe, expect, it } from 'vitest';
import type { ReceptionDetail } from '../../shared/api/api-types';
import { receptionAbilities } from './reception-abilities';

const reception = (extra: Partial<ReceptionDetail>) =>
  ({ kind: 'leader_day', status: 'scheduled', hostUserId: 'u-leader', ...extra }) as ReceptionDetail;

describe('what the caller may do with a reception', () => {
  it("lets the receiving leader change and hold their own, and record once held; another leader only reads and takes charge", () => {
    const host = { id: 'u-leader', roles: ['leader'] };
    expect(receptionAbilities(reception({}), host)).toMatchObject({ hold: true, change: true, record: false });
    expect(receptionAbilities(reception({ status: 'held' }), host)).toMatchObject({ hold: false, change: false, record: true, correct: true, takeCharge: true });
    expect(receptionAbilities(reception({ status: 'held' }), { id: 'u-other', roles: ['leader'] })).toMatchObject({
      record: false,
      correct: false,
      takeCharge: true,
      reveal: true,
    });
  });

  it("gives the petition bureau the duties and home visits, and recording at leaders' receptions; an admin changes but does not record", () => {
    const officer = { id: 'u-officer', roles: ['petition_officer'] };
    const admin = { id: 'u-admin', roles: ['admin'] };
    expect(receptionAbilities(reception({ kind: 'department_duty', hostUserId: null }), officer)).toMatchObject({ hold: true, change: true });
    expect(receptionAbilities(reception({}), officer)).toMatchObject({ hold: true, change: false });
    expect(receptionAbilities(reception({}), admin)).toMatchObject({ hold: false, change: true, reveal: false });
    expect(receptionAbilities(reception({ status: 'held' }), admin)).toMatchObject({ record: false, correct: true, takeCharge: false });
    expect(receptionAbilities(reception({ status: 'cancelled' }), officer)).toMatchObject({ hold: false, change: false, record: false, correct: false });
  });
});
