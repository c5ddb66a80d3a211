import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Role } from '../src/shared/contracts/domain';
import { addPerson, addUser, PASSWORD, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { logIn, openSession, type Session } from './helpers/session';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
let root: Session;
let adminA: Session;
const ids = { root: 0, adminA: 0, officerA: 0, viewerC2: 0, viewerB: 0, mixed: 0, noGrant: 0 };

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  ids.root = (await addUser(ctx.db, 'root', [{ unitId: tree.R.id, role: 'admin' }], 'Quản trị Tỉnh')).id;
  ids.adminA = (await addUser(ctx.db, 'admin.a', [{ unitId: tree.A.id, role: 'admin' }], 'Quản trị phường An Bình')).id;
  ids.officerA = (await addUser(ctx.db, 'officer.a', [{ unitId: tree.A.id, role: 'officer' }])).id;
  ids.viewerC2 = (await addUser(ctx.db, 'viewer.c2', [{ unitId: tree.C2.id, role: 'viewer' }])).id;
  ids.viewerB = (await addUser(ctx.db, 'viewer.b', [{ unitId: tree.B.id, role: 'viewer' }])).id;
  // Grants on both sides: only an administrator of both may manage it.
  ids.mixed = (
    await addUser(ctx.db, 'hai.noi', [
      { unitId: tree.C1.id, role: 'viewer' },
      { unitId: tree.C3.id, role: 'viewer' },
    ])
  ).id;
  ids.noGrant = (await addUser(ctx.db, 'chua.co.quyen', [])).id;
  root = await openSession(ctx.app, 'root');
  adminA = await openSession(ctx.app, 'admin.a');
});
afterAll(() => ctx.close());

async function count(table: 'users' | 'grants' | 'audit_log'): Promise<number> {
  const result = await ctx.db.execute<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`);
  return Number(result.rows[0]?.n ?? 0);
}

async function userRow(username: string) {
  const result = await ctx.db.execute<{
    id: number;
    display_name: string;
    is_disabled: boolean;
    must_change_password: boolean;
    password_hash: string;
  }>(sql`SELECT id, display_name, is_disabled, must_change_password, password_hash FROM users WHERE username = ${username}`);
  return result.rows[0];
}

async function grantsOf(userId: number) {
  const result = await ctx.db.execute<{ code: string; role: string }>(
    sql`SELECT u.code, g.role FROM grants g JOIN units u ON u.id = g.unit_id WHERE g.user_id = ${userId} ORDER BY g.id`,
  );
  return result.rows.map((row) => `${row.code}:${row.role}`);
}

const newAccount = (username: string, grants: Array<{ unitId: number; role: Role }>, password = 'MatKhau@456') => ({
  username,
  displayName: `Tài khoản ${username}`,
  password,
  grants,
});

describe('creating accounts', () => {
  it('lets the administrator of A create an account with a grant on C1, recorded in users, grants and the audit log', async () => {
    const response = await adminA.send('POST', '/api/accounts', {
      ...newAccount('can.bo.c1', [{ unitId: tree.C1.id, role: 'officer' }]),
      displayName: 'Lê Văn Cán Bộ',
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.username).toBe('can.bo.c1');
    expect(body.displayName).toBe('Lê Văn Cán Bộ');
    expect(body.isDisabled).toBe(false);
    expect(body.grants.map((g: { unitCode: string; role: string }) => `${g.unitCode}:${g.role}`)).toEqual(['C1:officer']);

    const row = await userRow('can.bo.c1');
    expect(row?.id).toBe(body.id);
    expect(row?.must_change_password).toBe(true);
    expect(row?.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(await grantsOf(body.id)).toEqual(['C1:officer']);
    const audit = await ctx.db.execute<{ actor_name: string; actor_user_id: number; after: { username: string } }>(
      sql`SELECT actor_name, actor_user_id, after FROM audit_log WHERE action = 'account.create' AND entity_id = ${String(body.id)}`,
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]!.actor_name).toBe('Quản trị phường An Bình');
    expect(Number(audit.rows[0]!.actor_user_id)).toBe(ids.adminA);
    expect(audit.rows[0]!.after.username).toBe('can.bo.c1');
    expect(JSON.stringify(audit.rows[0]!.after)).not.toContain('MatKhau@456');

    const signedIn = await logIn(ctx.app, 'can.bo.c1', 'MatKhau@456');
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user.mustChangePassword).toBe(true);
  });

  it('refuses grants outside the administrator’s subtree and writes nothing', async () => {
    const [users, grants] = [await count('users'), await count('grants')];
    for (const grants of [
      [{ unitId: tree.B.id, role: 'viewer' }],
      [
        { unitId: tree.C1.id, role: 'viewer' },
        { unitId: tree.C3.id, role: 'viewer' },
      ],
      [{ unitId: tree.R.id, role: 'viewer' }],
    ] as const) {
      const response = await adminA.send('POST', '/api/accounts', newAccount('ngoai.pham.vi', [...grants]));
      expect(response.statusCode, JSON.stringify(grants)).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
    expect(await count('users')).toBe(users);
    expect(await count('grants')).toBe(grants);
  });

  it('rejects bad input with 400 and writes nothing', async () => {
    const before = [await count('users'), await count('grants'), await count('audit_log')];
    const C1 = tree.C1.id;
    const cases: Array<[string, unknown]> = [
      ['too short', newAccount('ab', [{ unitId: C1, role: 'viewer' }])],
      ['space inside', newAccount('nguyen van', [{ unitId: C1, role: 'viewer' }])],
      ['diacritics', newAccount('nguyễn.văn', [{ unitId: C1, role: 'viewer' }])],
      ['other characters', newAccount('nguyen@van', [{ unitId: C1, role: 'viewer' }])],
      ['too long', newAccount('a'.repeat(41), [{ unitId: C1, role: 'viewer' }])],
      ['short password', newAccount('mat.khau.ngan', [{ unitId: C1, role: 'viewer' }], 'Ab@1')],
      ['digits-only password', newAccount('mat.khau.so', [{ unitId: C1, role: 'viewer' }], '1234567890')],
      ['no grants', newAccount('khong.quyen', [])],
      ['unknown role', { ...newAccount('vai.tro.la', []), grants: [{ unitId: C1, role: 'chairman' }] }],
      ['bad unit id', { ...newAccount('don.vi.sai', []), grants: [{ unitId: 'C1', role: 'viewer' }] }],
      ['no display name', { ...newAccount('khong.ten', [{ unitId: C1, role: 'viewer' }]), displayName: '   ' }],
      ['no password', { username: 'khong.mat.khau', displayName: 'Không mật khẩu', grants: [{ unitId: C1, role: 'viewer' }] }],
    ];
    for (const [label, body] of cases) {
      const response = await adminA.send('POST', '/api/accounts', body);
      expect(response.statusCode, label).toBe(400);
      expect(response.json().error.code, label).toBe('VALIDATION_FAILED');
      expect(typeof response.json().error.message).toBe('string');
    }
    expect([await count('users'), await count('grants'), await count('audit_log')]).toEqual(before);
  });

  it('stores user names in lower case, so a name differing only in case is a duplicate (409)', async () => {
    const created = await adminA.send('POST', '/api/accounts', newAccount('  Nguyen.Van.Hoa ', [{ unitId: tree.C2.id, role: 'viewer' }]));
    expect(created.statusCode).toBe(201);
    expect(created.json().username).toBe('nguyen.van.hoa');
    const users = await count('users');
    for (const username of ['nguyen.van.hoa', 'NGUYEN.VAN.HOA']) {
      const duplicate = await adminA.send('POST', '/api/accounts', newAccount(username, [{ unitId: tree.C2.id, role: 'viewer' }]));
      expect(duplicate.statusCode, username).toBe(409);
      expect(duplicate.json().error.code).toBe('DUPLICATE');
    }
    expect(await count('users')).toBe(users);
  });

  it('links an account only to a person who exists inside the administrator’s subtree', async () => {
    const inside = await addPerson(ctx.db, tree.C1.path, { fullName: 'Phạm Thị Liên', unitId: tree.C1.id, cardNumber: '77000001' });
    const outside = await addPerson(ctx.db, tree.C3.path, { fullName: 'Đỗ Văn Ngoài', unitId: tree.C3.id, cardNumber: '77000002' });
    const users = await count('users');
    const unknown = await adminA.send('POST', '/api/accounts', {
      ...newAccount('nguoi.khong.co', [{ unitId: tree.C1.id, role: 'member' }]),
      personId: 99999999,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('VALIDATION_FAILED');
    const foreign = await adminA.send('POST', '/api/accounts', {
      ...newAccount('nguoi.ngoai', [{ unitId: tree.C1.id, role: 'member' }]),
      personId: outside.id,
    });
    expect(foreign.statusCode).toBe(403);
    expect(await count('users')).toBe(users);
    const linked = await adminA.send('POST', '/api/accounts', {
      ...newAccount('pham.thi.lien', [{ unitId: tree.C1.id, role: 'member' }]),
      personId: inside.id,
    });
    expect(linked.statusCode).toBe(201);
    expect(linked.json().personId).toBe(inside.id);
  });
});

describe('the administrator’s reach', () => {
  it('lists only accounts whose every grant lies inside the subtree', async () => {
    const listA = await adminA.get('/api/accounts?pageSize=200');
    expect(listA.statusCode).toBe(200);
    const namesA: string[] = listA.json().items.map((u: { username: string }) => u.username);
    expect(namesA).toEqual(expect.arrayContaining(['admin.a', 'officer.a', 'viewer.c2', 'can.bo.c1']));
    for (const hidden of ['root', 'viewer.b', 'hai.noi', 'chua.co.quyen']) expect(namesA).not.toContain(hidden);
    expect(listA.json().total).toBe(namesA.length);

    const listRoot = (await root.get('/api/accounts?pageSize=200')).json();
    const namesRoot: string[] = listRoot.items.map((u: { username: string }) => u.username);
    expect(namesRoot).toEqual(expect.arrayContaining(['root', 'admin.a', 'viewer.b', 'hai.noi', 'chua.co.quyen', ...namesA]));
    expect(listRoot.total).toBe(await count('users'));
  });

  it('searches and pages the list', async () => {
    const found = (await adminA.get('/api/accounts?q=AN%20BINH')).json();
    expect(found.items.map((u: { username: string }) => u.username)).toEqual(['admin.a']);
    const all = (await root.get('/api/accounts?pageSize=200')).json();
    const page1 = (await root.get('/api/accounts?page=1&pageSize=3')).json();
    const page2 = (await root.get('/api/accounts?page=2&pageSize=3')).json();
    expect(page1.total).toBe(all.total);
    expect(page1.items).toHaveLength(3);
    expect([...page1.items, ...page2.items].map((u: { username: string }) => u.username)).toEqual(
      all.items.slice(0, 6).map((u: { username: string }) => u.username),
    );
  });

  it('refuses to change, reset or re-grant accounts reaching outside A, and changes nothing', async () => {
    const before = {
      viewerB: await userRow('viewer.b'),
      mixed: await userRow('hai.noi'),
      noGrant: await userRow('chua.co.quyen'),
      grants: await count('grants'),
      audit: await count('audit_log'),
    };
    const viewerBGrant = (await ctx.db.execute<{ id: number }>(sql`SELECT id FROM grants WHERE user_id = ${ids.viewerB}`)).rows[0]!.id;
    const mixedGrantC1 = (
      await ctx.db.execute<{ id: number }>(sql`SELECT id FROM grants WHERE user_id = ${ids.mixed} AND unit_id = ${tree.C1.id}`)
    ).rows[0]!.id;
    const attempts: Array<[string, () => ReturnType<Session['send']>]> = [];
    for (const [name, id] of [
      ['viewer.b', ids.viewerB],
      ['hai.noi', ids.mixed],
      ['chua.co.quyen', ids.noGrant],
    ] as const) {
      attempts.push(
        [`patch ${name}`, () => adminA.send('PATCH', `/api/accounts/${id}`, { displayName: 'Đổi tên' })],
        [`disable ${name}`, () => adminA.send('PATCH', `/api/accounts/${id}`, { isDisabled: true })],
        [`reset ${name}`, () => adminA.send('POST', `/api/accounts/${id}/reset-password`, { newPassword: 'MatKhauMoi@1' })],
        [`grant ${name}`, () => adminA.send('POST', `/api/accounts/${id}/grants`, { unitId: tree.C1.id, role: 'admin' })],
      );
    }
    attempts.push(
      ['remove viewer.b grant', () => adminA.send('DELETE', `/api/accounts/${ids.viewerB}/grants/${viewerBGrant}`)],
      ['remove hai.noi grant inside A', () => adminA.send('DELETE', `/api/accounts/${ids.mixed}/grants/${mixedGrantC1}`)],
    );
    for (const [label, attempt] of attempts) {
      const response = await attempt();
      expect(response.statusCode, label).toBe(403);
      expect(response.json().error.code, label).toBe('FORBIDDEN');
    }
    expect(await userRow('viewer.b')).toEqual(before.viewerB);
    expect(await userRow('hai.noi')).toEqual(before.mixed);
    expect(await userRow('chua.co.quyen')).toEqual(before.noGrant);
    expect(await count('grants')).toBe(before.grants);
    expect(await count('audit_log')).toBe(before.audit);
    expect((await logIn(ctx.app, 'viewer.b')).statusCode).toBe(200);
  });

  it('refuses to grant on B to an account of A', async () => {
    const response = await adminA.send('POST', `/api/accounts/${ids.officerA}/grants`, { unitId: tree.B.id, role: 'viewer' });
    expect(response.statusCode).toBe(403);
    expect(await grantsOf(ids.officerA)).toEqual(['A:officer']);
  });

  it('answers 404 for an account that does not exist', async () => {
    expect((await root.send('PATCH', '/api/accounts/99999999', { displayName: 'Không có' })).statusCode).toBe(404);
  });
});

describe('roles without account management', () => {
  it('get 403 on every /api/accounts endpoint, even with the role on the root', async () => {
    const roles: Role[] = ['officer', 'committee', 'inspector', 'member', 'supervisor', 'viewer'];
    const target = ids.viewerC2;
    const targetGrant = (await ctx.db.execute<{ id: number }>(sql`SELECT id FROM grants WHERE user_id = ${target}`)).rows[0]!.id;
    const before = { users: await count('users'), grants: await count('grants'), target: await userRow('viewer.c2') };
    for (const role of roles) {
      await addUser(ctx.db, `khong.quan.tri.${role}`, [{ unitId: tree.R.id, role }]);
      const session = await openSession(ctx.app, `khong.quan.tri.${role}`);
      const responses = [
        await session.get('/api/accounts'),
        await session.send('POST', '/api/accounts', newAccount(`tao.boi.${role}`, [{ unitId: tree.C1.id, role: 'viewer' }])),
        await session.send('PATCH', `/api/accounts/${target}`, { displayName: 'Đổi tên' }),
        await session.send('POST', `/api/accounts/${target}/reset-password`, { newPassword: 'MatKhauMoi@1' }),
        await session.send('POST', `/api/accounts/${target}/grants`, { unitId: tree.C1.id, role: 'viewer' }),
        await session.send('DELETE', `/api/accounts/${target}/grants/${targetGrant}`),
      ];
      expect(
        responses.map((r) => r.statusCode),
        role,
      ).toEqual([403, 403, 403, 403, 403, 403]);
    }
    expect(await count('users')).toBe(before.users + roles.length);
    expect(await count('grants')).toBe(before.grants + roles.length);
    expect(await userRow('viewer.c2')).toEqual(before.target);
  });

  it('get 401 without a session', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/accounts' })).statusCode).toBe(401);
    const create = await ctx.app.inject({
      method: 'POST',
      url: '/api/accounts',
      payload: newAccount('vo.danh', [{ unitId: tree.C1.id, role: 'viewer' }]),
    });
    expect(create.statusCode).toBe(401);
  });
});

describe('managing an account', () => {
  it('disables an account: its sessions end and sign-in answers ACCOUNT_DISABLED; enabling lets it back in', async () => {
    const user = await openSession(ctx.app, 'can.bo.c1', { password: 'MatKhau@456' });
    expect((await user.get('/api/auth/me')).statusCode).toBe(200);
    const id = (await userRow('can.bo.c1'))!.id;
    const disabled = await adminA.send('PATCH', `/api/accounts/${id}`, { isDisabled: true });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().isDisabled).toBe(true);
    expect((await userRow('can.bo.c1'))!.is_disabled).toBe(true);
    expect((await user.get('/api/auth/me')).statusCode).toBe(401);
    expect(Number((await ctx.db.execute<{ n: number }>(sql`SELECT count(*) AS n FROM sessions WHERE user_id = ${id}`)).rows[0]!.n)).toBe(0);
    const refused = await logIn(ctx.app, 'can.bo.c1', 'MatKhau@456');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('ACCOUNT_DISABLED');
    const audit = await ctx.db.execute<{ before: { isDisabled: boolean }; after: { isDisabled: boolean } }>(
      sql`SELECT before, after FROM audit_log WHERE action = 'account.disable' AND entity_id = ${String(id)}`,
    );
    expect(audit.rows).toEqual([
      { before: expect.objectContaining({ isDisabled: false }), after: expect.objectContaining({ isDisabled: true }) },
    ]);

    const enabled = await adminA.send('PATCH', `/api/accounts/${id}`, { isDisabled: false });
    expect(enabled.statusCode).toBe(200);
    expect((await logIn(ctx.app, 'can.bo.c1', 'MatKhau@456')).statusCode).toBe(200);
  });

  it('does not let an administrator disable their own account', async () => {
    const response = await adminA.send('PATCH', `/api/accounts/${ids.adminA}`, { isDisabled: true });
    expect(response.statusCode).toBe(400);
    expect((await userRow('admin.a'))!.is_disabled).toBe(false);
    expect((await adminA.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('renames an account', async () => {
    const response = await adminA.send('PATCH', `/api/accounts/${ids.viewerC2}`, { displayName: 'Võ Thị Xem' });
    expect(response.statusCode).toBe(200);
    expect((await userRow('viewer.c2'))!.display_name).toBe('Võ Thị Xem');
    expect((await adminA.get('/api/accounts?q=vo%20thi%20xem')).json().items.map((u: { username: string }) => u.username)).toEqual([
      'viewer.c2',
    ]);
  });

  it('resets a password: sessions end, the old password stops working, and the user must change it', async () => {
    const user = await openSession(ctx.app, 'officer.a');
    const weak = await adminA.send('POST', `/api/accounts/${ids.officerA}/reset-password`, { newPassword: '1234' });
    expect(weak.statusCode).toBe(400);
    expect((await user.get('/api/auth/me')).statusCode).toBe(200);

    const reset = await adminA.send('POST', `/api/accounts/${ids.officerA}/reset-password`, { newPassword: 'DatLai@2026' });
    expect(reset.statusCode).toBe(200);
    expect((await user.get('/api/auth/me')).statusCode).toBe(401);
    expect((await logIn(ctx.app, 'officer.a', PASSWORD, '10.5.0.1')).statusCode).toBe(401);
    const signedIn = await logIn(ctx.app, 'officer.a', 'DatLai@2026', '10.5.0.1');
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user.mustChangePassword).toBe(true);
    expect((await userRow('officer.a'))!.must_change_password).toBe(true);
    const audit = await ctx.db.execute<{ n: number }>(
      sql`SELECT count(*) AS n FROM audit_log WHERE action = 'account.reset_password' AND entity_id = ${String(ids.officerA)}`,
    );
    expect(Number(audit.rows[0]!.n)).toBe(1);
  });

  it('adds a grant, refuses the same grant twice (409), and removes a grant', async () => {
    const id = (await userRow('can.bo.c1'))!.id;
    const added = await adminA.send('POST', `/api/accounts/${id}/grants`, { unitId: tree.C2.id, role: 'viewer' });
    expect(added.statusCode).toBe(200);
    expect(added.json().grants.map((g: { unitCode: string; role: string }) => `${g.unitCode}:${g.role}`)).toEqual([
      'C1:officer',
      'C2:viewer',
    ]);
    expect(await grantsOf(id)).toEqual(['C1:officer', 'C2:viewer']);

    const again = await adminA.send('POST', `/api/accounts/${id}/grants`, { unitId: tree.C2.id, role: 'viewer' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DUPLICATE');
    expect(await grantsOf(id)).toEqual(['C1:officer', 'C2:viewer']);

    // The new grant takes effect on the user's next request.
    const user = await openSession(ctx.app, 'can.bo.c1', { password: 'MatKhau@456' });
    expect((await user.get('/api/auth/me')).json().grants).toHaveLength(2);

    const grantId = added.json().grants.find((g: { unitCode: string }) => g.unitCode === 'C2').id;
    const removed = await adminA.send('DELETE', `/api/accounts/${id}/grants/${grantId}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().grants.map((g: { unitCode: string }) => g.unitCode)).toEqual(['C1']);
    expect(await grantsOf(id)).toEqual(['C1:officer']);
    expect((await user.get('/api/auth/me')).json().grants).toHaveLength(1);
    const audit = await ctx.db.execute<{ action: string; unit_path: string }>(
      sql`SELECT action, unit_path FROM audit_log WHERE entity_type = 'user' AND entity_id = ${String(id)} AND action LIKE 'grant.%' ORDER BY id`,
    );
    expect(audit.rows).toEqual([
      { action: 'grant.add', unit_path: tree.C2.path },
      { action: 'grant.remove', unit_path: tree.C2.path },
    ]);

    const gone = await adminA.send('DELETE', `/api/accounts/${id}/grants/${grantId}`);
    expect(gone.statusCode).toBe(404);
  });
});
