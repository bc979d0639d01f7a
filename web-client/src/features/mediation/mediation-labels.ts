import type { DisputeType, MediationRoomKind } from '../../shared/api/api-types';
import type { Locale, Translate } from '../../shared/i18n/translate';
import type { MessageKey } from '../../shared/i18n/zh-cn';

// Keyed by the API's enum: a kind added to the API fails the type check until it has words here.
const roomKindKeys: Record<MediationRoomKind, MessageKey> = {
  brand_room: 'mediationRoomKind.brand_room',
  industry_committee: 'mediationRoomKind.industry_committee',
  people_mediation_committee: 'mediationRoomKind.people_mediation_committee',
};

export const roomKinds = Object.keys(roomKindKeys) as MediationRoomKind[];

export const roomKindLabel = (t: Translate, kind: MediationRoomKind): string => t(roomKindKeys[kind]);

// Preset tag colours whose dark text on their light ground meets AA contrast (green and cyan do not).
export const roomKindColors: Record<MediationRoomKind, string> = {
  brand_room: 'magenta',
  industry_committee: 'geekblue',
  people_mediation_committee: 'purple',
};

/** A dispute type's name in the locale, from the types the API lists; the code itself while they load. */
export function disputeTypeName(types: readonly DisputeType[] | undefined, code: string, locale: Locale): string {
  const type = types?.find((candidate) => candidate.code === code);
  if (!type) return code;
  return locale === 'en' ? type.nameEn : type.nameZh;
}
