import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, IdSchema } from '../../../shared/contracts/common';
import {
  AccountSchema,
  AccountsAnswerSchema,
  AccountsQuerySchema,
  ChangePasswordSchema,
  CreateAccountSchema,
  GrantInputSchema,
  LoginSchema,
  OkAnswerSchema,
  ResetPasswordSchema,
  SessionSchema,
  UpdateAccountSchema,
} from '../../../shared/contracts/accounts';
import type { AppDeps } from '../../platform/http/deps';
import { actorOf, SESSION_COOKIE, sessionOf } from '../../platform/http/request-context';
import { placeById } from '../../platform/http/route-needs';
import * as auth from './auth.service';
import * as accounts from './accounts.service';
import { presentSession } from './accounts.presenter';

export const authRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db, config }) => {
  const tags = ['Đăng nhập'];
  // Secure whenever the browser reaches us over HTTPS (directly, behind a trusted proxy, or as configured).
  const cookieOptions = (request: FastifyRequest) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: request.protocol === 'https' || (config.publicBaseUrl?.startsWith('https://') ?? false),
  });
  app.post('/api/auth/login', { schema: { tags, body: LoginSchema, response: { 200: SessionSchema } } }, async (request, reply) => {
    const { token, context } = await auth.logIn(db, {
      ...request.body,
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
      sessionDays: config.sessionDays,
    });
    // A new session id on every sign-in: a session the browser already had (perhaps planted) ends.
    if (request.session) await auth.logOut(db, request.session.tokenHash);
    reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(request), maxAge: config.sessionDays * 86400 });
    return presentSession(context);
  });
  app.post('/api/auth/logout', { schema: { tags, response: { 200: OkAnswerSchema } } }, async (request, reply) => {
    if (request.session) await auth.logOut(db, request.session.tokenHash);
    reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
    return { ok: true } as const;
  });
  app.get('/api/auth/me', { schema: { tags, response: { 200: SessionSchema } } }, (request) => presentSession(sessionOf(request)));
  app.post('/api/auth/password', { schema: { tags, body: ChangePasswordSchema, response: { 200: OkAnswerSchema } } }, async (request) => {
    await auth.changeOwnPassword(db, actorOf(request), sessionOf(request), request.body);
    return { ok: true } as const;
  });
};

export const accountsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  const tags = ['Tài khoản, phân quyền'];
  const onAccount = { needs: ['accounts.manage'], place: placeById((id) => accounts.findAccountPlace(db, id)) } as const;
  app.get('/api/accounts', { schema: { tags, querystring: AccountsQuerySchema, response: { 200: AccountsAnswerSchema } } }, (request) =>
    accounts.listAccounts(db, actorOf(request), request.query),
  );
  app.post(
    '/api/accounts',
    { config: { needs: ['accounts.manage'] }, schema: { tags, body: CreateAccountSchema, response: { 201: AccountSchema } } },
    async (request, reply) => reply.status(201).send(await accounts.createAccount(db, actorOf(request), request.body)),
  );
  app.patch(
    '/api/accounts/:id',
    { config: onAccount, schema: { tags, params: IdParamsSchema, body: UpdateAccountSchema, response: { 200: AccountSchema } } },
    (request) => accounts.updateAccount(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/accounts/:id/reset-password',
    { config: onAccount, schema: { tags, params: IdParamsSchema, body: ResetPasswordSchema, response: { 200: OkAnswerSchema } } },
    async (request) => {
      await accounts.resetPassword(db, actorOf(request), request.params.id, request.body.newPassword);
      return { ok: true } as const;
    },
  );
  /** The answer is the account with its grants as they now are. */
  app.post(
    '/api/accounts/:id/grants',
    { config: onAccount, schema: { tags, params: IdParamsSchema, body: GrantInputSchema, response: { 200: AccountSchema } } },
    (request) => accounts.addGrant(db, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/accounts/:id/grants/:grantId',
    { config: onAccount, schema: { tags, params: z.object({ id: IdSchema, grantId: IdSchema }), response: { 200: AccountSchema } } },
    (request) => accounts.removeGrant(db, actorOf(request), request.params.id, request.params.grantId),
  );
};
