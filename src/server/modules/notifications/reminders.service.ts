import type { Database } from '../../platform/db/client';
import { withJobLock } from '../../platform/db/job-lock';
import { assertCan, systemActor, type Actor } from '../../platform/auth/policy';
import { recordAudit } from '../../platform/audit';
import { addDaysIso, formatVietnameseDate, todayIso } from '../../platform/dates';
import { getUnitOrThrow } from '../units/index';
import * as repo from './notifications.repo';
import type { Mailer } from './mailer';
import type { ReminderOutcome } from '../../../shared/contracts/notifications';

export type ReminderOptions = { mailer: Mailer | null; daysBefore: number; now?: Date };
export type { ReminderOutcome };

/** Midnight of today in Vietnam (UTC+7), as an instant: "sent today" means since then. */
export function startOfVietnamDay(now: Date): Date {
  return new Date(`${todayIso(now)}T00:00:00+07:00`);
}

const REMINDER_LINK = '/followup';

/**
 * Sends the reminders to register: an in-app notice to every account linked to a member who has
 * not registered, and an e-mail to the member's address when SMTP is set. A user gets at most one
 * reminder a day, whichever window or run sends it; a failed e-mail never undoes the notices.
 */
async function sendReminders(
  db: Database,
  actor: Actor,
  options: ReminderOptions,
  scope: { closesBy: string | null; notRemindedToday: boolean; memberScope: string | null; markWindows: boolean },
): Promise<ReminderOutcome> {
  const now = options.now ?? new Date();
  const today = todayIso(now);
  const emails: Array<{ to: string; name: string; closesOn: string; year: number }> = [];
  // Every app process runs the hourly check, and an officer may press "send now" meanwhile: one run
  // at a time, and each reads who is due only once the run before it has committed.
  const outcome = await withJobLock(db, 'registration-reminders', async (tx) => {
    const targets = await repo.listReminderTargets(tx, {
      today,
      year: Number(today.slice(0, 4)),
      closesBy: scope.closesBy,
      notRemindedToday: scope.notRemindedToday,
      memberScope: scope.memberScope,
    });
    const alreadyReminded = await repo.usersRemindedSince(tx, startOfVietnamDay(now));
    const seenPersons = new Set<number>();
    const values: Parameters<typeof repo.insertNotifications>[1] = [];
    for (const target of targets) {
      const firstTime = !seenPersons.has(target.person_id);
      seenPersons.add(target.person_id);
      const message = {
        title: `Nhắc đăng ký làm theo năm ${target.year}`,
        body: `Đồng chí ${target.full_name} chưa gửi bản đăng ký học tập và làm theo năm ${target.year}. Hạn cuối: ${formatVietnameseDate(target.closes_on)} (${target.window_unit_name}).`,
      };
      if (target.user_id !== null && !alreadyReminded.has(target.user_id)) {
        alreadyReminded.add(target.user_id);
        values.push({ userId: target.user_id, kind: 'registration_reminder', link: REMINDER_LINK, ...message });
      }
      if (
        firstTime &&
        target.email &&
        options.mailer &&
        (target.user_id === null || values.some((value) => value.userId === target.user_id))
      ) {
        emails.push({ to: target.email, name: target.full_name, closesOn: target.closes_on, year: target.year });
      }
    }
    const inserted = await repo.insertNotifications(tx, values);
    const windowIds = [...new Set(targets.map((target) => target.window_id))];
    // A manual run covers only part of a window's members: the daily run still reminds the rest.
    if (scope.markWindows) await repo.markWindowsReminded(tx, windowIds, today);
    const result = { windows: windowIds.length, members: seenPersons.size, notified: inserted.length };
    // An hourly check that found nothing to send is not worth a row; an officer's press always is.
    if (windowIds.length === 0 && !scope.memberScope) return result;
    await recordAudit(tx, actor, {
      action: 'registration.remind',
      entityType: 'registration_window',
      entityId: windowIds.join(',') || '-',
      unitPath: scope.memberScope,
      after: { ...result, emails: emails.length },
    });
    return result;
  });
  let emailed = 0;
  let failedEmails = 0;
  // Sent after the commit: a slow or failing mail server must not hold the transaction.
  for (const email of emails) {
    try {
      await options.mailer!.sendMail({
        from: options.mailer!.from,
        to: email.to,
        subject: `Nhắc đăng ký học tập và làm theo năm ${email.year}`,
        text: `Kính gửi đồng chí ${email.name},\n\nĐồng chí chưa gửi bản đăng ký học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm ${email.year}. Hạn cuối: ${formatVietnameseDate(email.closesOn)}.\nĐồng chí vui lòng đăng nhập NoiGuong để đăng ký.\n\nTrân trọng.`,
      });
      emailed += 1;
    } catch {
      failedEmails += 1;
    }
  }
  return { ...outcome, emailed, failedEmails };
}

/** The daily run: windows closing within `daysBefore` days, each at most once a day (reminded_on). */
export function runDailyReminders(db: Database, options: ReminderOptions): Promise<ReminderOutcome> {
  const today = todayIso(options.now ?? new Date());
  return sendReminders(db, systemActor('Nhắc việc tự động'), options, {
    closesBy: addDaysIso(today, options.daysBefore),
    notRemindedToday: true,
    memberScope: null,
    markWindows: true,
  });
}

/** An officer's "send reminders now" for the members of a unit's subtree, whatever the close date. */
export async function runRemindersNow(db: Database, actor: Actor, unitId: number, options: ReminderOptions): Promise<ReminderOutcome> {
  const unit = await getUnitOrThrow(db, unitId);
  assertCan(actor, 'registrations.windows', unit.path);
  return sendReminders(db, actor, options, { closesBy: null, notRemindedToday: false, memberScope: unit.path, markWindows: false });
}

/**
 * The daily job in the server process: checks every hour; reminded_on makes each window's reminders
 * go out once a day whichever hour the first check falls on.
 */
export function startReminderJob(
  db: Database,
  options: Omit<ReminderOptions, 'now'>,
  log: (message: string) => void = console.log,
): () => void {
  const tick = () => {
    runDailyReminders(db, options)
      .then((outcome) => {
        if (outcome.notified > 0 || outcome.emailed > 0) log(`Reminders: ${outcome.notified} notices, ${outcome.emailed} e-mails.`);
      })
      .catch((error: unknown) => log(`Reminders failed: ${String(error)}`));
  };
  const first = setTimeout(tick, 30_000);
  const timer = setInterval(tick, 3600_000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
