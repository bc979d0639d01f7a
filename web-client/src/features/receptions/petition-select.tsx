import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n-context';
import { usePetitionOptions } from './reception-queries';

/** Typing sends one search once the typing pauses, not one per keystroke. */
const searchDelayMs = 300;

interface PetitionOption {
  value: string;
  label: string;
}

/** A petition of the caller's jurisdiction, found by typing part of its number (or of its request). */
export function PetitionSelect({
  value,
  onChange,
  id,
}: {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  id?: string;
}) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  // The picked petition keeps its label when a later search no longer lists it.
  const [picked, setPicked] = useState<PetitionOption | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed), searchDelayMs);
    return () => clearTimeout(timer);
  }, [typed]);
  const petitions = usePetitionOptions(search);
  const found: PetitionOption[] = (petitions.data ?? []).map((petition) => ({
    value: petition.id,
    label: [petition.number, petition.firstPetitioner, petition.requestText.slice(0, 40)].filter(Boolean).join(' · '),
  }));
  const options = picked && picked.value === value && !found.some((option) => option.value === value) ? [picked, ...found] : found;

  return (
    <Select<string>
      id={id}
      value={value ?? undefined}
      onChange={(next) => {
        setPicked(found.find((option) => option.value === next) ?? null);
        onChange?.(next);
      }}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear
      options={options}
      placeholder={t('batchForm.petitionSearch')}
      loading={petitions.isFetching}
      status={petitions.isError ? 'error' : undefined}
      notFoundContent={
        petitions.isFetching ? (
          <Spin size="small" />
        ) : petitions.isError ? (
          t('common.loadFailed')
        ) : search.trim().length < 2 ? (
          t('batchForm.petitionSearchHint')
        ) : (
          t('batchForm.petitionNone')
        )
      }
    />
  );
}
