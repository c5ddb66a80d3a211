export { notificationsRoutes } from './notifications.routes';
export { startReminderJob } from './reminders.service';
export { mailerFromConfig } from './mailer';
