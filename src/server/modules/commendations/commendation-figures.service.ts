import type { Database } from '../../platform/db/client';
import type { Actor } from '../../platform/auth/policy';
import { UNIT_KINDS } from '../../../shared/contracts/domain';
import { NOMINATION_KINDS, type CommendationFigures, type CommendationFigureValues } from '../../../shared/contracts/commendations';
import { MEMBERS_METRIC } from '../people/index';
import { asOfForYear, COMMENDATION_METRICS, subtreeFigures } from '../figures/index';
import { listForms } from './decisions.repo';

/** Each figure is defined once, here; the dashboard and its export show the definitions. */
export const COMMENDATION_FIGURE_DEFINITIONS: Record<keyof CommendationFigureValues, string> = {
  members: 'Số người đang sinh hoạt trong đơn vị và các đơn vị trực thuộc vào cuối năm đã chọn (hoặc hôm nay nếu năm chưa kết thúc).',
  nominated:
    'Số hồ sơ gương điển hình (tập thể, cá nhân, mô hình) các đơn vị trong phạm vi gửi lên cấp trên lần đầu trong năm; hồ sơ gửi muộn cho thời gian lập thành tích đã kết thúc được tính vào năm kết thúc thời gian đó.',
  commended: 'Số tập thể, cá nhân, mô hình có tên trong các quyết định biểu dương, khen thưởng của các cấp ký trong năm.',
  collectives: 'Số tập thể được biểu dương, khen thưởng trong năm.',
  individuals: 'Số cá nhân được biểu dương, khen thưởng trong năm.',
  models: 'Số mô hình, cách làm hay được biểu dương, khen thưởng trong năm.',
  perThousandMembers: 'Số được biểu dương, khen thưởng trong năm trên 1.000 người đang sinh hoạt.',
  byForm: 'Số được khen theo từng hình thức (biểu dương, giấy khen, bằng khen…) trong năm.',
  byLevel: 'Số được khen theo cấp ra quyết định (tỉnh, xã, chi bộ…) trong năm.',
};

/** Commendation figures of a subtree and of each child unit for a year, from the live counters. */
export async function getCommendationFigures(db: Database, actor: Actor, unitId: number, year: number): Promise<CommendationFigures> {
  const forms = (await listForms(db, true)).map((form) => form.code);
  const shape = (values: Record<string, number> | undefined, y: number): CommendationFigureValues => {
    const read = (metric: string) => values?.[metric] ?? 0;
    const [collectives, individuals, models] = NOMINATION_KINDS.map((kind) => read(COMMENDATION_METRICS.commended(kind, y)));
    const commended = collectives! + individuals! + models!;
    const members = read(MEMBERS_METRIC);
    return {
      members,
      nominated: read(COMMENDATION_METRICS.nominated(y)),
      commended,
      collectives: collectives!,
      individuals: individuals!,
      models: models!,
      perThousandMembers: members > 0 ? (commended * 1000) / members : null,
      byForm: Object.fromEntries(forms.map((code) => [code, read(COMMENDATION_METRICS.byForm(code, y))])),
      byLevel: Object.fromEntries(
        UNIT_KINDS.map((kind) => [kind, read(COMMENDATION_METRICS.byLevel(kind, y))]).filter(([, value]) => value !== 0),
      ),
    };
  };
  return subtreeFigures(db, actor, unitId, year, asOfForYear(year), {
    name: `commendation-figures:${forms.join(',')}`,
    metrics: (y) => [
      MEMBERS_METRIC,
      COMMENDATION_METRICS.nominated(y),
      ...NOMINATION_KINDS.map((kind) => COMMENDATION_METRICS.commended(kind, y)),
      ...forms.map((code) => COMMENDATION_METRICS.byForm(code, y)),
      ...UNIT_KINDS.map((kind) => COMMENDATION_METRICS.byLevel(kind, y)),
    ],
    shape,
    definitions: COMMENDATION_FIGURE_DEFINITIONS,
  });
}
