import type { Database, Executor } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { assertCan, assertHasPermissionSomewhere, type Actor } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { foldVietnamese } from '../../../shared/text';
import type {
  CreateGradingInput,
  CreateGradingRuleInput,
  DecidedCount,
  DecideInput,
  DecideManyInput,
  GradeStepInput,
  GradingListPage,
  GradingListQuery,
  GradingRuleView,
  GradingView,
  MyGrading,
  ProposedCount,
  ReasonStepInput,
  SelfReviewInput,
} from '../../../shared/contracts/grading';
import type { CompletionLevel } from '../../../shared/contracts/registration-status';
import { getUnitOrThrow } from '../units/index';
import { findActivePrimaryMembership, findPersonById } from '../people/index';
import { getReviewResult } from '../followup/index';
import { checkSheet, proposeGrade } from './grading-rules';
import { stepGrading } from './grading-machine';
import * as repo from './grading.repo';
import { collectiveResultsOf } from './collective-results';
import { presentCampaign, presentGrading, presentListItem, presentRule } from './grading.presenter';

/** The rule a year is graded by; a year before every rule cannot be graded. */
export async function ruleForYear(executor: Executor, year: number): Promise<repo.GradingRuleRow> {
  const rule = await repo.findRuleForYear(executor, year);
  if (!rule) throw new AppError('VALIDATION_FAILED', `Chưa có quy định đánh giá, xếp loại áp dụng cho năm ${year}.`);
  return rule;
}

async function ruleOf(executor: Executor, code: string): Promise<repo.GradingRuleRow> {
  return (await repo.findRule(executor, code))!;
}

export async function listRules(db: Database): Promise<GradingRuleView[]> {
  return (await repo.listRules(db)).map(presentRule);
}

/** A new version of the rules is a new row (never an edit of one years were graded by). */
export async function createRule(db: Database, actor: Actor, input: CreateGradingRuleInput) {
  assertHasPermissionSomewhere(actor, 'grading.rules');
  return db.transaction(async (tx) => {
    const row = await repo.insertRule(tx, input);
    if (!row) throw new AppError('CONFLICT', `Đã có quy định mã "${input.code}" hoặc một quy định áp dụng từ năm ${input.validFromYear}.`);
    await recordAudit(tx, actor, {
      action: 'grading_rule.create',
      entityType: 'grading_rule',
      entityId: input.code,
      unitPath: null,
      before: null,
      after: { code: input.code, validFromYear: input.validFromYear },
    });
    return presentRule(row);
  });
}

/** Where a grading sits, for the route's early check: its unit and, for steps of the level above, the parent. */
export async function findGradingPlace(executor: Executor, id: number) {
  const context = await repo.findGrading(executor, id);
  if (!context) return undefined;
  const unitPaths = [context.unitPath, ...(context.parentPath ? [context.parentPath] : [])];
  return { unitPaths, personIds: context.grading.personId === null ? [] : [context.grading.personId] };
}

export async function getGrading(db: Executor, actor: Actor, id: number): Promise<GradingView> {
  const context = await repo.findGrading(db, id);
  if (!context) throw new AppError('NOT_FOUND', 'Không tìm thấy bản đánh giá, xếp loại này.');
  const own = context.grading.personId !== null && actor.personId === context.grading.personId;
  if (!own) assertCan(actor, 'grading.read', context.unitPath);
  const [rule, events, subtreeResults] = await Promise.all([
    ruleOf(db, context.grading.ruleCode),
    repo.listEvents(db, id),
    collectiveResultsOf(db, context.grading),
  ]);
  return presentGrading(actor, context, rule, events, subtreeResults);
}

/** The member's campaign result for the year, with the registration it comes from. */
async function campaignResultOf(executor: Executor, personId: number, year: number) {
  const result = await getReviewResult(executor, personId, year);
  return result ? { registrationId: result.registrationId, level: result.reviewLevel ?? result.selfLevel } : null;
}

/** The signed-in member's own grading for the year, or what opening it would start from. */
export async function getMine(db: Database, actor: Actor, year: number): Promise<MyGrading> {
  if (actor.personId == null) throw new AppError('FORBIDDEN', 'Tài khoản chưa gắn với một đảng viên nên không có bản kiểm điểm.');
  const id = await repo.findGradingIdOf(db, 'member', actor.personId, year);
  if (id !== undefined) {
    const grading = await getGrading(db, actor, id);
    return { year, grading, unit: grading.unit, rule: grading.rule, campaign: grading.campaign };
  }
  const [membership, rule, campaign] = await Promise.all([
    findActivePrimaryMembership(db, actor.personId),
    repo.findRuleForYear(db, year),
    campaignResultOf(db, actor.personId, year),
  ]);
  return {
    year,
    grading: null,
    unit: membership ? { id: membership.membership.unitId, name: membership.unitName } : null,
    rule: rule ? presentRule(rule) : null,
    campaign: rule && campaign ? presentCampaign(rule, campaign.registrationId, campaign.level) : null,
  };
}

/** Opens a subject's grading for a year: the member themself or the grading level, or the collective's own committee. */
export async function createGrading(db: Database, actor: Actor, input: CreateGradingInput) {
  const id = await db.transaction(async (tx) => {
    const rule = await ruleForYear(tx, input.year);
    let values: { unitId: number; personId: number | null; campaignRegistrationId: number | null; campaignLevel: CompletionLevel | null };
    let unitPath: string;
    if (input.subject === 'member') {
      if (!input.personId) throw new AppError('VALIDATION_FAILED', 'Hãy chọn đảng viên được đánh giá.');
      const person = await findPersonById(tx, input.personId);
      if (!person) throw new AppError('NOT_FOUND', 'Không tìm thấy người này.');
      if (person.category !== 'party_member')
        throw new AppError('VALIDATION_FAILED', `${person.fullName} không phải là đảng viên nên không xếp loại đảng viên.`);
      const membership = await findActivePrimaryMembership(tx, person.id);
      if (!membership) throw new AppError('VALIDATION_FAILED', `${person.fullName} hiện không sinh hoạt ở chi bộ nào.`);
      unitPath = membership.unitPath;
      if (actor.personId !== person.id) assertCan(actor, 'grading.grade', unitPath);
      const campaign = await campaignResultOf(tx, person.id, input.year);
      values = {
        unitId: membership.membership.unitId,
        personId: person.id,
        campaignRegistrationId: campaign?.registrationId ?? null,
        campaignLevel: campaign?.level ?? null,
      };
    } else {
      if (!input.unitId) throw new AppError('VALIDATION_FAILED', 'Hãy chọn tập thể được đánh giá.');
      const unit = await getUnitOrThrow(tx, input.unitId);
      assertCan(actor, 'grading.grade', unit.path);
      if (!(repo.COLLECTIVE_KINDS as readonly string[]).includes(unit.kind)) {
        throw new AppError('VALIDATION_FAILED', `${unit.name} không phải là tổ chức đảng được xếp loại tập thể.`);
      }
      if (unit.parentId === null) throw new AppError('VALIDATION_FAILED', 'Đơn vị cao nhất không có cấp trên để xếp loại.');
      unitPath = unit.path;
      values = { unitId: unit.id, personId: null, campaignRegistrationId: null, campaignLevel: null };
    }
    const existing = await repo.findGradingIdOf(
      tx,
      input.subject,
      input.subject === 'member' ? values.personId! : values.unitId,
      input.year,
    );
    if (existing !== undefined)
      throw new AppError('CONFLICT', `Đã có bản đánh giá, xếp loại năm ${input.year} (số ${existing}); hãy mở bản đó.`);
    const row = await repo.insertGrading(tx, { subject: input.subject, year: input.year, ruleCode: rule.code, ...values });
    await recordAudit(tx, actor, {
      action: 'grading.create',
      entityType: 'grading',
      entityId: row.id,
      unitPath,
      before: null,
      after: { subject: input.subject, year: input.year, personId: values.personId, unitId: values.unitId },
    });
    return row.id;
  });
  return getGrading(db, actor, id);
}

function totalOf(scores: Record<string, number>) {
  return Object.values(scores).reduce((sum, value) => sum + value, 0);
}

/** Saves the self-review, and sends it when asked: one call for both, one transaction. */
export async function saveSelfReview(db: Database, actor: Actor, id: number, input: SelfReviewInput) {
  await db.transaction(async (tx) => {
    const context = await repo.findGrading(tx, id, true);
    if (!context) throw new AppError('NOT_FOUND', 'Không tìm thấy bản đánh giá, xếp loại này.');
    const rule = await ruleOf(tx, context.grading.ruleCode);
    checkSheet(rule.config, context.grading.subject, input);
    if (input.submit && !input.strengths) throw new AppError('VALIDATION_FAILED', 'Hãy ghi ưu điểm trước khi gửi bản kiểm điểm.');
    await stepGrading(tx, actor, {
      gradingId: id,
      step: input.submit ? 'submitSelf' : 'saveSelf',
      expectedVersion: input.version,
      patch: {
        strengths: input.strengths,
        shortcomings: input.shortcomings,
        remedies: input.remedies,
        selfScores: input.scores,
        selfConditions: input.conditions,
        selfGrade: input.selfGrade,
        selfTotal: totalOf(input.scores),
      },
    });
  });
  return getGrading(db, actor, id);
}

/** The grading level's assessment: the rule proposes, a different grade needs a written reason. */
export async function gradeOne(db: Database, actor: Actor, id: number, input: GradeStepInput) {
  await db.transaction(async (tx) => {
    const context = await repo.findGrading(tx, id, true);
    if (!context) throw new AppError('NOT_FOUND', 'Không tìm thấy bản đánh giá, xếp loại này.');
    const rule = await ruleOf(tx, context.grading.ruleCode);
    checkSheet(rule.config, context.grading.subject, input);
    const proposal = proposeGrade(rule.config, context.grading.subject, input);
    const overridden = input.grade !== proposal.grade;
    if (overridden && !input.overrideReason) {
      throw new AppError('VALIDATION_FAILED', `Mức theo quy định là "${proposal.reason}" Chọn mức khác thì phải ghi lý do.`, {
        proposedGrade: proposal.grade,
      });
    }
    if (input.votes && input.votes.for + input.votes.against + input.votes.abstain === 0) {
      throw new AppError('VALIDATION_FAILED', 'Kết quả biểu quyết phải có ít nhất một phiếu.');
    }
    await stepGrading(tx, actor, {
      gradingId: id,
      step: 'grade',
      expectedVersion: input.version,
      patch: {
        scores: input.scores,
        conditions: input.conditions,
        comment: input.comment,
        proposedGrade: proposal.grade,
        proposedTotal: proposal.total,
        proposedReason: proposal.reason,
        grade: input.grade,
        overrideReason: overridden ? input.overrideReason : null,
        votes: input.votes,
        gradedBy: actor.userId,
        gradedAt: new Date(),
      },
    });
  });
  return getGrading(db, actor, id);
}

export async function returnGrading(db: Database, actor: Actor, id: number, input: ReasonStepInput) {
  await db.transaction((tx) =>
    stepGrading(tx, actor, { gradingId: id, step: 'return', expectedVersion: input.version, reason: input.reason }),
  );
  return getGrading(db, actor, id);
}

export async function reopenGrading(db: Database, actor: Actor, id: number, input: ReasonStepInput) {
  await db.transaction((tx) =>
    stepGrading(tx, actor, { gradingId: id, step: 'reopen', expectedVersion: input.version, reason: input.reason }),
  );
  return getGrading(db, actor, id);
}

export async function decideOne(db: Database, actor: Actor, id: number, input: DecideInput) {
  await db.transaction((tx) =>
    stepGrading(tx, actor, {
      gradingId: id,
      step: 'decide',
      expectedVersion: input.version,
      grade: input.grade ?? null,
      reason: input.note,
      patch: { decisionNote: input.note },
    }),
  );
  return getGrading(db, actor, id);
}

/** The deciding level confirms many at the grades proposed: all or none. */
export async function decideMany(db: Database, actor: Actor, input: DecideManyInput): Promise<DecidedCount> {
  await db.transaction(async (tx) => {
    for (const item of input.items) {
      await stepGrading(tx, actor, { gradingId: item.id, step: 'decide', expectedVersion: item.version, patch: { decisionNote: null } });
    }
  });
  return { decided: input.items.length };
}

/**
 * Fills the rule's proposal on every self-reviewed grading of the subtree from its self-scored
 * sheet, so the grading level starts from it; nothing the subject or the level wrote is changed.
 */
export async function proposeAll(db: Database, actor: Actor, unitId: number, year: number): Promise<ProposedCount> {
  const unit = await getUnitOrThrow(db, unitId);
  assertCan(actor, 'grading.grade', unit.path);
  return db.transaction(async (tx) => {
    const waiting = await repo.listAwaitingProposal(tx, unit.path, year);
    const rules = new Map<string, repo.GradingRuleRow>();
    const proposals = [];
    for (const grading of waiting) {
      if (!rules.has(grading.ruleCode)) rules.set(grading.ruleCode, await ruleOf(tx, grading.ruleCode));
      const proposal = proposeGrade(rules.get(grading.ruleCode)!.config, grading.subject, {
        scores: grading.selfScores,
        conditions: grading.selfConditions,
      });
      proposals.push({ id: grading.id, ...proposal });
    }
    await repo.setProposals(tx, proposals);
    return { proposed: proposals.length };
  });
}

export async function listGradings(db: Database, actor: Actor, query: GradingListQuery): Promise<GradingListPage> {
  assertHasPermissionSomewhere(actor, 'grading.read');
  const unit = await getUnitOrThrow(db, query.unitId);
  assertCan(actor, 'grading.read', unit.path);
  const rows = await repo.listSubjects(db, unit.path, query, query.q ? foldVietnamese(query.q) : null);
  return {
    items: rows.map((row) => presentListItem(query.subject, row)),
    total: rows[0]?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
