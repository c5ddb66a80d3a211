import { Button, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { useIsPhone } from '../../lib/use-is-phone';
import type { GradingListItem, GradingSubject } from './grading.api';
import { GradeTag, GradingStatusTag } from './grading-labels';

export const gradingRowKey = (row: GradingListItem) => (row.person ? `p${row.person.id}` : `u${row.unit.id}`);
const rowKey = gradingRowKey;

/**
 * The list's columns: the subject, its cell (or its kind), where its grading stands and the grades
 * claimed, proposed and decided. A subject whose grading is opened is opened in the drawer, whose
 * buttons are the steps the server allows; one without is assessed at once or opened for its self-review.
 */
export function useGradingListColumns(
  subject: GradingSubject,
  options: {
    canGrade: boolean;
    /** Every member listed sits in the acting unit itself (a cell): its name needs no column. */
    hideCell: boolean;
    /** The row whose grading is being opened. */
    creating: string | null;
    onOpen: (gradingId: number | null) => void;
    onStart: (row: GradingListItem, then: 'grade' | 'open') => void;
  },
): ColumnsType<GradingListItem> {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  return [
    {
      title: subject === 'member' ? t('grading.fields.fullName') : t('grading.fields.collective'),
      key: 'name',
      width: 210,
      render: (_v, row) => {
        const name = row.person?.name ?? row.unit.name;
        return row.gradingId !== null ? (
          <Button
            type="link"
            className="link-cell"
            onClick={() => options.onOpen(row.gradingId)}
            data-testid={`grading-row-open-${rowKey(row)}`}
          >
            {name}
          </Button>
        ) : (
          name
        );
      },
    },
    ...(subject === 'member' && options.hideCell
      ? []
      : subject === 'member'
        ? [{ title: t('grading.fields.cell'), key: 'unit', width: 200, render: (_v: unknown, row: GradingListItem) => row.unit.name }]
        : [
            {
              title: t('grading.fields.kind'),
              key: 'kind',
              width: 170,
              render: (_v: unknown, row: GradingListItem) => t(`enums.unitKind.${row.unit.kind}`),
            },
          ]),
    { title: t('grading.fields.status'), key: 'status', width: 195, render: (_v, row) => <GradingStatusTag status={row.status} /> },
    { title: t('grading.fields.selfGradeShort'), key: 'self', width: 84, render: (_v, row) => <GradeTag grade={row.selfGrade} /> },
    { title: t('grading.fields.points'), key: 'points', width: 68, align: 'right', render: (_v, row) => formatNumber(row.proposedTotal) },
    {
      title: t('grading.fields.proposedGradeShort'),
      key: 'proposed',
      width: 100,
      render: (_v, row) => <GradeTag grade={row.grade ?? row.proposedGrade} />,
    },
    {
      title: t('grading.fields.decidedGradeShort'),
      key: 'decided',
      width: 100,
      render: (_v, row) => <GradeTag grade={row.decidedGrade} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      // Kept in view on a wide screen; on a phone a fixed column would cover the names.
      ...(isPhone ? {} : { fixed: 'right' as const }),
      width: 240,
      render: (_v, row) =>
        row.gradingId !== null ? (
          <Button size="small" onClick={() => options.onOpen(row.gradingId)} data-testid={`grading-row-view-${rowKey(row)}`}>
            {t('grading.list.open')}
          </Button>
        ) : options.canGrade ? (
          <Space size={4}>
            <Button
              size="small"
              type="primary"
              loading={options.creating === rowKey(row)}
              onClick={() => options.onStart(row, 'grade')}
              data-testid={`grading-row-grade-${rowKey(row)}`}
            >
              {t('grading.actions.grade')}
            </Button>
            <Button
              size="small"
              loading={options.creating === rowKey(row)}
              onClick={() => options.onStart(row, 'open')}
              data-testid={`grading-row-create-${rowKey(row)}`}
            >
              {t('grading.list.create')}
            </Button>
          </Space>
        ) : null,
    },
  ];
}
