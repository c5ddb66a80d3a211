/**
 * Rows of the policy matrix (test/policy.test.ts) for spreading commended examples. Each row starts
 * from a fresh good practice of the cell C1 commended by A's decision: A's vetters send it up to
 * the Centre as a typical example, and the officers and committees of the cell C2 (below A, not
 * the nominating cell) record that C2 took the model up; readers of A read both.
 */
import type { Role } from '../../src/shared/contracts/domain';
import type { Database } from '../../src/server/platform/db/client';
import { adoptModel, createDecision, createNomination, markTypical, takeStep } from '../../src/server/modules/commendations/index';
import { getTypicalState } from '../../src/server/modules/commendations/typical-examples.service';
import { CreateNominationSchema } from '../../src/shared/contracts/commendations';
import { rootActor, type seedSmallTree } from './fixtures';

type Tree = Awaited<ReturnType<typeof seedSmallTree>>;
type Request = { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; body?: unknown };
export type SpreadEndpoint = {
  route: string;
  name?: string;
  allowed: readonly Role[];
  scoped: boolean;
  request(): Promise<Request> | Request;
};

const READERS: Role[] = ['admin', 'officer', 'committee', 'inspector', 'viewer'];
const VETTERS: Role[] = ['admin', 'officer', 'committee'];
const NOMINATORS: Role[] = ['admin', 'officer', 'committee'];

export function commendationsSpreadEndpoints(env: { db: () => Database; tree: () => Tree; next: () => number }): SpreadEndpoint[] {
  const system = () => rootActor(env.tree().R.path);
  /** A good practice of C1, submitted to A and commended by A's decision. */
  const commendedModel = async () => {
    // Parsed, so the defaults of fields this row does not name are filled in as the route would.
    const input = CreateNominationSchema.parse({
      unitId: env.tree().C1.id,
      kind: 'model',
      title: `Mô hình nhân rộng kiểm tra quyền ${env.next()}`,
      story: 'Cách làm hay',
      results: '',
      periodFrom: '2026-01-01',
      periodTo: '2026-06-30',
      registrationIds: [],
      fileIds: [],
    });
    const draft = await createNomination(env.db(), system(), input);
    const held = await takeStep(env.db(), system(), draft.id, { action: 'submit', version: draft.version, reason: null });
    await createDecision(env.db(), system(), {
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
    return held.id;
  };
  const sentUp = async () => {
    const id = await commendedModel();
    const { version } = await getTypicalState(env.db(), system(), id);
    return markTypical(env.db(), system(), id, { version, unitId: env.tree().A.id, year: 2026 });
  };
  const adopted = async () =>
    adoptModel(env.db(), system(), await commendedModel(), {
      unitId: env.tree().C2.id,
      adoptedOn: '2026-08-01',
      note: 'Áp dụng ở khu phố 2',
      fileIds: [],
    });
  const a = () => env.tree().A.id;

  return [
    {
      route: 'GET /api/nominations/:id/typical',
      allowed: READERS,
      scoped: true,
      request: async () => ({ method: 'GET', url: `/api/nominations/${await commendedModel()}/typical` }),
    },
    {
      route: 'POST /api/nominations/:id/typical',
      allowed: VETTERS,
      scoped: true,
      request: async () => {
        const id = await commendedModel();
        const { version } = await getTypicalState(env.db(), system(), id);
        return { method: 'POST', url: `/api/nominations/${id}/typical`, body: { version, unitId: a(), year: 2026 } };
      },
    },
    {
      route: 'DELETE /api/nominations/:id/typical',
      allowed: VETTERS,
      scoped: true,
      request: async () => {
        const state = await sentUp();
        return { method: 'DELETE', url: `/api/nominations/${state.nominationId}/typical?version=${state.version}` };
      },
    },
    {
      route: 'GET /api/typical-examples',
      name: 'GET /api/typical-examples?unitId=A',
      allowed: READERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/typical-examples?unitId=${a()}&year=2026` }),
    },
    {
      route: 'GET /api/typical-examples/export',
      name: 'GET /api/typical-examples/export?unitId=A',
      allowed: READERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/typical-examples/export?unitId=${a()}` }),
    },
    {
      route: 'GET /api/adoptable-models',
      name: 'GET /api/adoptable-models?unitId=C2',
      allowed: READERS,
      scoped: true,
      request: () => ({ method: 'GET', url: `/api/adoptable-models?unitId=${env.tree().C2.id}` }),
    },
    {
      route: 'GET /api/nominations/:id/adoptions',
      allowed: READERS,
      scoped: true,
      request: async () => ({ method: 'GET', url: `/api/nominations/${await commendedModel()}/adoptions` }),
    },
    {
      route: 'POST /api/nominations/:id/adoptions',
      allowed: NOMINATORS,
      scoped: true,
      request: async () => ({
        method: 'POST',
        url: `/api/nominations/${await commendedModel()}/adoptions`,
        body: { unitId: env.tree().C2.id, adoptedOn: '2026-08-01', note: 'Áp dụng cách làm ở khu phố 2', fileIds: [] },
      }),
    },
    {
      route: 'PATCH /api/model-adoptions/:id',
      allowed: NOMINATORS,
      scoped: true,
      request: async () => {
        const adoption = await adopted();
        return {
          method: 'PATCH',
          url: `/api/model-adoptions/${adoption.id}`,
          body: { adoptedOn: '2026-08-15', note: 'Mở rộng ra cả tổ dân phố', fileIds: [], version: adoption.version },
        };
      },
    },
    {
      route: 'DELETE /api/model-adoptions/:id',
      allowed: NOMINATORS,
      scoped: true,
      request: async () => {
        const adoption = await adopted();
        return { method: 'DELETE', url: `/api/model-adoptions/${adoption.id}?version=${adoption.version}` };
      },
    },
  ];
}
