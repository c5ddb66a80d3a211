import { CalculatorOutlined, CheckSquareOutlined, FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActingUnit } from '../../app/acting-unit';
import { useCan } from '../../app/session';
import { DownloadButton } from '../../components/download-button';
import { describeError } from '../../lib/errors';
import { gradingDownloads, type GradingSubject, useDecideMany, useProposeAll } from './grading.api';

/**
 * What the grading and deciding levels do to many at once: fill the rule's proposal from the
 * self-scored sheets, decide the selected at the grades proposed, and the documents of the year.
 */
export function GradingListToolbar({
  actingUnit,
  year,
  subject,
  selected,
  onDecided,
}: {
  actingUnit: ActingUnit;
  year: number;
  subject: GradingSubject;
  selected: Array<{ id: number; version: number }>;
  onDecided: () => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const canGrade = useCan('grading.grade');
  const canDecide = useCan('grading.decide');
  const propose = useProposeAll();
  const decideMany = useDecideMany();
  const record = gradingDownloads.record(actingUnit.id, year);
  const results = gradingDownloads.results(actingUnit.id, year);

  const proposeAll = () =>
    propose.mutate(
      { unitId: actingUnit.id, year },
      {
        onSuccess: ({ proposed }) =>
          void message.success(proposed > 0 ? t('grading.list.proposed', { count: proposed }) : t('grading.list.nothingToPropose')),
        onError: (error) => void message.error(describeError(error, t)),
      },
    );

  const decideSelected = () =>
    modal.confirm({
      title: t('grading.list.decideManyTitle'),
      content: t('grading.list.decideManyContent', { count: selected.length }),
      okText: t('grading.actions.decide'),
      cancelText: t('common.cancel'),
      onOk: () =>
        decideMany.mutateAsync({ items: selected }).then(
          ({ decided }) => {
            void message.success(t('grading.list.decidedMany', { count: decided }));
            onDecided();
          },
          (error: unknown) => void message.error(describeError(error, t)),
        ),
    });

  return (
    <Space wrap className="block-gap-bottom">
      {canGrade ? (
        <Button icon={<CalculatorOutlined />} loading={propose.isPending} onClick={proposeAll} data-testid="grading-propose">
          {t('grading.list.propose')}
        </Button>
      ) : null}
      {canDecide ? (
        <Button
          type="primary"
          icon={<CheckSquareOutlined />}
          disabled={selected.length === 0}
          loading={decideMany.isPending}
          onClick={decideSelected}
          data-testid="grading-decide-selected"
        >
          {selected.length ? t('grading.list.decideSelectedCount', { count: selected.length }) : t('grading.list.decideSelected')}
        </Button>
      ) : null}
      {subject === 'member' ? (
        <DownloadButton
          path={record.path}
          params={record.params}
          fileName={t('grading.files.record', { unit: actingUnit.name, year })}
          icon={<FileWordOutlined />}
          data-testid="grading-record-download"
        >
          {t('grading.files.downloadRecord')}
        </DownloadButton>
      ) : null}
      <DownloadButton
        path={results.path}
        params={results.params}
        fileName={t('grading.files.results', { unit: actingUnit.name, year })}
        icon={<FileExcelOutlined />}
        data-testid="grading-results-download"
      >
        {t('grading.files.downloadResults')}
      </DownloadButton>
    </Space>
  );
}
