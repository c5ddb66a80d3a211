import type { Database } from '../../platform/db/client';
import { recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/policy';
import * as repo from './privacy.repo';

/**
 * Everything NoiGuong holds about the signed-in account and the person it is linked to, as one
 * file the person can keep: the right to know and to receive one's own data (Luật Bảo vệ dữ liệu
 * cá nhân 2025). Only the caller's own data: there is no parameter to ask for anyone else's.
 */
export async function exportOwnData(db: Database, actor: Actor, account: { userId: number; personId: number | null }) {
  const { userId, personId } = account;
  const registrations = personId === null ? [] : await repo.registrationsOf(db, personId);
  const registrationIds = registrations.map((row) => Number(row.id));
  const [actions, checkIns, history] = registrationIds.length
    ? await Promise.all([repo.actionsOf(db, registrationIds), repo.checkInsOf(db, registrationIds), repo.historyOf(db, registrationIds)])
    : [[], [], []];
  const of = (rows: Array<Record<string, unknown>>, registrationId: number) =>
    rows.filter((row) => Number(row.registration_id) === registrationId).map(({ registration_id: _omit, ...rest }) => rest);
  const data = {
    mô_tả:
      'Dữ liệu cá nhân của bạn trong NoiGuong: tài khoản, thông tin cá nhân, quá trình sinh hoạt, đăng ký làm theo, học tập và thông báo.',
    căn_cứ: 'Quyền được biết và nhận dữ liệu cá nhân của mình (Luật Bảo vệ dữ liệu cá nhân năm 2025).',
    xuất_lúc: new Date().toISOString(),
    tài_khoản: (await repo.accountOf(db, userId))[0] ?? null,
    phân_quyền: await repo.grantsOf(db, userId),
    phiên_đăng_nhập: await repo.sessionsOf(db, userId),
    thông_tin_cá_nhân: personId === null ? null : ((await repo.personOf(db, personId))[0] ?? null),
    quá_trình_sinh_hoạt: personId === null ? [] : await repo.membershipsOf(db, personId),
    đăng_ký_làm_theo: registrations.map((row) => {
      const id = Number(row.id);
      const { id: _id, ...rest } = row;
      return { ...rest, việc_đăng_ký: of(actions, id), tự_theo_dõi: of(checkIns, id), lịch_sử: of(history, id) };
    }),
    học_tập_sinh_hoạt: personId === null ? [] : await repo.attendanceOf(db, personId),
    thông_báo: await repo.notificationsOf(db, userId),
  };
  await recordAudit(db, actor, { action: 'privacy.export_own_data', entityType: 'user', entityId: userId });
  return data;
}
