import { EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { describeError } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { DraftEditor } from './draft-editor';
import { SignCard } from './sign-card';
import { type UnitStandards as UnitStandardsData, useCreateDraft } from './standards.api';
import { CriteriaList, VersionHistory } from './version-history';

/** One cell or agency: its standards in force, the draft being prepared, its history and its sign. */
export function UnitStandards({ data }: { data: UnitStandardsData }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const createDraft = useCreateDraft();
  // A first draft is typed on screen before it exists on the server (it needs at least one criterion).
  const [typingFirst, setTypingFirst] = useState(false);
  const { current, draft, unit } = data;
  // Once the first draft is adopted, the on-screen first draft is done with.
  const editing = data.canEdit && (draft !== null || (typingFirst && current === null));

  const startDraft = () => {
    if (!current) {
      setTypingFirst(true);
      return;
    }
    // A new version starts on the server from the current criteria.
    createDraft.mutateAsync({ unitId: unit.id }).catch((error: unknown) => {
      void message.error(describeError(error, t));
    });
  };

  return (
    <>
      <PageHeader title={t('standards.title')} subtitle={t('standards.subtitleUnit', { unit: unit.name })} />
      {!unit.isOpen ? <Alert type="info" showIcon title={t('standards.closedUnit')} className="block-gap-bottom" /> : null}
      {unit.isOpen && !data.canEdit ? <Alert type="info" showIcon title={t('standards.readOnly')} className="block-gap-bottom" /> : null}
      <Row gutter={[16, 0]}>
        <Col xs={24} lg={14}>
          <Card
            title={t('standards.current.title')}
            className="block-gap-bottom"
            data-testid="standards-current"
            extra={current ? <Tag color="green">{t('standards.current.version', { number: current.versionNumber })}</Tag> : null}
          >
            {current ? (
              <>
                <Typography.Paragraph type="secondary">
                  {t('standards.current.adoptedOn', { date: formatDate(current.adoptedOn) })}
                </Typography.Paragraph>
                <CriteriaList version={current} />
              </>
            ) : (
              <Empty description={t('standards.current.none')} />
            )}
            {data.canEdit && !editing ? (
              <div className="block-gap">
                <Button
                  type="primary"
                  icon={<EditOutlined />}
                  onClick={startDraft}
                  loading={createDraft.isPending}
                  data-testid="standards-create-draft"
                >
                  {current ? t('standards.current.createNext') : t('standards.current.createFirst')}
                </Button>
                {current ? <Typography.Paragraph type="secondary">{t('standards.current.createNextHelp')}</Typography.Paragraph> : null}
              </div>
            ) : null}
          </Card>
          {editing ? (
            <DraftEditor
              unitId={unit.id}
              draft={draft}
              current={current}
              defaultTitle={t('standards.draft.defaultTitle', { unit: unit.name })}
              onCancelNew={() => setTypingFirst(false)}
            />
          ) : null}
          <VersionHistory versions={data.versions} />
        </Col>
        <Col xs={24} lg={10}>
          <SignCard data={data} />
        </Col>
      </Row>
    </>
  );
}
