import type { Database } from '../../platform/db/client';
import type { Actor } from '../../platform/auth/policy';
import type { RegistrationFigures } from '../../../shared/contracts/followup';
import { MEMBERS_METRIC } from '../people/index';
import { ACTION_BUCKETS, REGISTRATION_METRICS, type RegistrationKind } from './registration-metrics';

const KINDS: RegistrationKind[] = ['individual', 'collective'];
import { asOfForYear } from './programme-figures.service';
import { subtreeFigures } from './subtree-figures';

/** Each registration figure is defined once, here; the dashboard and the export show the definitions. */
export const REGISTRATION_FIGURE_DEFINITIONS: Record<keyof RegistrationFigures, string> = {
  members: 'Số người đang sinh hoạt trong đơn vị và các đơn vị trực thuộc vào cuối năm đã chọn (hoặc hôm nay nếu năm chưa kết thúc).',
  registered:
    'Số bản đăng ký cá nhân của năm đã gửi ít nhất một lần và không rút về nháp (đã gửi, trả lại, đã thẩm định, đã công khai, đang thực hiện, đã đánh giá, đã kết thúc).',
  registrationRate:
    'Tỷ lệ đăng ký = số người đã đăng ký làm theo trong năm ÷ số người đang sinh hoạt (đảng viên và người chưa là đảng viên). Báo cáo định kỳ có thêm "Tỷ lệ đảng viên đăng ký làm theo", chia cho số đảng viên.',
  leadersRegistered: 'Số người đứng đầu đơn vị (có đánh dấu người đứng đầu khi đăng ký) đã đăng ký làm theo trong năm.',
  collectiveRegistered: 'Số bản đăng ký của tập thể (chi bộ, cơ quan, đơn vị) đã gửi trong năm.',
  individualActions: 'Số việc làm cụ thể trong các bản đăng ký cá nhân đã gửi của năm (mỗi việc làm tính một lần).',
  collectiveActions: 'Số việc làm cụ thể trong các bản đăng ký tập thể đã gửi của năm.',
  approvedActions: 'Số việc làm (cá nhân và tập thể) trong các bản đăng ký đã được thẩm định, kể cả các bản đã đi tiếp các bước sau.',
  actionsDone: 'Số việc làm (cá nhân và tập thể) được người đăng ký tự đánh giá cuối năm là "Hoàn thành tốt" hoặc "Hoàn thành".',
  approved: 'Số bản đăng ký (cá nhân và tập thể) đã được cấp ủy thẩm định, kể cả các bản đã đi tiếp các bước sau.',
  published: 'Số bản đăng ký (cá nhân và tập thể) đã công khai, kể cả các bản đang thực hiện và đã đánh giá.',
  returned: 'Số bản đăng ký (cá nhân và tập thể) đang bị trả lại để bổ sung, chỉnh sửa.',
  checkIns: 'Số lần cập nhật tiến độ thực hiện trên các bản đăng ký của năm.',
  selfAssessed: 'Số bản đăng ký (cá nhân và tập thể) đã tự đánh giá cuối năm.',
  reviewed: 'Số bản đăng ký (cá nhân và tập thể) đã được chi bộ, cấp ủy nhận xét, đánh giá.',
  completedWell: 'Số bản đăng ký cá nhân được chi bộ đánh giá "Hoàn thành tốt".',
  completed: 'Số bản đăng ký cá nhân được chi bộ đánh giá "Hoàn thành".',
  notCompleted: 'Số bản đăng ký cá nhân được chi bộ đánh giá "Không hoàn thành".',
};

function metricsFor(year: number): string[] {
  const both = (bucket: 'approved' | 'published' | 'returned' | 'selfAssessed' | 'reviewed') => [
    REGISTRATION_METRICS.bucket('individual', bucket, year),
    REGISTRATION_METRICS.bucket('collective', bucket, year),
  ];
  return [
    MEMBERS_METRIC,
    REGISTRATION_METRICS.bucket('individual', 'registered', year),
    REGISTRATION_METRICS.bucket('collective', 'registered', year),
    REGISTRATION_METRICS.leadersRegistered(year),
    ...KINDS.flatMap((kind) => [
      ...ACTION_BUCKETS.map((bucket) => REGISTRATION_METRICS.actions(kind, bucket, year)),
      REGISTRATION_METRICS.actionsDone(kind, year),
    ]),
    ...both('approved'),
    ...both('published'),
    ...both('returned'),
    ...both('selfAssessed'),
    ...both('reviewed'),
    REGISTRATION_METRICS.checkIns(year),
    ...['completed_well', 'completed', 'not_completed'].map((level) => REGISTRATION_METRICS.reviewLevel(level, year)),
  ];
}

export function shapeRegistrationFigures(values: Record<string, number> | undefined, year: number): RegistrationFigures {
  const read = (metric: string) => values?.[metric] ?? 0;
  const both = (bucket: 'approved' | 'published' | 'returned' | 'selfAssessed' | 'reviewed') =>
    read(REGISTRATION_METRICS.bucket('individual', bucket, year)) + read(REGISTRATION_METRICS.bucket('collective', bucket, year));
  const members = read(MEMBERS_METRIC);
  const registered = read(REGISTRATION_METRICS.bucket('individual', 'registered', year));
  return {
    members,
    registered,
    registrationRate: members > 0 ? registered / members : null,
    leadersRegistered: read(REGISTRATION_METRICS.leadersRegistered(year)),
    collectiveRegistered: read(REGISTRATION_METRICS.bucket('collective', 'registered', year)),
    individualActions: read(REGISTRATION_METRICS.actions('individual', 'registered', year)),
    collectiveActions: read(REGISTRATION_METRICS.actions('collective', 'registered', year)),
    approvedActions: KINDS.reduce((sum, kind) => sum + read(REGISTRATION_METRICS.actions(kind, 'approved', year)), 0),
    actionsDone: KINDS.reduce((sum, kind) => sum + read(REGISTRATION_METRICS.actionsDone(kind, year)), 0),
    approved: both('approved'),
    published: both('published'),
    returned: both('returned'),
    checkIns: read(REGISTRATION_METRICS.checkIns(year)),
    selfAssessed: both('selfAssessed'),
    reviewed: both('reviewed'),
    completedWell: read(REGISTRATION_METRICS.reviewLevel('completed_well', year)),
    completed: read(REGISTRATION_METRICS.reviewLevel('completed', year)),
    notCompleted: read(REGISTRATION_METRICS.reviewLevel('not_completed', year)),
  };
}

/** The registration figures of a subtree and of each open child unit for a year, from the live counters. */
export function getRegistrationFigures(db: Database, actor: Actor, unitId: number, year: number) {
  return subtreeFigures(db, actor, unitId, year, asOfForYear(year), {
    name: 'registration-figures',
    metrics: metricsFor,
    shape: shapeRegistrationFigures,
    definitions: REGISTRATION_FIGURE_DEFINITIONS,
  });
}
