import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { DefinedFigureHeader, useChildUnitColumn } from '../../components/figure-columns';
import { formatNumber } from '../../lib/format';
import { GRADES } from '../../../shared/contracts/grading';
import { formatPercent } from '../dashboard/programme-figures.api';
import type { Grade, GradingFigures, GradingFigureValues } from './grading.api';
import { useGradingLabels } from './grading-labels';

export type GradingChildRow = GradingFigures['children'][number];

/** How a figure's heading reads: its name, and its definition one hover away. */
export function useGradingFigureHeader(definitions: Partial<Record<keyof GradingFigureValues, string>> | undefined) {
  const { t } = useTranslation();
  return (label: string, key: keyof GradingFigureValues) => (
    <DefinedFigureHeader
      label={label}
      definition={definitions?.[key]}
      definitionLabel={t('grading.figures.definitionOf', { name: label })}
    />
  );
}

/**
 * The columns of the figures by child unit: party members, members graded at each grade with
 * their share, then the collectives decided; every column sorts.
 */
export function useGradingChildColumns(
  definitions: Partial<Record<keyof GradingFigureValues, string>> | undefined,
  options: { collectives?: boolean } = {},
): ColumnsType<GradingChildRow> {
  const { t } = useTranslation();
  const labels = useGradingLabels();
  const header = useGradingFigureHeader(definitions);
  const childUnitColumn = useChildUnitColumn<GradingChildRow>({ fixedLeft: true });
  const count = (key: 'partyMembers' | 'membersDecided' | 'collectivesDecided', label: string) => ({
    title: header(label, key),
    key,
    align: 'right' as const,
    width: 130,
    sorter: (a: GradingChildRow, b: GradingChildRow) => a.figures[key] - b.figures[key],
    render: (_v: unknown, row: GradingChildRow) => formatNumber(row.figures[key]),
  });
  const byGrade = (grade: Grade) => ({
    title: header(labels.gradeShort(grade), 'members'),
    key: grade,
    align: 'right' as const,
    width: 130,
    sorter: (a: GradingChildRow, b: GradingChildRow) => a.figures.members[grade] - b.figures.members[grade],
    render: (_v: unknown, row: GradingChildRow) => (
      <span title={labels.grade(grade)}>
        {formatNumber(row.figures.members[grade])}
        {row.figures.memberShares[grade] !== null ? (
          <span className="grading-share"> ({formatPercent(row.figures.memberShares[grade])})</span>
        ) : null}
      </span>
    ),
  });
  return [
    childUnitColumn,
    count('partyMembers', t('grading.figures.partyMembers')),
    count('membersDecided', t('grading.figures.membersDecided')),
    ...GRADES.map(byGrade),
    ...(options.collectives ? [count('collectivesDecided', t('grading.figures.collectivesDecided'))] : []),
  ];
}
