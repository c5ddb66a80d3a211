/**
 * Rows of the policy matrix (test/policy.test.ts) for study sessions, attendance, the programme
 * dashboard and the campaign overview. Kept apart so the matrix file only spreads them in; the shapes match its own rows.
 */
import { sql } from 'drizzle-orm';
import { ROLES, type Role } from '../../src/shared/contracts/domain';
import { foldVietnamese } from '../../src/shared/text';
import type { Database } from '../../src/server/platform/db/client';
import { createSession } from '../../src/server/modules/study/study.service';
import { addPerson, rootActor, type seedSmallTree } from './fixtures';
import { buildWorkbook, type UploadFile } from './session';

type Tree = Awaited<ReturnType<typeof seedSmallTree>>;
type Request = { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; body?: unknown; file?: UploadFile };
export type StudyEndpoint = {
  route: string;
  name?: string;
  allowed: readonly Role[];
  scoped: boolean;
  request(): Promise<Request> | Request;
};

const EVERY_ROLE = ROLES;
const PEOPLE_READERS: Role[] = ['admin', 'officer', 'committee', 'inspector', 'viewer'];
const STUDY_WRITERS: Role[] = ['admin', 'officer', 'committee'];

export function studyEndpoints(env: { db: () => Database; tree: () => Tree; next: () => number }): StudyEndpoint[] {
  let topicId: number | null = null;
  let personId: number | null = null;
  const topic = async () => {
    if (topicId === null) {
      const rows = await env.db().execute<{ id: number }>(sql`
        INSERT INTO study_topics (unit_id, title, from_year, to_year, search_text)
        VALUES (${env.tree().R.id}, 'Chuyên đề kiểm tra quyền', 2026, 2026, ${foldVietnamese('Chuyên đề kiểm tra quyền')}) RETURNING id`);
      topicId = Number(rows.rows[0]!.id);
    }
    return topicId;
  };
  const person = async () => {
    const tree = env.tree();
    personId ??= (
      await addPerson(env.db(), tree.C1.path, {
        fullName: 'Ngô Văn Điểm Danh',
        unitId: tree.C1.id,
        cardNumber: String(94_000_000 + env.next()),
      })
    ).id;
    return personId;
  };
  const body = async () => ({
    unitId: env.tree().C1.id,
    kind: 'study',
    topicId: await topic(),
    title: `Học tập ${env.next()}`,
    heldOn: '2026-03-10',
    fileIds: [],
  });
  /** A fresh session in C1, written by the system, for each call that changes one. */
  const freshSession = async () => {
    await person();
    const { unitId, ...fields } = await body();
    return createSession(env.db(), rootActor(env.tree().R.path), {
      unitId,
      ...fields,
      kind: 'study',
      place: null,
      notes: null,
      isOnline: false,
      hasCampaignItem: false,
    });
  };
  const attendanceFile = async (): Promise<UploadFile> => ({
    fileName: 'diem-danh.xlsx',
    content: await buildWorkbook('Điểm danh', [
      ['Mã số', 'Họ và tên', 'Tình hình tham dự', 'Lý do vắng'],
      [String(await person()), '', 'Có mặt', ''],
    ]),
  });
  const a = () => env.tree().A.id;

  return [
    {
      route: 'GET /api/study-sessions',
      name: 'GET /api/study-sessions?unitId=A',
      allowed: EVERY_ROLE,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/study-sessions?unitId=${a()}` }),
    },
    {
      route: 'GET /api/study-sessions/topics',
      name: 'GET /api/study-sessions/topics?unitId=A',
      allowed: EVERY_ROLE,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/study-sessions/topics?unitId=${a()}&year=2026` }),
    },
    {
      route: 'GET /api/exports/study-sessions',
      name: 'GET /api/exports/study-sessions?unitId=A',
      allowed: EVERY_ROLE,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/exports/study-sessions?unitId=${a()}` }),
    },
    {
      route: 'GET /api/study-status',
      name: 'GET /api/study-status?unitId=A',
      allowed: PEOPLE_READERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/study-status?unitId=${a()}&year=2026` }),
    },
    {
      route: 'GET /api/programme-figures',
      name: 'GET /api/programme-figures?unitId=A',
      allowed: EVERY_ROLE,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/programme-figures?unitId=${a()}&year=2026` }),
    },
    {
      route: 'GET /api/exports/programme-figures',
      name: 'GET /api/exports/programme-figures?unitId=A',
      allowed: EVERY_ROLE,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/exports/programme-figures?unitId=${a()}&year=2026` }),
    },
    {
      route: 'GET /api/campaign-overview',
      name: 'GET /api/campaign-overview?unitId=A',
      allowed: EVERY_ROLE,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/campaign-overview?unitId=${a()}&year=2026` }),
    },
    {
      route: 'GET /api/campaign-overview/trend',
      name: 'GET /api/campaign-overview/trend?unitId=A',
      allowed: EVERY_ROLE,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/campaign-overview/trend?unitId=${a()}&metric=registrationRate&toYear=2026` }),
    },
    {
      route: 'GET /api/campaign-overview/records',
      name: 'GET /api/campaign-overview/records?unitId=A',
      allowed: EVERY_ROLE,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/campaign-overview/records?unitId=${a()}&year=2026&metric=members` }),
    },
    {
      route: 'GET /api/exports/campaign-overview/records',
      name: 'GET /api/exports/campaign-overview/records?unitId=A',
      allowed: EVERY_ROLE,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/exports/campaign-overview/records?unitId=${a()}&year=2026&metric=members` }),
    },
    {
      route: 'GET /api/exports/campaign-overview',
      name: 'GET /api/exports/campaign-overview?unitId=A',
      allowed: EVERY_ROLE,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/exports/campaign-overview?unitId=${a()}&year=2026` }),
    },
    {
      route: 'POST /api/study-sessions',
      allowed: STUDY_WRITERS,
      scoped: true,
      request: async () => ({ method: 'POST', url: '/api/study-sessions', body: await body() }),
    },
    {
      route: 'GET /api/study-sessions/:id',
      allowed: EVERY_ROLE,
      scoped: true,
      request: async () => ({ method: 'GET', url: `/api/study-sessions/${(await freshSession()).id}` }),
    },
    {
      route: 'PATCH /api/study-sessions/:id',
      allowed: STUDY_WRITERS,
      scoped: true,
      request: async () => {
        const session = await freshSession();
        const { unitId: _unitId, ...fields } = await body();
        return { method: 'PATCH', url: `/api/study-sessions/${session.id}`, body: { ...fields, version: session.version } };
      },
    },
    {
      route: 'DELETE /api/study-sessions/:id',
      allowed: STUDY_WRITERS,
      scoped: true,
      request: async () => {
        const session = await freshSession();
        return { method: 'DELETE', url: `/api/study-sessions/${session.id}?version=${session.version}` };
      },
    },
    {
      route: 'GET /api/study-sessions/:id/attendance',
      allowed: PEOPLE_READERS,
      scoped: true,
      request: async () => ({ method: 'GET', url: `/api/study-sessions/${(await freshSession()).id}/attendance` }),
    },
    {
      route: 'POST /api/study-sessions/:id/attendance',
      allowed: STUDY_WRITERS,
      scoped: true,
      request: async () => {
        const session = await freshSession();
        return {
          method: 'POST',
          url: `/api/study-sessions/${session.id}/attendance`,
          body: { version: session.version, rows: [{ personId: await person(), status: 'present' }] },
        };
      },
    },
    {
      route: 'POST /api/study-sessions/:id/make-up',
      allowed: STUDY_WRITERS,
      scoped: true,
      request: async () => ({
        method: 'POST',
        url: `/api/study-sessions/${(await freshSession()).id}/make-up`,
        body: { personId: await person(), madeUpOn: '2026-03-20' },
      }),
    },
    {
      route: 'GET /api/study-sessions/:id/attendance/template',
      allowed: STUDY_WRITERS,
      scoped: true,
      request: async () => ({ method: 'GET', url: `/api/study-sessions/${(await freshSession()).id}/attendance/template` }),
    },
    {
      route: 'POST /api/study-sessions/:id/attendance/preview',
      allowed: STUDY_WRITERS,
      scoped: true,
      request: async () => ({
        method: 'POST',
        url: `/api/study-sessions/${(await freshSession()).id}/attendance/preview`,
        file: await attendanceFile(),
      }),
    },
  ];
}
