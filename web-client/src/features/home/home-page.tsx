import { Card, Col, Collapse, Descriptions, Empty, Flex, Row, Skeleton, Space, Tag, Tree, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { WorklistTab } from '../../shared/api/api-types';
import { holds, type Capability } from '../../shared/auth/capabilities';
import { useCurrentUser } from '../../shared/auth/use-current-user';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { useI18n } from '../../shared/i18n/i18n-context';
import { caseTabLabel, regionLevelLabel, roleLabel } from '../../shared/i18n/labels';
import { countNodes } from '../../shared/regions/build-region-tree';
import { useRegionTree } from '../../shared/regions/use-regions';
import { useCaseCounts, useMediationCounts, usePetitionCounts, useSuggestionCounts, useUnitAssignmentCounts } from './home-queries';

/** One count of waiting work and the worklist, with its tab or filter, that lists it. */
interface WaitingCount {
  key: string;
  label: string;
  count: number;
  to: string;
  /** Shown in the error colour while above zero: the work is late. */
  late?: boolean;
}

/** A module's part of the waiting work: its counts once they have loaded, or why they have not. */
interface WaitingSection {
  key: string;
  title: string;
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  counts: WaitingCount[];
}

// The case tabs that hold work waiting for someone, in the worklist's order; in progress and replied are not waiting.
const waitingTabs: readonly WorklistTab[] = ['to_assign', 'returned', 'to_sign', 'to_reply', 'due_soon', 'overdue', 'supervision_orders', 'agent'];
const lateTabs: ReadonlySet<WorklistTab> = new Set(['overdue']);

function CountLink({ item }: { item: WaitingCount }) {
  const late = item.late === true && item.count > 0;
  return (
    <Link to={item.to} data-testid={`count-${item.key}`} style={{ display: 'block' }}>
      <Card size="small" hoverable>
        <Typography.Text strong style={{ display: 'block', fontSize: 28, lineHeight: 1.3 }} type={late ? 'danger' : undefined}>
          {item.count}
        </Typography.Text>
        <Typography.Text>{item.label}</Typography.Text>
      </Card>
    </Link>
  );
}

function SectionCard({ section }: { section: WaitingSection }) {
  const { query } = section;
  return (
    <Card title={section.title} size="small" data-testid={`section-${section.key}`}>
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : query.isError ? (
        <LoadError compact error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Row gutter={[12, 12]}>
          {section.counts.map((item) => (
            <Col key={item.key} xs={12} sm={8} xl={6}>
              <CountLink item={item} />
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}

/** The modules' counts of the work waiting for the user, each asked only when the user holds its capability. */
function useWaitingSections(capabilities: readonly Capability[]): WaitingSection[] {
  const { t } = useI18n();
  const seesCases = capabilities.some((capability) => capability.startsWith('case_tab_'));
  const classifies = holds(capabilities, 'classify_petitions');
  const mediates = holds(capabilities, 'mediate_disputes');
  const reviews = holds(capabilities, 'handle_suggestions');
  const answers = holds(capabilities, 'answer_assigned_suggestions');
  const petitions = usePetitionCounts(classifies);
  const cases = useCaseCounts(seesCases);
  const mediation = useMediationCounts(mediates);
  const suggestions = useSuggestionCounts(reviews);
  const assignments = useUnitAssignmentCounts(answers);

  const sections: WaitingSection[] = [];
  if (classifies) {
    sections.push({
      key: 'petitions',
      title: t('home.petitions'),
      query: petitions,
      counts: petitions.data
        ? [
            { key: 'to_accept', label: t('home.toAccept'), count: petitions.data.toAccept, to: '/petitions?status=registered' },
            {
              key: 'acceptance_overdue',
              label: t('home.acceptanceOverdue'),
              count: petitions.data.acceptanceOverdue,
              to: '/petitions?status=registered&flag=acceptance_overdue',
              late: true,
            },
          ]
        : [],
    });
  }
  if (seesCases) {
    const tabs = cases.data ?? {};
    sections.push({
      key: 'cases',
      title: t('home.cases'),
      query: cases,
      counts: waitingTabs
        .filter((tab) => tabs[tab] !== undefined)
        .map((tab) => ({ key: tab, label: caseTabLabel(t, tab), count: tabs[tab] ?? 0, to: `/cases?tab=${tab}`, late: lateTabs.has(tab) })),
    });
  }
  if (mediates) {
    sections.push({
      key: 'mediation',
      title: t('home.mediation'),
      query: mediation,
      counts: mediation.data
        ? [
            { key: 'sessions_today', label: t('home.sessionsToday'), count: mediation.data.sessionsToday, to: '/mediation/calendar' },
            { key: 'disputes_to_accept', label: t('home.disputesToAccept'), count: mediation.data.disputesToAccept, to: '/mediation/disputes?status=registered' },
          ]
        : [],
    });
  }
  if (reviews) {
    sections.push({
      key: 'suggestions',
      title: t('home.suggestions'),
      query: suggestions,
      counts: suggestions.data
        ? [
            { key: 'to_screen', label: t('home.toScreen'), count: suggestions.data.toScreen, to: '/suggestions?status=submitted' },
            { key: 'to_assign_suggestions', label: t('home.toAssignSuggestions'), count: suggestions.data.toAssign, to: '/suggestions?status=valid' },
          ]
        : [],
    });
  }
  if (answers) {
    sections.push({
      key: 'assigned-suggestions',
      title: t('home.assignedSuggestions'),
      query: assignments,
      counts: assignments.data
        ? [
            { key: 'to_answer', label: t('home.toAnswer'), count: assignments.data.toAnswer, to: '/suggestions/assigned?filter=open' },
            { key: 'answer_overdue', label: t('home.answerOverdue'), count: assignments.data.overdue, to: '/suggestions/assigned?filter=open', late: true },
          ]
        : [],
    });
  }
  return sections;
}

function WaitingWork({ capabilities }: { capabilities: readonly Capability[] }) {
  const { t } = useI18n();
  const sections = useWaitingSections(capabilities);
  const settled = sections.every((section) => !section.query.isPending && !section.query.isError);
  const nothingWaits = settled && sections.every((section) => section.counts.every((item) => item.count === 0));
  return (
    <section aria-label={t('home.waiting')} data-testid="waiting-work">
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
        {t('home.waiting')}
      </Typography.Title>
      {nothingWaits ? (
        <Card>
          <Empty description={t('home.nothingWaits')} />
        </Card>
      ) : (
        <Flex vertical gap={16}>
          {sections.map((section) => (
            <SectionCard key={section.key} section={section} />
          ))}
        </Flex>
      )}
    </section>
  );
}

function JurisdictionTree() {
  const { t } = useI18n();
  const regions = useRegionTree();
  const expanded = useMemo(() => regions.tree.map((node) => node.key), [regions.tree]);
  if (regions.isPending) return <Skeleton active />;
  if (regions.isError) return <LoadError compact error={regions.error} onRetry={() => void regions.refetch()} />;
  if (regions.tree.length === 0) return <Empty description={t('common.empty')} />;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('regions.count', { count: countNodes(regions.tree) })}</Typography.Paragraph>
      <Tree data-testid="jurisdiction-tree" treeData={regions.tree} defaultExpandedKeys={expanded} selectable={false} showLine />
    </>
  );
}

function ProfileCard() {
  const { t } = useI18n();
  const me = useCurrentUser();
  return (
    <Card title={t('home.profile')} size="small">
      {me.isPending ? (
        <Skeleton active />
      ) : me.isError ? (
        <LoadError compact error={me.error} onRetry={() => void me.refetch()} />
      ) : (
        <>
          <Descriptions column={1} size="small" data-testid="profile">
            <Descriptions.Item label={t('home.displayName')}>{me.data.displayName}</Descriptions.Item>
            <Descriptions.Item label={t('home.roles')}>
              <Space size={[4, 4]} wrap>
                {me.data.roles.map((role) => (
                  <Tag key={role} color="blue">
                    {roleLabel(t, role)}
                  </Tag>
                ))}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('home.unit')}>{me.data.unit.name}</Descriptions.Item>
            <Descriptions.Item label={t('home.jurisdiction')}>
              {me.data.jurisdiction.name} ({regionLevelLabel(t, me.data.jurisdiction.level)})
            </Descriptions.Item>
          </Descriptions>
          <Collapse
            ghost
            size="small"
            items={[{ key: 'regions', label: t('home.regionTree'), children: <JurisdictionTree /> }]}
          />
        </>
      )}
    </Card>
  );
}

/** The home page: what waits for the signed-in user, by the modules of their roles, each count opening its worklist; and who they are. */
export function HomePage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  return (
    <>
      <PageHeader title={me.data ? t('home.welcome', { name: me.data.displayName }) : t('home.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          {me.data ? <WaitingWork capabilities={me.data.capabilities} /> : me.isError ? null : <Skeleton active />}
        </Col>
        <Col xs={24} xl={7}>
          <ProfileCard />
        </Col>
      </Row>
    </>
  );
}
