import { describe, expect, it } from 'vitest';
import { statusDeltas, twinFlagDeltas } from '../src/server/modules/registrations/registration-machine';
import { diffSnapshots } from '../src/server/modules/registrations/registration-diff';
import { fingerprintOf, similarityOf, SIMILARITY_THRESHOLD } from '../src/server/modules/registrations/similarity';
import { searchTextOf } from '../src/server/modules/registrations/registrations.service';
import { REGISTRATION_METRICS, registrationFigureDay } from '../src/server/modules/figures/registration-metrics';

type Counted = Parameters<typeof statusDeltas>[0];

const leader: Counted = { kind: 'individual', year: 2026, isLeader: true, hasTwin: false, actionCount: 0, actionsDone: 0 };
const metric = (bucket: 'registered' | 'approved' | 'published' | 'returned') => REGISTRATION_METRICS.bucket('individual', bucket, 2026);

describe('statusDeltas', () => {
  it('moves a leader into the registered buckets on submission, and out on withdrawal', () => {
    expect(statusDeltas(leader, '1.2', 'draft', 'submitted', '2026-01-10')).toEqual([
      { unitPath: '1.2', metric: metric('registered'), day: '2026-01-10', delta: 1 },
      { unitPath: '1.2', metric: REGISTRATION_METRICS.leadersRegistered(2026), day: '2026-01-10', delta: 1 },
    ]);
    expect(statusDeltas(leader, '1.2', 'submitted', 'draft', '2026-01-11').map((delta) => delta.delta)).toEqual([-1, -1]);
  });

  it('counts approval and publication once, whatever the path', () => {
    const member = { ...leader, isLeader: false };
    const path = [
      statusDeltas(member, '1', null, 'draft', '2026-01-01'),
      statusDeltas(member, '1', 'draft', 'submitted', '2026-01-02'),
      statusDeltas(member, '1', 'submitted', 'returned', '2026-01-03'),
      statusDeltas(member, '1', 'returned', 'submitted', '2026-01-04'),
      statusDeltas(member, '1', 'submitted', 'approved', '2026-01-05'),
      statusDeltas(member, '1', 'approved', 'published', '2026-01-06'),
    ].flat();
    const total = (name: string) => path.filter((delta) => delta.metric === name).reduce((sum, delta) => sum + delta.delta, 0);
    expect([total(metric('registered')), total(metric('returned')), total(metric('approved')), total(metric('published'))]).toEqual([
      1, 0, 1, 1,
    ]);
  });
});

describe('statusDeltas of actions', () => {
  it("counts a registration's actions as registered and approved, and those assessed done once self-assessed", () => {
    const collective: Counted = { kind: 'collective', year: 2025, isLeader: false, hasTwin: true, actionCount: 4, actionsDone: 3 };
    const path = [
      statusDeltas(collective, '1', 'draft', 'submitted', '2025-12-31'),
      statusDeltas(collective, '1', 'submitted', 'approved', '2025-12-31'),
      statusDeltas(collective, '1', 'approved', 'published', '2025-12-31'),
      statusDeltas(collective, '1', 'published', 'self_assessed', '2025-12-31'),
    ].flat();
    const total = (name: string) => path.filter((delta) => delta.metric === name).reduce((sum, delta) => sum + delta.delta, 0);
    expect(total(REGISTRATION_METRICS.actions('collective', 'registered', 2025))).toBe(4);
    expect(total(REGISTRATION_METRICS.actions('collective', 'approved', 2025))).toBe(4);
    expect(total(REGISTRATION_METRICS.actionsDone('collective', 2025))).toBe(3);
    // It has a near-identical twin: counted once with a twin while registered.
    expect(total(REGISTRATION_METRICS.withTwin(2025))).toBe(1);
    const withdrawn = statusDeltas(collective, '1', 'submitted', 'draft', '2025-12-31');
    expect(withdrawn.find((delta) => delta.metric === REGISTRATION_METRICS.withTwin(2025))?.delta).toBe(-1);
    const alone = statusDeltas({ ...collective, hasTwin: false }, '1', 'draft', 'submitted', '2025-12-31');
    expect(alone.some((delta) => delta.metric === REGISTRATION_METRICS.withTwin(2025))).toBe(false);
    // Withdrawn to a draft, its actions no longer count as registered.
    expect(
      statusDeltas(collective, '1', 'submitted', 'draft', '2025-12-31').find(
        (delta) => delta.metric === REGISTRATION_METRICS.actions('collective', 'registered', 2025),
      )?.delta,
    ).toBe(-4);
  });
});

describe('twinFlagDeltas', () => {
  it('counts a registration gaining or losing its twin only while it is registered', () => {
    const change = { year: 2026, unitPath: '1.4', hasTwin: true };
    expect(
      twinFlagDeltas([
        { ...change, status: 'submitted' },
        { ...change, status: 'draft' },
        { ...change, status: 'closed', hasTwin: false },
      ]),
    ).toEqual([
      { unitPath: '1.4', metric: REGISTRATION_METRICS.withTwin(2026), day: registrationFigureDay(2026), delta: 1 },
      { unitPath: '1.4', metric: REGISTRATION_METRICS.withTwin(2026), day: registrationFigureDay(2026), delta: -1 },
    ]);
  });
});

describe('diffSnapshots', () => {
  const action = {
    area: 'ethics' as const,
    content: 'Góp ý thẳng thắn',
    measurableResult: '12 lần',
    deadline: '2026-12-31',
    linkKind: null,
    linkId: null,
    linkIndex: null,
  };
  it('lists changed fields, added and removed actions, and a changed shortcoming', () => {
    const diff = diffSnapshots(
      { shortcomings: 'Còn nể nang', actions: [action, { ...action, content: 'Đi họp đúng giờ' }] },
      { shortcomings: 'Còn nể nang, ngại va chạm', actions: [{ ...action, measurableResult: '24 lần' }] },
      1,
      2,
    );
    expect(diff.shortcomings).toEqual({ before: 'Còn nể nang', after: 'Còn nể nang, ngại va chạm' });
    expect(diff.actions).toEqual([
      { position: 0, change: 'changed', fields: [{ field: 'measurableResult', before: '12 lần', after: '24 lần' }] },
      { position: 1, change: 'removed', fields: expect.arrayContaining([{ field: 'content', before: 'Đi họp đúng giờ', after: '' }]) },
    ]);
  });
});

describe('near-duplicate fingerprints', () => {
  const text = (shortcomings: string, ...contents: string[]) =>
    fingerprintOf(
      searchTextOf(
        shortcomings,
        contents.map((content) => ({ content, measurableResult: '' })),
      ),
    );
  it('sees a copy with clauses moved and diacritics dropped, and not two honest registrations', () => {
    const original = text(
      'Còn ngại va chạm; chưa chủ động ứng dụng công nghệ thông tin',
      'Hướng dẫn 5 hộ dùng dịch vụ công trực tuyến',
      'Đọc tác phẩm Sửa đổi lối làm việc',
    );
    const copy = text(
      'Chua chu dong ung dung cong nghe thong tin; con ngai va cham',
      'Doc tac pham Sua doi loi lam viec',
      'Huong dan 5 ho dung dich vu cong truc tuyen',
    );
    const honest = text('Tác phong còn chậm, đôi khi trễ giờ họp', 'Đến trước giờ họp chi bộ 10 phút', 'Thăm hỏi 3 hộ nghèo mỗi quý');
    expect(similarityOf(original, copy)).toBeGreaterThan(0.8);
    expect(similarityOf(original, honest)).toBeLessThan(SIMILARITY_THRESHOLD);
    expect(similarityOf(original, new Uint32Array())).toBe(0);
  });
});
