import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMetric, type ChildUnitsViewProps } from './metric-format';

/** Light to dark: the further a unit is along the metric's good direction, the darker its tile. */
const LIGHT = [253, 236, 234];
const DARK = [140, 20, 20];

function shadeOf(position: number): { background: string; color: string } {
  const mix = LIGHT.map((light, index) => Math.round(light + (DARK[index]! - light) * position));
  return { background: `rgb(${mix.join(', ')})`, color: position > 0.55 ? '#fff' : '#1f1f1f' };
}

/**
 * A tile for each child unit (the 34 provinces under the Centre) coloured by the chosen metric:
 * where a map would be, a grid every screen and phone reads the same, each tile naming its unit and value.
 */
export function UnitTiles({ overview, metric, onShowTrend }: ChildUnitsViewProps) {
  const { t } = useTranslation();
  const values = overview.children.map((child) => child.figures[metric.key]).filter((value): value is number => value !== null);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const positionOf = (value: number) => {
    const spread = high - low;
    const along = spread > 0 ? (value - low) / spread : 1;
    return metric.better === 'higher' ? along : 1 - along;
  };
  return (
    <Card
      title={t('overview.tiles.title')}
      extra={<Typography.Text type="secondary">{t('overview.tiles.hint')}</Typography.Text>}
      className="overview-tiles-card"
    >
      <ul className="overview-tiles" data-testid="overview-tiles">
        {overview.children.map((child) => {
          const value = child.figures[metric.key];
          const shade = value === null ? { background: '#f0f0f0', color: '#595959' } : shadeOf(positionOf(value));
          const shown = value === null ? t('overview.tiles.noValue') : formatMetric(metric, value);
          return (
            <li key={child.unit.id}>
              <button
                type="button"
                className="overview-tile"
                style={shade}
                onClick={() => onShowTrend(child.unit)}
                aria-label={`${child.unit.name}: ${shown}`}
                title={t('overview.table.showTrend', { unit: child.unit.name })}
              >
                <span className="overview-tile-name">{child.unit.name}</span>
                <span className="overview-tile-value">{shown}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
