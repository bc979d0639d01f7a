import { describe, expect, it } from 'vitest';
import type { ReceptionDetail } from '../../shared/api/api-types';
import { receptionAbilities } from './reception-abilities';

const reception = (allowedActions: ReceptionDetail['allowedActions']) => ({ allowedActions }) as ReceptionDetail;

describe('what the caller may do with a reception', () => {
  it('offers exactly the actions the server allows', () => {
    expect(receptionAbilities(reception(['hold', 'change']))).toEqual({
      hold: true,
      change: true,
      record: false,
      correct: false,
      takeCharge: false,
      reveal: false,
    });
    expect(receptionAbilities(reception(['record_batch', 'correct_batch', 'take_charge', 'reveal_petitioner']))).toEqual({
      hold: false,
      change: false,
      record: true,
      correct: true,
      takeCharge: true,
      reveal: true,
    });
  });

  it('offers nothing when the server allows nothing', () => {
    expect(Object.values(receptionAbilities(reception([])))).not.toContain(true);
  });
});
