import type { UnitKind } from '../../shared/api/api-types';

const allUnitKinds: Record<UnitKind, true> = {
  petition_bureau: true,
  functional_department: true,
  town_government: true,
  village_committee: true,
  mediation_committee: true,
  discipline_inspection: true,
};

export const unitKinds = Object.keys(allUnitKinds) as UnitKind[];
