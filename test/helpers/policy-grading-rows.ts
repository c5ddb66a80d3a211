/**
 * Rows of the policy matrix (test/policy.test.ts) for the year-end grading. Members graded are in
 * the cell C1 of A: A's officers and committee grade them (the cell is in their subtree) and A's
 * committee decides (A is the level above the cell). The callers hold no linked person, so the
 * member's own routes refuse them all; the member's own steps are covered in grading.test.ts.
 */
import { sql } from 'drizzle-orm';
import type { Role } from '../../src/shared/contracts/domain';
import type { Database } from '../../src/server/platform/db/client';
import { QD366_2025 } from '../../src/server/db/grading-rule-versions';
import type { seedSmallTree } from './fixtures';
import { gradeBody, memberGradingIn, selfReviewBody } from './grading-rows';
import { addPerson } from './fixtures';

type Tree = Awaited<ReturnType<typeof seedSmallTree>>;
type Request = { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; body?: unknown };
export type GradingEndpoint = {
  route: string;
  name?: string;
  allowed: readonly Role[];
  scoped: boolean;
  request(): Promise<Request> | Request;
};

const EVERY_ROLE: Role[] = ['admin', 'officer', 'committee', 'inspector', 'member', 'supervisor', 'viewer'];
const READERS: Role[] = ['admin', 'officer', 'committee', 'inspector', 'viewer'];
const GRADERS: Role[] = ['admin', 'officer', 'committee'];
const DECIDERS: Role[] = ['admin', 'committee'];

export function gradingEndpoints(env: { db: () => Database; tree: () => Tree; next: () => number }): GradingEndpoint[] {
  const a = () => env.tree().A.id;
  const inC1 = (status: Parameters<typeof memberGradingIn>[2]) =>
    memberGradingIn(env.db(), { rootPath: env.tree().R.path, unit: env.tree().C1 }, status, 500 + env.next());
  const reading = async () => (await inC1('graded')).id;

  return [
    { route: 'GET /api/grading-rules', allowed: EVERY_ROLE, scoped: false, request: () => ({ method: 'GET', url: '/api/grading-rules' }) },
    {
      route: 'POST /api/grading-rules',
      allowed: ['admin'],
      scoped: false,
      request: async () => {
        // Versions of far years, cleared first so each try is new.
        await env.db().execute(sql`DELETE FROM grading_rules WHERE valid_from_year >= 2090`);
        return {
          method: 'POST',
          url: '/api/grading-rules',
          body: { code: `THU-${env.next()}`, name: 'Quy định thử', validFromYear: 2090, config: QD366_2025 },
        };
      },
    },
    {
      route: 'GET /api/gradings',
      name: 'GET /api/gradings?unitId=A',
      allowed: READERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/gradings?unitId=${a()}&year=2026` }),
    },
    {
      route: 'GET /api/gradings/mine',
      allowed: [],
      scoped: false,
      request: () => ({ method: 'GET', url: '/api/gradings/mine?year=2026' }),
    },
    {
      route: 'POST /api/gradings',
      allowed: GRADERS,
      scoped: true,
      request: async () => {
        const n = env.next();
        const person = await addPerson(env.db(), env.tree().C1.path, {
          fullName: `Đảng viên mới ${n}`,
          unitId: env.tree().C1.id,
          cardNumber: `96${String(n).padStart(6, '0')}`,
        });
        return { method: 'POST', url: '/api/gradings', body: { subject: 'member', year: 2026, personId: person.id } };
      },
    },
    {
      route: 'GET /api/gradings/:id',
      allowed: READERS,
      scoped: true,
      request: async () => ({ method: 'GET', url: `/api/gradings/${await reading()}` }),
    },
    {
      route: 'PUT /api/gradings/:id/self-review',
      allowed: GRADERS,
      scoped: true,
      request: async () => {
        const { id, version } = await inC1('draft');
        return { method: 'PUT', url: `/api/gradings/${id}/self-review`, body: selfReviewBody(version) };
      },
    },
    {
      route: 'POST /api/gradings/:id/grade',
      allowed: GRADERS,
      scoped: true,
      request: async () => {
        const { id, version } = await inC1('self_reviewed');
        return { method: 'POST', url: `/api/gradings/${id}/grade`, body: gradeBody(version) };
      },
    },
    {
      route: 'POST /api/gradings/:id/return',
      allowed: GRADERS,
      scoped: true,
      request: async () => {
        const { id, version } = await inC1('self_reviewed');
        return { method: 'POST', url: `/api/gradings/${id}/return`, body: { version, reason: 'Bổ sung phần hạn chế.' } };
      },
    },
    {
      route: 'POST /api/gradings/:id/decide',
      allowed: DECIDERS,
      scoped: true,
      request: async () => {
        const { id, version } = await inC1('graded');
        return { method: 'POST', url: `/api/gradings/${id}/decide`, body: { version, grade: 'good', note: 'Thống nhất' } };
      },
    },
    {
      route: 'POST /api/gradings/:id/reopen',
      allowed: DECIDERS,
      scoped: true,
      request: async () => {
        const { id, version } = await inC1('decided');
        return { method: 'POST', url: `/api/gradings/${id}/reopen`, body: { version, reason: 'Xem xét lại theo đơn của đảng viên.' } };
      },
    },
    {
      route: 'POST /api/gradings/decide',
      allowed: DECIDERS,
      scoped: true,
      request: async () => {
        const { id, version } = await inC1('graded');
        return { method: 'POST', url: '/api/gradings/decide', body: { items: [{ id, version }] } };
      },
    },
    {
      route: 'POST /api/gradings/propose',
      allowed: GRADERS,
      scoped: true,
      request: () => ({ method: 'POST', url: '/api/gradings/propose', body: { unitId: a(), year: 2026 } }),
    },
    {
      route: 'GET /api/gradings/:id/document',
      allowed: READERS,
      scoped: true,
      request: async () => ({ method: 'GET', url: `/api/gradings/${await reading()}/document` }),
    },
    ...(['grading-record', 'grading-results', 'grading-figures'] as const).map((name) => ({
      route: `GET /api/exports/${name}`,
      name: `GET /api/exports/${name}?unitId=A`,
      allowed: READERS,
      scoped: true,
      request: (): Request => ({ method: 'GET', url: `/api/exports/${name}?unitId=${a()}&year=2026` }),
    })),
    {
      route: 'GET /api/grading-figures',
      name: 'GET /api/grading-figures?unitId=A',
      allowed: READERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/grading-figures?unitId=${a()}&year=2026` }),
    },
  ];
}
