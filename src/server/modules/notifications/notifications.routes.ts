import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '../../../shared/contracts/common';
import { NotificationsQuerySchema, RemindersRunSchema } from '../../../shared/contracts/followup';
import {
  NotificationCountsSchema,
  NotificationsAnswerSchema,
  ReadAllAnswerSchema,
  ReminderOutcomeSchema,
} from '../../../shared/contracts/notifications';
import type { AppDeps } from '../../platform/http/deps';
import { actorOf } from '../../platform/http/request-context';
import * as service from './notifications.service';
import { runRemindersNow } from './reminders.service';
import { mailerFromConfig } from './mailer';

const tags = ['Thông báo'];

export const notificationsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db, config }) => {
  const mailer = mailerFromConfig(config);
  app.get(
    '/api/notifications',
    { schema: { tags, querystring: NotificationsQuerySchema, response: { 200: NotificationsAnswerSchema } } },
    (request) => service.listMine(db, actorOf(request), request.query),
  );
  app.post(
    '/api/notifications/:id/read',
    { schema: { tags, params: IdParamsSchema, response: { 200: NotificationCountsSchema } } },
    (request) => service.markRead(db, actorOf(request), request.params.id),
  );
  app.post('/api/notifications/read-all', { schema: { tags, response: { 200: ReadAllAnswerSchema } } }, (request) =>
    service.markAllRead(db, actorOf(request)),
  );
  app.post(
    '/api/registration-reminders',
    { config: { needs: ['registrations.windows'] }, schema: { tags, body: RemindersRunSchema, response: { 200: ReminderOutcomeSchema } } },
    (request) => runRemindersNow(db, actorOf(request), request.body.unitId, { mailer, daysBefore: config.reminderDaysBefore }),
  );
};
