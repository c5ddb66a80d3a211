import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createUnitAsSystem, seedSmallTree, startTestApp, type TestContext } from './helpers/fixtures';
import { openSession, type Session } from './helpers/session';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/platform/config';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof seedSmallTree>>;
let root: Session;

const open = (url: string) => ctx.app.inject({ method: 'GET', url });

async function adoptStandards(unitId: number, criteria: Array<{ text: string }>, adoptedOn: string) {
  const draft = await root.send('POST', '/api/standards/drafts', { unitId, criteria, title: 'Chuẩn mực đạo đức <b>chi bộ</b>' });
  expect(draft.statusCode).toBe(201);
  const adopted = await root.send('POST', `/api/standards/${draft.json().id}/adopt`, { adoptedOn, version: 1 });
  expect(adopted.statusCode).toBe(200);
  return draft.json().id as number;
}

beforeAll(async () => {
  ctx = await startTestApp();
  tree = await seedSmallTree(ctx.db);
  await addUser(ctx.db, 'root', [{ unitId: tree.R.id, role: 'admin' }]);
  root = await openSession(ctx.app, 'root');
  await adoptStandards(
    tree.C1.id,
    [{ text: 'Gương mẫu, trách nhiệm <script>alert("x")</script> trong công việc' }, { text: 'Gần dân & trọng dân' }],
    '2026-01-10',
  );
  expect(
    (await root.send('POST', `/api/standards/units/${tree.C1.id}/sign`, { postedOn: '2026-01-15', location: 'Nhà văn hóa bí mật' }))
      .statusCode,
  ).toBe(201);
});
afterAll(() => ctx.close());

describe('the public page of a unit', () => {
  it('opens without signing in and shows the unit, its parent and its current standards', async () => {
    const response = await open('/cong-khai/C1');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    const page = response.body;
    expect(page).toContain('<h1>Chi bộ Khu phố 1</h1>');
    expect(page).toContain('Đảng ủy phường An Bình');
    expect(page).toContain('Phiên bản 1, thông qua ngày 10/01/2026');
    expect(page).toContain('Gần dân &amp; trọng dân');
    expect(page).toContain('Đã gắn biển ngày 15/01/2026');
    // Only public things: the sign's location stays in the admin app.
    expect(page).not.toContain('Nhà văn hóa bí mật');
    // No script of any kind: it loads fast on a cheap phone.
    expect(page).not.toMatch(/<script/i);
  });

  it('escapes everything typed by users', async () => {
    const page = (await open('/cong-khai/C1')).body;
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page).toContain('Chuẩn mực đạo đức &lt;b&gt;chi bộ&lt;/b&gt;');
    expect(page).not.toContain('<b>chi bộ</b>');
  });

  it('shows a new version once adopted, never a draft', async () => {
    const draft = await root.send('POST', '/api/standards/drafts', {
      unitId: tree.C1.id,
      criteria: [{ text: 'Tiêu chí còn đang bàn, chưa công bố' }],
    });
    expect(draft.statusCode).toBe(201);
    const before = (await open('/cong-khai/C1')).body;
    expect(before).not.toContain('chưa công bố');
    expect(before).toContain('Phiên bản 1');
    expect((await root.send('POST', `/api/standards/${draft.json().id}/adopt`, { adoptedOn: '2026-05-01', version: 1 })).statusCode).toBe(
      200,
    );
    const after = (await open('/cong-khai/C1')).body;
    expect(after).toContain('Phiên bản 2, thông qua ngày 01/05/2026');
    expect(after).toContain('Tiêu chí còn đang bàn, chưa công bố');
    expect(after).not.toContain('Gần dân &amp; trọng dân');
  });

  it('says when a cell has not published standards or posted a sign yet', async () => {
    const page = (await open('/cong-khai/C3')).body;
    expect(page).toContain('Chi bộ thôn Phú Lộc');
    expect(page).toContain('Đơn vị chưa công bố chuẩn mực đạo đức.');
  });

  it('opens for a unit above the cells too, which has nothing public yet', async () => {
    const response = await open('/cong-khai/A');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Đảng ủy phường An Bình');
    expect(response.body).toContain('Đơn vị chưa có nội dung công khai.');
    expect(response.body).not.toContain('Chuẩn mực đạo đức</h2>');
  });

  it('answers an unknown code with a 404 page, not an error', async () => {
    const response = await open('/cong-khai/KHONG-CO');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('Không tìm thấy đơn vị');
    const odd = await open(`/cong-khai/${encodeURIComponent('<script>x</script>')}`);
    expect(odd.statusCode).toBe(404);
    expect(odd.body).not.toContain('<script>x');
    expect((await open(`/cong-khai/${'A'.repeat(90)}`)).statusCode).toBe(404);
  });

  it('sends a sign printed before a code change to the unit under its new code', async () => {
    const renamed = await createUnitAsSystem(ctx.db, 'C7-CU', 'Chi bộ Khu phố 7', 'cell', tree.A.id);
    const changed = await root.send('PATCH', `/api/units/${renamed.id}`, {
      code: 'C7',
      effectiveDate: '2026-03-01',
      version: renamed.version,
    });
    expect(changed.statusCode).toBe(200);
    const response = await open('/cong-khai/C7-CU');
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toBe('/cong-khai/C7');
    expect((await open('/cong-khai/C7')).body).toContain('Chi bộ Khu phố 7');
  });

  it('answers a closed unit with a 404 page', async () => {
    const closing = await createUnitAsSystem(ctx.db, 'C9', 'Chi bộ Khu phố 9', 'cell', tree.A.id);
    expect((await open('/cong-khai/C9')).statusCode).toBe(200);
    const closed = await root.send('POST', `/api/units/${closing.id}/close`, { effectiveDate: '2026-02-01', version: closing.version });
    expect(closed.statusCode).toBe(200);
    const response = await open('/cong-khai/C9');
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('Không tìm thấy đơn vị');
  });

  it('is the address the QR code encodes: the request host, or PUBLIC_BASE_URL when it is set', async () => {
    const view = (await root.get(`/api/standards/units/${tree.C1.id}`)).json();
    const url = new URL(view.publicUrl as string);
    expect(url.pathname).toBe('/cong-khai/C1');
    expect((await open(url.pathname)).statusCode).toBe(200);

    const config = loadConfig({ PUBLIC_BASE_URL: 'https://noiguong.example.vn/', DATA_DIR: '.tmp/test-data' });
    const configured = await buildApp({ db: ctx.db, config, dbKind: ctx.database.kind });
    try {
      const session = await openSession(configured, 'root');
      const configuredView = (await session.get(`/api/standards/units/${tree.C1.id}`)).json();
      expect(configuredView.publicUrl).toBe('https://noiguong.example.vn/cong-khai/C1');
      expect((await session.get(`/api/standards/units/${tree.C1.id}/sign-print`)).body).toContain(
        'href="https://noiguong.example.vn/cong-khai/C1"',
      );
    } finally {
      await configured.close();
    }
  });
});
