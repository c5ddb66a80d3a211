/**
 * Rows of the policy matrix (test/policy.test.ts) for periodic reports. The request is issued by A
 * to its cells; its managing routes belong to the requesting level (officer, admin), the answer of
 * C1 to those who answer for C1 (officer, admin, committee granted on A or C1).
 */
import { sql } from 'drizzle-orm';
import type { Role } from '../../src/shared/contracts/domain';
import type { Database } from '../../src/server/platform/db/client';
import { createRequest, saveAnswer, submitAnswer } from '../../src/server/modules/reports/index';
import { rootActor, type seedSmallTree } from './fixtures';

type Tree = Awaited<ReturnType<typeof seedSmallTree>>;
type Request = { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; body?: unknown };
export type ReportsEndpoint = {
  route: string;
  name?: string;
  allowed: readonly Role[];
  scoped: boolean;
  request(): Promise<Request> | Request;
};

const REQUESTERS: Role[] = ['admin', 'officer'];
const ANSWERERS: Role[] = ['admin', 'officer', 'committee'];
const CONTENT = { metrics: ['members'], manualItems: [], sections: [{ key: 'situation', title: 'Tình hình chung' }] };

export function reportsEndpoints(env: { db: () => Database; tree: () => Tree; next: () => number }): ReportsEndpoint[] {
  const system = () => rootActor(env.tree().R.path);
  /** A fresh request from A to its cells, and the answer of C1. */
  const fresh = async () => {
    const tree = env.tree();
    const request = await createRequest(env.db(), system(), {
      unitId: tree.A.id,
      kind: 'quarterly',
      title: `Báo cáo kiểm tra quyền ${env.next()}`,
      periodFrom: '2026-01-01',
      periodTo: '2026-03-31',
      deadline: '2099-04-10',
      audience: 'children',
      content: CONTENT,
      guidance: null,
    });
    const answer = request.answers.find((row) => row.unit.id === tree.C1.id)!;
    return { request, answer };
  };
  const drafted = async () => {
    const { request, answer } = await fresh();
    const saved = await saveAnswer(env.db(), system(), answer.id, {
      narrative: { situation: 'Nội dung' },
      manualValues: {},
      figureNotes: {},
      recommendations: [{ kind: 'recommendation', body: 'Kiến nghị kiểm tra quyền' }],
      fileIds: [],
      version: answer.version,
    });
    return { request, answer: saved };
  };
  const submitted = async () => {
    const { request, answer } = await drafted();
    return { request, answer: await submitAnswer(env.db(), system(), answer.id, answer.version) };
  };
  const template = async () => {
    const rows = await env.db().execute<{ id: number }>(sql`
      INSERT INTO report_templates (unit_id, name, kind, content) VALUES (${env.tree().A.id}, 'Mẫu kiểm tra quyền', 'quarterly', ${JSON.stringify(CONTENT)}::jsonb) RETURNING id`);
    return Number(rows.rows[0]!.id);
  };
  const a = () => env.tree().A.id;

  return [
    {
      route: 'GET /api/reports/catalogue',
      allowed: ANSWERERS,
      scoped: false,
      request: () => ({ method: 'GET', url: '/api/reports/catalogue' }),
    },
    {
      route: 'GET /api/report-requests',
      name: 'GET /api/report-requests?unitId=A',
      allowed: REQUESTERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/report-requests?unitId=${a()}` }),
    },
    {
      route: 'POST /api/report-requests',
      allowed: REQUESTERS,
      scoped: true,
      request: () => ({
        method: 'POST',
        url: '/api/report-requests',
        body: {
          unitId: a(),
          kind: 'ad_hoc',
          title: `Báo cáo ${env.next()}`,
          periodFrom: '2026-01-01',
          periodTo: '2026-03-31',
          deadline: '2099-01-01',
          audience: 'children',
          content: CONTENT,
        },
      }),
    },
    {
      route: 'GET /api/report-requests/:id',
      allowed: REQUESTERS,
      scoped: true,
      request: async () => ({ method: 'GET', url: `/api/report-requests/${(await fresh()).request.id}` }),
    },
    {
      route: 'PATCH /api/report-requests/:id/deadline',
      allowed: REQUESTERS,
      scoped: true,
      request: async () => {
        const { request } = await fresh();
        return {
          method: 'PATCH',
          url: `/api/report-requests/${request.id}/deadline`,
          body: { deadline: '2099-05-01', version: request.version },
        };
      },
    },
    {
      route: 'POST /api/report-requests/:id/remind',
      allowed: REQUESTERS,
      scoped: true,
      request: async () => ({ method: 'POST', url: `/api/report-requests/${(await fresh()).request.id}/remind` }),
    },
    {
      route: 'GET /api/report-requests/:id/consolidation',
      allowed: REQUESTERS,
      scoped: true,
      request: async () => ({ method: 'GET', url: `/api/report-requests/${(await submitted()).request.id}/consolidation` }),
    },
    {
      route: 'GET /api/report-requests/:id/figures-export',
      allowed: REQUESTERS,
      scoped: true,
      request: async () => ({ method: 'GET', url: `/api/report-requests/${(await submitted()).request.id}/figures-export` }),
    },
    {
      route: 'GET /api/report-requests/:id/document',
      allowed: REQUESTERS,
      scoped: true,
      request: async () => ({ method: 'GET', url: `/api/report-requests/${(await submitted()).request.id}/document` }),
    },
    {
      route: 'GET /api/report-templates',
      name: 'GET /api/report-templates?unitId=A',
      allowed: REQUESTERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/report-templates?unitId=${a()}` }),
    },
    {
      route: 'POST /api/report-templates',
      allowed: REQUESTERS,
      scoped: true,
      request: () => ({
        method: 'POST',
        url: '/api/report-templates',
        body: { unitId: a(), name: 'Mẫu', kind: 'quarterly', content: CONTENT },
      }),
    },
    {
      route: 'DELETE /api/report-templates/:id',
      allowed: REQUESTERS,
      scoped: true,
      request: async () => ({ method: 'DELETE', url: `/api/report-templates/${await template()}` }),
    },
    {
      route: 'GET /api/report-inbox',
      name: 'GET /api/report-inbox?unitId=A',
      allowed: ANSWERERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/report-inbox?unitId=${a()}` }),
    },
    {
      route: 'GET /api/report-answers/:id',
      allowed: ANSWERERS,
      scoped: true,
      request: async () => ({ method: 'GET', url: `/api/report-answers/${(await fresh()).answer.id}` }),
    },
    {
      route: 'PATCH /api/report-answers/:id',
      allowed: ANSWERERS,
      scoped: true,
      request: async () => {
        const { answer } = await fresh();
        return {
          method: 'PATCH',
          url: `/api/report-answers/${answer.id}`,
          body: { narrative: { situation: 'Nội dung' }, version: answer.version },
        };
      },
    },
    {
      route: 'POST /api/report-answers/:id/submit',
      allowed: ANSWERERS,
      scoped: true,
      request: async () => {
        const { answer } = await drafted();
        return { method: 'POST', url: `/api/report-answers/${answer.id}/submit`, body: { version: answer.version } };
      },
    },
    {
      route: 'POST /api/report-answers/:id/return',
      allowed: REQUESTERS,
      scoped: true,
      request: async () => {
        const { answer } = await submitted();
        return {
          method: 'POST',
          url: `/api/report-answers/${answer.id}/return`,
          body: { version: answer.version, reason: 'Bổ sung số liệu' },
        };
      },
    },
    {
      route: 'POST /api/report-answers/:id/accept',
      allowed: REQUESTERS,
      scoped: true,
      request: async () => {
        const { answer } = await submitted();
        return { method: 'POST', url: `/api/report-answers/${answer.id}/accept`, body: { version: answer.version } };
      },
    },
    {
      route: 'GET /api/report-answers/:id/document',
      allowed: ANSWERERS,
      scoped: true,
      request: async () => ({ method: 'GET', url: `/api/report-answers/${(await drafted()).answer.id}/document` }),
    },
    {
      route: 'GET /api/report-recommendations',
      name: 'GET /api/report-recommendations?unitId=A (addressed)',
      allowed: REQUESTERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/report-recommendations?unitId=${a()}&direction=addressed` }),
    },
    {
      route: 'GET /api/report-recommendations',
      name: 'GET /api/report-recommendations?unitId=A (raised)',
      allowed: ANSWERERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/report-recommendations?unitId=${a()}&direction=raised` }),
    },
    {
      route: 'PATCH /api/report-recommendations/:id',
      allowed: REQUESTERS,
      scoped: true,
      request: async () => {
        const { answer } = await submitted();
        const item = answer.recommendations[0]!;
        return {
          method: 'PATCH',
          url: `/api/report-recommendations/${item.id}`,
          body: { status: 'answered', answer: 'Đã tiếp thu', version: item.version },
        };
      },
    },
  ];
}
