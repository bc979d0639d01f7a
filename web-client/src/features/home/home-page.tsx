import { Card, Col, Descriptions, Empty, Row, Skeleton, Space, Tag, Tree, Typography } from 'antd';
import { useMemo } from 'react';
import { useCurrentUser } from '../../shared/auth/use-current-user';
import { LoadError } from '../../shared/components/load-error';
import { PageHeader } from '../../shared/components/page-header';
import { useI18n } from '../../shared/i18n/i18n-context';
import { regionLevelLabel, roleLabel, unitKindLabel } from '../../shared/i18n/labels';
import { countNodes } from '../../shared/regions/build-region-tree';
import { useRegionTree } from '../../shared/regions/use-regions';

function ProfileCard() {
  const { t } = useI18n();
  const me = useCurrentUser();
  return (
    <Card title={t('home.profile')}>
      {me.isPending ? (
        <Skeleton active />
      ) : me.isError ? (
        <LoadError compact error={me.error} onRetry={() => void me.refetch()} />
      ) : (
        <Descriptions column={1} size="small" data-testid="profile">
          <Descriptions.Item label={t('home.displayName')}>{me.data.displayName}</Descriptions.Item>
          <Descriptions.Item label={t('home.userName')}>{me.data.userName}</Descriptions.Item>
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
          <Descriptions.Item label={t('home.unitKind')}>{unitKindLabel(t, me.data.unit.kind)}</Descriptions.Item>
          <Descriptions.Item label={t('home.jurisdiction')}>{me.data.jurisdiction.name}</Descriptions.Item>
          <Descriptions.Item label={t('home.jurisdictionLevel')}>
            {regionLevelLabel(t, me.data.jurisdiction.level)}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}

function JurisdictionCard() {
  const { t } = useI18n();
  const regions = useRegionTree();
  const expanded = useMemo(() => regions.tree.map((node) => node.key), [regions.tree]);
  return (
    <Card title={t('home.regionTree')} extra={regions.data ? t('regions.count', { count: countNodes(regions.tree) }) : null}>
      {regions.isPending ? (
        <Skeleton active />
      ) : regions.isError ? (
        <LoadError compact error={regions.error} onRetry={() => void regions.refetch()} />
      ) : regions.tree.length === 0 ? (
        <Empty description={t('common.empty')} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('home.regionTreeHint')}</Typography.Paragraph>
          <Tree
            data-testid="jurisdiction-tree"
            treeData={regions.tree}
            defaultExpandedKeys={expanded}
            selectable={false}
            showLine
          />
        </>
      )}
    </Card>
  );
}

export function HomePage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  return (
    <>
      <PageHeader title={me.data ? t('home.welcome', { name: me.data.displayName }) : t('home.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <ProfileCard />
        </Col>
        <Col xs={24} lg={14}>
          <JurisdictionCard />
        </Col>
      </Row>
    </>
  );
}
