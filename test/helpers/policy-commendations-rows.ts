/**
 * Rows of the policy matrix (test/policy.test.ts) for commendation. Nominations are made by the
 * cell C1 of A, so A's officers and committee nominate for it, and they reach A when submitted: A's
 * vetters (admin, officer, committee) vet them there and its deciders (admin, committee) decide.
 */
import { sql } from 'drizzle-orm';
import type { Role } from '../../src/shared/contracts/domain';
import type { Database } from '../../src/server/platform/db/client';
import { createDecision, createNomination, takeStep } from '../../src/server/modules/commendations/index';
import { rootActor, type seedSmallTree } from './fixtures';

type Tree = Awaited<ReturnType<typeof seedSmallTree>>;
type Request = { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; body?: unknown };
export type CommendationsEndpoint = {
  route: string;
  name?: string;
  allowed: readonly Role[];
  scoped: boolean;
  request(): Promise<Request> | Request;
};

const EVERY_ROLE: Role[] = ['admin', 'officer', 'committee', 'inspector', 'member', 'supervisor', 'viewer'];
const READERS: Role[] = ['admin', 'officer', 'committee', 'inspector', 'viewer'];
const NOMINATORS: Role[] = ['admin', 'officer', 'committee'];
const VETTERS: Role[] = ['admin', 'officer', 'committee'];
const DECIDERS: Role[] = ['admin', 'committee'];

export function commendationsEndpoints(env: { db: () => Database; tree: () => Tree; next: () => number }): CommendationsEndpoint[] {
  const system = () => rootActor(env.tree().R.path);
  const content = () => ({
    title: `Mô hình kiểm tra quyền ${env.next()}`,
    story: 'Thành tích',
    results: '',
    periodFrom: '2026-01-01',
    periodTo: '2026-06-30',
    registrationIds: [],
    fileIds: [],
  });
  /** A fresh draft of C1: a good practice, so it names nobody. */
  const draft = () => createNomination(env.db(), system(), { unitId: env.tree().C1.id, kind: 'model', ...content() });
  /** A draft of C1 submitted: now held by A. */
  const heldByA = async () => {
    const created = await draft();
    return takeStep(env.db(), system(), created.id, { action: 'submit', version: created.version, reason: null });
  };
  const decision = async () => {
    const held = await heldByA();
    return createDecision(env.db(), system(), {
      unitId: env.tree().A.id,
      formCode: 'giay_khen',
      decidedOn: '2026-07-01',
      periodFrom: '2026-01-01',
      periodTo: '2026-06-30',
      title: 'Về việc tặng Giấy khen',
      signerName: null,
      signerTitle: null,
      nominationIds: [held.id],
    });
  };
  const a = () => env.tree().A.id;
  const step = (
    name: string,
    allowed: Role[],
    prepare: () => Promise<{ id: number; version: number }>,
    reason: string | null = null,
  ): CommendationsEndpoint => ({
    route: `POST /api/nominations/:id/${name}`,
    allowed,
    scoped: true,
    request: async () => {
      const nomination = await prepare();
      return { method: 'POST', url: `/api/nominations/${nomination.id}/${name}`, body: { version: nomination.version, reason } };
    },
  });
  const endorsed = async () => {
    const held = await heldByA();
    return takeStep(env.db(), system(), held.id, { action: 'endorse', version: held.version, reason: null });
  };

  return [
    {
      route: 'POST /api/nominations/:id/publish',
      allowed: DECIDERS,
      scoped: true,
      request: async () => {
        const made = await decision();
        const nomination = await env
          .db()
          .execute<{ id: number; version: number }>(sql`SELECT id, version FROM nominations WHERE decision_id = ${made.id}`);
        const row = nomination.rows[0]!;
        return { method: 'POST', url: `/api/nominations/${row.id}/publish`, body: { version: Number(row.version), isPublic: true } };
      },
    },
    {
      route: 'GET /api/commendation-forms',
      allowed: EVERY_ROLE,
      scoped: false,
      request: () => ({ method: 'GET', url: '/api/commendation-forms' }),
    },
    // The catalogue is kept at the top of the tree: no role granted on A may change it.
    {
      route: 'POST /api/commendation-forms',
      allowed: [],
      scoped: false,
      request: () => ({ method: 'POST', url: '/api/commendation-forms', body: { name: `Hình thức thử ${env.next()}` } }),
    },
    {
      route: 'PATCH /api/commendation-forms/:code',
      allowed: [],
      scoped: false,
      request: () => ({ method: 'PATCH', url: '/api/commendation-forms/bieu_duong', body: { sortOrder: 1 } }),
    },
    {
      route: 'GET /api/commendation-figures',
      name: 'GET /api/commendation-figures?unitId=A',
      allowed: EVERY_ROLE,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/commendation-figures?unitId=${a()}&year=2026` }),
    },
    {
      route: 'GET /api/exports/commendation-figures',
      name: 'GET /api/exports/commendation-figures?unitId=A',
      allowed: EVERY_ROLE,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/exports/commendation-figures?unitId=${a()}&year=2026` }),
    },
    {
      route: 'GET /api/nominations',
      name: 'GET /api/nominations?unitId=A',
      allowed: READERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/nominations?unitId=${a()}` }),
    },
    {
      route: 'GET /api/nominations/:id',
      allowed: READERS,
      scoped: true,
      request: async () => ({ method: 'GET', url: `/api/nominations/${(await draft()).id}` }),
    },
    {
      route: 'POST /api/nominations',
      allowed: NOMINATORS,
      scoped: true,
      request: () => ({ method: 'POST', url: '/api/nominations', body: { unitId: env.tree().C1.id, kind: 'model', ...content() } }),
    },
    {
      route: 'PATCH /api/nominations/:id',
      allowed: NOMINATORS,
      scoped: true,
      request: async () => {
        const created = await draft();
        return { method: 'PATCH', url: `/api/nominations/${created.id}`, body: { ...content(), version: created.version } };
      },
    },
    {
      route: 'DELETE /api/nominations/:id',
      allowed: NOMINATORS,
      scoped: true,
      request: async () => {
        const created = await draft();
        return { method: 'DELETE', url: `/api/nominations/${created.id}?version=${created.version}` };
      },
    },
    step('submit', NOMINATORS, draft),
    step('return', VETTERS, heldByA, 'Bổ sung số liệu'),
    step('endorse', VETTERS, heldByA),
    step('forward', VETTERS, endorsed),
    step('decline', DECIDERS, heldByA, 'Chưa đủ tiêu chuẩn'),
    {
      route: 'GET /api/commendation-decisions',
      name: 'GET /api/commendation-decisions?unitId=A',
      allowed: READERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/commendation-decisions?unitId=${a()}` }),
    },
    {
      route: 'GET /api/commendation-decisions/:id',
      allowed: READERS,
      scoped: true,
      request: async () => ({ method: 'GET', url: `/api/commendation-decisions/${(await decision()).id}` }),
    },
    {
      route: 'GET /api/commendation-decisions/:id/document',
      allowed: READERS,
      scoped: true,
      request: async () => ({ method: 'GET', url: `/api/commendation-decisions/${(await decision()).id}/document` }),
    },
    {
      route: 'POST /api/commendation-decisions',
      allowed: DECIDERS,
      scoped: true,
      request: async () => {
        const held = await heldByA();
        return {
          method: 'POST',
          url: '/api/commendation-decisions',
          body: {
            unitId: a(),
            formCode: 'giay_khen',
            decidedOn: '2026-07-01',
            periodFrom: '2026-01-01',
            periodTo: '2026-06-30',
            title: 'Về việc tặng Giấy khen',
            nominationIds: [held.id],
          },
        };
      },
    },
  ];
}
