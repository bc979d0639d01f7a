import type { DiaryEntryKind, DiaryEntryState, DiaryOutcome, SuggestionStatus } from '../../shared/api/api-types';
import { petitionStatusLabel } from '../../shared/i18n/labels';
import type { Translate } from '../../shared/i18n/translate';
import type { MessageKey } from '../../shared/i18n/zh-cn';
import { suggestionStatusLabel } from './suggestion-labels';

export const diaryEntryKinds: readonly DiaryEntryKind[] = ['visit', 'group_message'];
export const diaryEntryStates: readonly DiaryEntryState[] = ['open', 'grouped', 'converted'];

const kindKeys: Record<DiaryEntryKind, MessageKey> = {
  visit: 'diaryKind.visit',
  group_message: 'diaryKind.group_message',
};

const stateKeys: Record<DiaryEntryState, MessageKey> = {
  open: 'diaryState.open',
  grouped: 'diaryState.grouped',
  converted: 'diaryState.converted',
};

export const diaryStateColors: Record<DiaryEntryState, string> = { open: 'blue', grouped: 'purple', converted: 'green' };

export const diaryKindLabel = (t: Translate, kind: DiaryEntryKind) => t(kindKeys[kind]);
export const diaryStateLabel = (t: Translate, state: DiaryEntryState) => t(stateKeys[state]);

/** What an entry or matter became and where it stands, in words: "petition 越城-2026-000123 · registered". */
export function diaryOutcomeText(t: Translate, outcome: DiaryOutcome): string {
  const kind = outcome.kind === 'petition' ? t('diary.becamePetition') : t('diary.becameSuggestion');
  const status = !outcome.status
    ? t('diary.statusHidden')
    : outcome.kind === 'petition'
      ? petitionStatusLabel(t, outcome.status)
      : suggestionStatusLabel(t, outcome.status as SuggestionStatus);
  return `${kind} ${outcome.reference} · ${status}`;
}

/** A local day, as the cadre wrote it down. */
export const formatDay = (value: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
