import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, IdSchema } from '../../../shared/contracts/common';
import {
  AccountsQuerySchema,
  ChangePasswordSchema,
  CreateAccountSchema,
  GrantInputSchema,
  LoginSchema,
  ResetPasswordSchema,
  UpdateAccountSchema,
} from '../../../shared/contracts/accounts';
import type { AppDeps } from '../../platform/http/deps';
import { actorOf, SESSION_COOKIE, sessionOf } from '../../platform/http/request-context';
import { placeById } from '../../platform/http/route-needs';
import * as auth from './auth.service';
import * as accounts from './accounts.service';

export const authRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db, config }) => {
  const tags = ['Đăng nhập'];
  // Secure whenever the browser reaches us over HTTPS (directly, behind a trusted proxy, or as configured).
  const cookieOptions = (request: FastifyRequest) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: request.protocol === 'https' || (config.publicBaseUrl?.startsWith('https://') ?? false),
  });
  app.post('/api/auth/login', { schema: { tags, body: LoginSchema } }, async (request, reply) => {
    const { token, context } = await auth.logIn(db, {
      ...request.body,
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
      sessionDays: config.sessionDays,
    });
    // A new session id on every sign-in: a session the browser already had (perhaps planted) ends.
    if (request.session) await auth.logOut(db, request.session.tokenHash);
    reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(request), maxAge: config.sessionDays * 86400 });
    return auth.describeMe(context);
  });
  app.post('/api/auth/logout', { schema: { tags } }, async (request, reply) => {
    if (request.session) await auth.logOut(db, request.session.tokenHash);
    reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
    return { ok: true };
  });
  app.get('/api/auth/me', { schema: { tags } }, (request) => auth.describeMe(sessionOf(request)));
  app.post('/api/auth/password', { schema: { tags, body: ChangePasswordSchema } }, async (request) => {
    await auth.changeOwnPassword(db, actorOf(request), sessionOf(request), request.body);
    return { ok: true };
  });
};

export const accountsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  const tags = ['Tài khoản, phân quyền'];
  const onAccount = { needs: ['accounts.manage'], place: placeById((id) => accounts.findAccountPlace(db, id)) } as const;
  app.get('/api/accounts', { schema: { tags, querystring: AccountsQuerySchema } }, (request) =>
    accounts.listAccounts(db, actorOf(request), request.query),
  );
  app.post(
    '/api/accounts',
    { config: { needs: ['accounts.manage'] }, schema: { tags, body: CreateAccountSchema } },
    async (request, reply) => reply.status(201).send(await accounts.createAccount(db, actorOf(request), request.body)),
  );
  app.patch('/api/accounts/:id', { config: onAccount, schema: { tags, params: IdParamsSchema, body: UpdateAccountSchema } }, (request) =>
    accounts.updateAccount(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/accounts/:id/reset-password',
    { config: onAccount, schema: { tags, params: IdParamsSchema, body: ResetPasswordSchema } },
    async (request) => {
      await accounts.resetPassword(db, actorOf(request), request.params.id, request.body.newPassword);
      return { ok: true };
    },
  );
  app.post('/api/accounts/:id/grants', { config: onAccount, schema: { tags, params: IdParamsSchema, body: GrantInputSchema } }, (request) =>
    accounts.addGrant(db, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/accounts/:id/grants/:grantId',
    { config: onAccount, schema: { tags, params: z.object({ id: IdSchema, grantId: IdSchema }) } },
    (request) => accounts.removeGrant(db, actorOf(request), request.params.id, request.params.grantId),
  );
};
