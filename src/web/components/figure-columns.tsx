import { QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useOpenUnit } from '../app/use-open-unit';
import { compareVietnamese } from '../../shared/text';

/** A figure's name with its definition one hover away: every figure on a dashboard says what it counts. */
export function DefinedFigureHeader({
  label,
  definition,
  definitionLabel,
}: {
  label: string;
  definition: string | undefined;
  definitionLabel: string;
}) {
  return (
    <span className="study-figure-header">
      {label}{' '}
      {definition ? (
        <Tooltip title={definition}>
          <QuestionCircleOutlined aria-label={definitionLabel} />
        </Tooltip>
      ) : null}
    </span>
  );
}

/** The first column of a figures table by child unit: the unit's name, sorted in Vietnamese order, opening the unit. */
export function useChildUnitColumn<Row extends { unit: { id: number; name: string } }>(
  options: { fixedLeft?: boolean } = {},
): ColumnType<Row> {
  const { t } = useTranslation();
  const openUnit = useOpenUnit();
  return {
    title: t('study.dashboard.childUnit'),
    key: 'name',
    ...(options.fixedLeft ? { fixed: 'left' as const } : {}),
    width: 240,
    sorter: (a, b) => compareVietnamese(a.unit.name, b.unit.name),
    defaultSortOrder: 'ascend',
    render: (_value, row) => (
      <Button
        type="link"
        className="link-cell"
        onClick={() => void openUnit(row.unit.id)}
        title={t('study.dashboard.drillDown', { name: row.unit.name })}
      >
        {row.unit.name}
      </Button>
    ),
  };
}
