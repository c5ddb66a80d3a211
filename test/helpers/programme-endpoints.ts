/**
 * Rows of the policy matrix (test/policy.test.ts) for the year's programme and the files module:
 * who may call each route on a target inside commune A. Records the calls change are created fresh
 * by the system for every call, so one caller's change never decides another's answer.
 */
import type { Role } from '../../src/shared/contracts/domain';
import type { Database } from '../../src/server/platform/db/client';
import { createPlan } from '../../src/server/modules/programme/plans.service';
import { createTopic } from '../../src/server/modules/programme/topics.service';
import { createBreakthrough } from '../../src/server/modules/programme/breakthroughs.service';
import { uploadFile } from '../../src/server/modules/files/files.service';
import { ROLES } from '../../src/shared/contracts/domain';
import { rootActor, type seedSmallTree } from './fixtures';
import type { UploadFile } from './session';
import { tinyPng } from './tiny-files';

type Tree = Awaited<ReturnType<typeof seedSmallTree>>;
type Request = { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; body?: unknown; file?: UploadFile };
export type MatrixRow = { route: string; name?: string; allowed: readonly Role[]; scoped: boolean; request(): Promise<Request> | Request };

const READERS = ROLES;
const WRITERS: Role[] = ['admin', 'officer'];
/** Only an administrator of a top-level unit keeps the legal bases: nobody granted on A. */
const NOBODY_ON_A: Role[] = [];

export function programmeEndpoints(context: () => { db: Database; tree: Tree }): MatrixRow[] {
  let serial = 0;
  const next = () => ++serial;
  const system = () => rootActor(context().tree.R.path);

  const planBody = (unitId?: number) => ({
    ...(unitId ? { unitId } : {}),
    numberSymbol: `${next()}-KH/ĐU`,
    title: 'Kế hoạch thử quyền',
    issuedOn: '2026-02-01',
    fromYear: 2026,
    toYear: 2026,
    legalBasisIds: [],
    taskGroups: [{ title: 'Nhóm', contents: ['Nội dung'] }],
    fileIds: [],
  });
  const topicBody = (unitId?: number) => ({
    ...(unitId ? { unitId } : {}),
    title: `Chuyên đề ${next()}`,
    description: null,
    fromYear: 2026,
    toYear: 2026,
    fileIds: [],
  });
  const contentBody = (unitId: number) => ({
    unitId,
    year: 2026,
    title: `Nội dung ${next()}`,
    description: null,
    ownerUnitId: unitId,
    target: 'Chỉ tiêu',
    deadline: '2026-12-31',
  });

  const freshPlan = () => createPlan(context().db, system(), planBody(context().tree.A.id) as Parameters<typeof createPlan>[2]);
  const freshTopic = () => createTopic(context().db, system(), topicBody(context().tree.A.id) as Parameters<typeof createTopic>[2]);
  const freshContent = (unitId = context().tree.A.id) => createBreakthrough(context().db, system(), contentBody(unitId));

  return [
    // Legal bases
    { route: 'GET /api/legal-bases', allowed: READERS, scoped: false, request: () => ({ method: 'GET', url: '/api/legal-bases' }) },
    {
      route: 'POST /api/legal-bases',
      allowed: NOBODY_ON_A,
      scoped: false,
      request: () => ({
        method: 'POST',
        url: '/api/legal-bases',
        body: { symbol: `${next()}-KL/TW`, title: 'Kết luận thử', issuedOn: '2025-01-01' },
      }),
    },
    {
      route: 'PATCH /api/legal-bases/:id',
      allowed: NOBODY_ON_A,
      scoped: false,
      request: () => ({ method: 'PATCH', url: '/api/legal-bases/1', body: { isActive: true } }),
    },

    // Plans
    {
      route: 'GET /api/plans',
      name: 'GET /api/plans?unitId=A',
      allowed: READERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/plans?unitId=${context().tree.A.id}` }),
    },
    {
      route: 'GET /api/plans/:id',
      allowed: READERS,
      scoped: true,
      request: async () => ({ method: 'GET', url: `/api/plans/${(await freshPlan()).id}` }),
    },
    {
      route: 'GET /api/plans/:id/document',
      allowed: READERS,
      scoped: true,
      request: async () => ({ method: 'GET', url: `/api/plans/${(await freshPlan()).id}/document` }),
    },
    {
      route: 'POST /api/plans',
      allowed: WRITERS,
      scoped: true,
      request: () => ({ method: 'POST', url: '/api/plans', body: planBody(context().tree.A.id) }),
    },
    {
      route: 'PATCH /api/plans/:id',
      allowed: WRITERS,
      scoped: true,
      request: async () => {
        const plan = await freshPlan();
        return { method: 'PATCH', url: `/api/plans/${plan.id}`, body: { ...planBody(), version: plan.version } };
      },
    },
    {
      route: 'DELETE /api/plans/:id',
      allowed: WRITERS,
      scoped: true,
      request: async () => {
        const plan = await freshPlan();
        return { method: 'DELETE', url: `/api/plans/${plan.id}?version=${plan.version}` };
      },
    },

    // Study topics
    {
      route: 'GET /api/topics',
      name: 'GET /api/topics?unitId=A',
      allowed: READERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/topics?unitId=${context().tree.A.id}` }),
    },
    {
      route: 'GET /api/topics',
      name: 'GET /api/topics?unitId=C1&year=2026&applicable=true',
      allowed: READERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/topics?unitId=${context().tree.C1.id}&year=2026&applicable=true` }),
    },
    {
      route: 'GET /api/topics/:id',
      allowed: READERS,
      scoped: true,
      request: async () => ({ method: 'GET', url: `/api/topics/${(await freshTopic()).id}` }),
    },
    {
      route: 'POST /api/topics',
      allowed: WRITERS,
      scoped: true,
      request: () => ({ method: 'POST', url: '/api/topics', body: topicBody(context().tree.A.id) }),
    },
    {
      route: 'PATCH /api/topics/:id',
      allowed: WRITERS,
      scoped: true,
      request: async () => {
        const topic = await freshTopic();
        return { method: 'PATCH', url: `/api/topics/${topic.id}`, body: { ...topicBody(), version: topic.version } };
      },
    },
    {
      route: 'DELETE /api/topics/:id',
      allowed: WRITERS,
      scoped: true,
      request: async () => {
        const topic = await freshTopic();
        return { method: 'DELETE', url: `/api/topics/${topic.id}?version=${topic.version}` };
      },
    },

    // Breakthrough contents
    {
      route: 'GET /api/breakthroughs',
      name: 'GET /api/breakthroughs?unitId=A',
      allowed: READERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/breakthroughs?unitId=${context().tree.A.id}` }),
    },
    {
      route: 'GET /api/exports/breakthroughs',
      name: 'GET /api/exports/breakthroughs?unitId=A',
      allowed: READERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/exports/breakthroughs?unitId=${context().tree.A.id}` }),
    },
    {
      route: 'GET /api/breakthroughs/:id',
      allowed: READERS,
      scoped: true,
      request: async () => ({ method: 'GET', url: `/api/breakthroughs/${(await freshContent()).id}` }),
    },
    {
      route: 'POST /api/breakthroughs',
      allowed: WRITERS,
      scoped: true,
      request: () => ({ method: 'POST', url: '/api/breakthroughs', body: contentBody(context().tree.A.id) }),
    },
    {
      route: 'PATCH /api/breakthroughs/:id',
      allowed: WRITERS,
      scoped: true,
      request: async () => {
        const content = await freshContent();
        const { unitId: _unitId, year: _year, ...fields } = contentBody(content.unit.id);
        return { method: 'PATCH', url: `/api/breakthroughs/${content.id}`, body: { ...fields, version: content.version } };
      },
    },
    {
      route: 'DELETE /api/breakthroughs/:id',
      allowed: WRITERS,
      scoped: true,
      request: async () => {
        const content = await freshContent();
        return { method: 'DELETE', url: `/api/breakthroughs/${content.id}?version=${content.version}` };
      },
    },
    {
      route: 'POST /api/breakthroughs/:id/adopt',
      name: 'POST /api/breakthroughs/:id/adopt (a province content, for A)',
      allowed: WRITERS,
      scoped: true,
      request: async () => {
        const source = await freshContent(context().tree.R.id);
        return { method: 'POST', url: `/api/breakthroughs/${source.id}/adopt`, body: { unitId: context().tree.A.id } };
      },
    },
    {
      route: 'POST /api/breakthroughs/:id/updates',
      allowed: WRITERS,
      scoped: true,
      request: async () => ({
        method: 'POST',
        url: `/api/breakthroughs/${(await freshContent()).id}/updates`,
        body: { reportedOn: '2026-03-01', progressPercent: 30, note: 'Tiến độ' },
      }),
    },
    {
      route: 'POST /api/breakthroughs/:id/status',
      allowed: WRITERS,
      scoped: true,
      request: async () => {
        const content = await freshContent();
        return {
          method: 'POST',
          url: `/api/breakthroughs/${content.id}/status`,
          body: { status: 'done', completedOn: '2026-03-01', version: content.version },
        };
      },
    },

    // Files
    {
      route: 'POST /api/files',
      name: 'POST /api/files?unitId=A&purpose=plan',
      allowed: WRITERS,
      scoped: true,
      request: () => ({
        method: 'POST',
        url: `/api/files?unitId=${context().tree.A.id}&purpose=plan`,
        file: { fileName: 'anh.png', content: tinyPng(), contentType: 'image/png' },
      }),
    },
    {
      route: 'GET /api/files/:id',
      name: 'GET /api/files/:id (attached to a plan of A)',
      allowed: READERS,
      scoped: true,
      request: async () => ({ method: 'GET', url: `/api/files/${await attachedPlanFile(context)}` }),
    },
  ];
}

/** A file attached to a plan of A, uploaded through the service as the system would. */
async function attachedPlanFile(context: () => { db: Database; tree: Tree }): Promise<number> {
  const { db, tree } = context();
  const actor = rootActor(tree.R.path);
  // Stored where the test app reads files from (startTestApp's data folder).
  const file = await uploadFile(db, '.tmp/test-data', actor, {
    unitId: tree.A.id,
    purpose: 'plan',
    originalName: 'ke-hoach.png',
    buffer: tinyPng(),
  });
  await createPlan(db, actor, {
    unitId: tree.A.id,
    numberSymbol: `F${Date.now() % 1_000_000}-${file.id}-KH`,
    title: 'Kế hoạch có tệp',
    issuedOn: '2026-02-01',
    fromYear: 2026,
    toYear: 2026,
    legalBasisIds: [],
    taskGroups: [{ title: 'Nhóm', contents: ['Nội dung'] }],
    fileIds: [file.id],
  });
  return file.id;
}
