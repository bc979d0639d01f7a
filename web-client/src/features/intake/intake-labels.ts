import type { Channel, Decision, LegalChannel, PetitionFlag, PetitionStatus } from '../../shared/api/api-types';
import type { Locale, Translate } from '../../shared/i18n/translate';
import { isMessageKey } from '../../shared/i18n/translate';

// Records keyed by the API's enums: a value added to the API fails the type check until listed here.
const channelSet: Record<Channel, true> = {
  letter: true,
  phone: true,
  visit: true,
  online: true,
  hotline12345: true,
  business_hotline: true,
  grassroots: true,
  leader_reception: true,
  door_to_door_visit: true,
  social_group: true,
  referral: true,
  third_party: true,
};
const statusSet: Record<PetitionStatus, true> = {
  registered: true,
  accepted: true,
  not_accepted: true,
  diverted: true,
  referred_to_discipline: true,
  converted_to_suggestion: true,
  referred_to_mediation: true,
  merged: true,
};
export const flagColors: Record<PetitionFlag, string> = {
  first_time: 'blue',
  repeat: 'orange',
  skip_level: 'volcano',
  collective: 'purple',
  business_environment: 'cyan',
  cross_boundary: 'geekblue',
  urgent: 'red',
  acceptance_overdue: 'magenta',
  final_matter: 'red',
};
const decisionSet: Record<Decision, true> = {
  accept: true,
  not_accept: true,
  divert: true,
  refer_to_discipline: true,
  convert_to_suggestion: true,
  refer_to_mediation: true,
};
const legalChannelSet: Record<LegalChannel, true> = {
  litigation: true,
  arbitration: true,
  administrative_review: true,
  labor_arbitration: true,
  other: true,
};

export const channels = Object.keys(channelSet) as Channel[];
export const statuses = Object.keys(statusSet) as PetitionStatus[];
export const flags = Object.keys(flagColors) as PetitionFlag[];
export const decisions = Object.keys(decisionSet) as Decision[];
export const legalChannels = Object.keys(legalChannelSet) as LegalChannel[];

function labelOf(t: Translate, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? t(key) : value;
}

export const channelLabel = (t: Translate, value: string) => labelOf(t, 'channel', value);
export const statusLabel = (t: Translate, value: string) => labelOf(t, 'status', value);
/** The status of the people's suggestion a petition became, as the suggestions' pages name it. */
export const suggestionStatusLabel = (t: Translate, value: string) => labelOf(t, 'suggestionStatus', value);
export const flagLabel = (t: Translate, value: string) => labelOf(t, 'flag', value);
export const flagReasonLabel = (t: Translate, value: string) => labelOf(t, 'flagReason', value);
export const decisionLabel = (t: Translate, value: string) => labelOf(t, 'decision', value);
export const legalChannelLabel = (t: Translate, value: string) => labelOf(t, 'legalChannel', value);
export const timelineLabel = (t: Translate, value: string) => labelOf(t, 'timeline', value);
export const duplicateReasonLabel = (t: Translate, value: string) => labelOf(t, 'duplicateReason', value);
export const linkKindLabel = (t: Translate, value: string) => labelOf(t, 'petition.linkKind', value);

export const statusColor = (status: PetitionStatus): string =>
  status === 'registered' ? 'gold' : status === 'accepted' ? 'green' : status === 'merged' ? 'default' : 'blue';

export const formatDateTime = (value: string, locale: Locale): string =>
  new Date(value).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });

/** The flags a list row carries, in the API's flag order. */
export function listItemFlags(item: {
  isFirstTime: boolean;
  isRepeat: boolean;
  isSkipLevel: boolean;
  isCollective: boolean;
  isBusiness: boolean;
  isCrossBoundary: boolean;
  isUrgent: boolean;
  isFinalMatter: boolean;
}): PetitionFlag[] {
  const result: PetitionFlag[] = [];
  if (item.isFirstTime) result.push('first_time');
  if (item.isRepeat) result.push('repeat');
  if (item.isSkipLevel) result.push('skip_level');
  if (item.isCollective) result.push('collective');
  if (item.isBusiness) result.push('business_environment');
  if (item.isCrossBoundary) result.push('cross_boundary');
  if (item.isUrgent) result.push('urgent');
  if (item.isFinalMatter) result.push('final_matter');
  return result;
}
