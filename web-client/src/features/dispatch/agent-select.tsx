import { Empty, Select, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n-context';
import { useAgentOptions } from './dispatch-queries';

/** Typing a name sends one search once the typing pauses, not one per keystroke. */
const searchDelayMs = 300;

/** An active petition agent of the caller's jurisdiction, searched by name on the server. */
export function AgentSelect({ id, value, onChange }: { id?: string; value?: string; onChange?: (value: string | undefined) => void }) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed), searchDelayMs);
    return () => clearTimeout(timer);
  }, [typed]);
  const agents = useAgentOptions(search);

  const notFound = agents.isPending ? (
    <Spin size="small" />
  ) : agents.isError ? (
    <Typography.Text type="danger">{t('caseForm.agentsFailed')}</Typography.Text>
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('caseForm.agentsEmpty')} />
  );

  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(next) => onChange?.(next)}
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped }}
      options={agents.isError ? [] : (agents.data ?? []).map((agent) => ({ value: agent.id, label: `${agent.displayName} · ${agent.unitName}` }))}
      loading={agents.isFetching}
      status={agents.isError ? 'error' : undefined}
      placeholder={agents.isError ? t('caseForm.agentsFailed') : undefined}
      notFoundContent={notFound}
      onOpenChange={(open) => {
        if (open && agents.isError) void agents.refetch();
      }}
    />
  );
}
