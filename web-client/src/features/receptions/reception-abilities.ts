import type { ReceptionDetail } from '../../shared/api/api-types';

export interface ReceptionAbilities {
  hold: boolean;
  /** Change or cancel: only while scheduled. */
  change: boolean;
  record: boolean;
  correct: boolean;
  takeCharge: boolean;
  reveal: boolean;
}

/** The buttons a reception's page shows: exactly the reception's `allowedActions`, which the server's rule answers. */
export function receptionAbilities(reception: ReceptionDetail): ReceptionAbilities {
  const allowed = new Set(reception.allowedActions);
  return {
    hold: allowed.has('hold'),
    change: allowed.has('change'),
    record: allowed.has('record_batch'),
    correct: allowed.has('correct_batch'),
    takeCharge: allowed.has('take_charge'),
    reveal: allowed.has('reveal_petitioner'),
  };
}
