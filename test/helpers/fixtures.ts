import type { FastifyInstance } from 'fastify';
import type { Response as InjectResponse } from 'light-my-request';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/platform/config';
import { systemActor } from '../../src/server/platform/auth/policy';
import { hashPassword } from '../../src/server/platform/auth/passwords';
import { foldVietnamese } from '../../src/shared/text';
import type { Role, UnitKind } from '../../src/shared/contracts/domain';
import type { Database } from '../../src/server/platform/db/client';
import { createUnitInTx } from '../../src/server/modules/units/units.service';
import { createPerson } from '../../src/server/modules/people/people.service';
import { insertGrant, insertUser } from '../../src/server/modules/accounts/accounts.repo';
import { createTestDatabase, type TestDatabase } from './test-database';

export const PASSWORD = 'MatKhau@123';

/**
 * A small tree that policy tests lean on:
 *   R Tỉnh ủy Thử nghiệm
 *   ├─ A Đảng ủy phường An Bình ── C1 Chi bộ Khu phố 1, C2 Chi bộ Khu phố 2
 *   └─ B Đảng ủy xã Đông Hòa ──── C3 Chi bộ thôn Phú Lộc
 */
export async function seedSmallTree(db: Database) {
  const R = await createUnitAsSystem(db, 'R', 'Tỉnh ủy Thử nghiệm', 'province_committee', null);
  const A = await createUnitAsSystem(db, 'A', 'Đảng ủy phường An Bình', 'commune_committee', R.id);
  const B = await createUnitAsSystem(db, 'B', 'Đảng ủy xã Đông Hòa', 'commune_committee', R.id);
  const C1 = await createUnitAsSystem(db, 'C1', 'Chi bộ Khu phố 1', 'cell', A.id);
  const C2 = await createUnitAsSystem(db, 'C2', 'Chi bộ Khu phố 2', 'cell', A.id);
  const C3 = await createUnitAsSystem(db, 'C3', 'Chi bộ thôn Phú Lộc', 'cell', B.id);
  return { R, A, B, C1, C2, C3 };
}

/** The system itself, with an administrator grant on a root so services accept its writes. */
export function rootActor(rootPath: string) {
  return { ...systemActor(), grants: [{ id: 0, unitId: 0, unitCode: '', unitName: '', unitPath: rootPath, role: 'admin' as Role }] };
}

export function createUnitAsSystem(
  db: Database,
  code: string,
  name: string,
  kind: UnitKind,
  parentId: number | null,
  validFrom = '2025-07-01',
) {
  return db.transaction((tx) => createUnitInTx(tx, { code, name, kind, parentId, validFrom }));
}

export async function addPerson(
  db: Database,
  unitPath: string,
  input: {
    fullName: string;
    unitId: number;
    cardNumber?: string;
    idNumber?: string;
    category?: 'party_member' | 'civil_servant';
    fromDate?: string;
    position?: 'secretary' | 'party_member' | 'staff';
    isHead?: boolean;
  },
) {
  return createPerson(db, rootActor(unitPath.split('.')[0]!), {
    fullName: input.fullName,
    sex: 'male',
    birthDate: '1980-05-01',
    category: input.category ?? 'party_member',
    cardNumber: input.cardNumber ?? null,
    idNumber: input.idNumber ?? null,
    phone: '0905123456',
    unitId: input.unitId,
    position: input.position ?? 'party_member',
    isHead: input.isHead ?? false,
    fromDate: input.fromDate ?? '2025-07-01',
  });
}

export async function addUser(db: Database, username: string, grants: Array<{ unitId: number; role: Role }>, displayName = username) {
  const user = await insertUser(db, {
    username,
    displayName,
    searchText: foldVietnamese(`${username} ${displayName}`),
    passwordHash: await hashPassword(PASSWORD),
  });
  for (const grant of grants) await insertGrant(db, { userId: user.id, ...grant });
  return user;
}

export type Client = {
  get(url: string): Promise<InjectResponse>;
  send(method: 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<InjectResponse>;
  csrfToken: string;
};

/** Signs in through the API and returns a client carrying the cookie and CSRF token. */
export async function signIn(app: FastifyInstance, username: string, password = PASSWORD): Promise<Client> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'ng_session')!;
  const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
  const cookies = { ng_session: cookie.value };
  return {
    csrfToken,
    get: (url) => app.inject({ method: 'GET', url, cookies }),
    send: (method, url, body) =>
      app.inject({
        method,
        url,
        cookies,
        headers: { 'x-csrf-token': csrfToken },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}

export type TestContext = { database: TestDatabase; db: Database; app: FastifyInstance; close(): Promise<void> };

export async function startTestApp(config: Partial<ReturnType<typeof loadConfig>> = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  const app = await buildApp({
    db: database.db,
    config: { ...loadConfig({}), dataDir: '.tmp/test-data', ...config },
    dbKind: database.kind,
  });
  await app.ready();
  return {
    database,
    db: database.db,
    app,
    close: async () => {
      await app.close();
      await database.cleanup();
    },
  };
}
