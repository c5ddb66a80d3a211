import { z } from 'zod';
import { IdSchema, PagingSchema, TrimmedText, pagedAnswerSchema } from './common';
import { RoleSchema } from './domain';

export const LoginSchema = z.object({
  username: z.string().trim().min(1, 'Hãy nhập tên đăng nhập').max(60),
  password: z.string().min(1, 'Hãy nhập mật khẩu').max(200),
});
export const ChangePasswordSchema = z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) });
export const GrantInputSchema = z.object({ unitId: IdSchema, role: RoleSchema });
export const CreateAccountSchema = z.object({
  username: z.string().trim().min(3).max(40),
  displayName: TrimmedText(120),
  password: z.string().min(1).max(200),
  personId: IdSchema.nullish(),
  grants: z.array(GrantInputSchema).min(1, 'Cần ít nhất một quyền'),
});
export const UpdateAccountSchema = z.object({ displayName: TrimmedText(120).optional(), isDisabled: z.boolean().optional() });
export const ResetPasswordSchema = z.object({ newPassword: z.string().min(1).max(200) });
export const AccountsQuerySchema = PagingSchema.extend({ q: z.string().trim().max(100).optional() });
export type LoginBody = z.input<typeof LoginSchema>;
export type ChangePasswordBody = z.input<typeof ChangePasswordSchema>;
export type GrantBody = z.input<typeof GrantInputSchema>;
export type CreateAccountBody = z.input<typeof CreateAccountSchema>;

// Answers.

/** An answer that only confirms the request was carried out. */
export const OkAnswerSchema = z.object({ ok: z.literal(true) });
export type OkAnswer = z.infer<typeof OkAnswerSchema>;

export const LOCALES = ['vi', 'en'] as const;

/** The signed-in user. */
export const CurrentUserSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  /** The person the account is linked to, if any. */
  personId: z.number().nullable(),
  /** The password was set by an administrator: the user must change it before going on. */
  mustChangePassword: z.boolean(),
  locale: z.enum(LOCALES),
});
export type CurrentUser = z.infer<typeof CurrentUserSchema>;

/** A role the user holds on a unit and every unit below it. */
export const GrantSchema = z.object({
  id: z.number(),
  unitId: z.number(),
  unitCode: z.string(),
  unitName: z.string(),
  unitPath: z.string(),
  role: RoleSchema,
});
export type Grant = z.infer<typeof GrantSchema>;

/** Who is signed in, what they hold, and the token to send back with every change. */
export const SessionSchema = z.object({
  user: CurrentUserSchema,
  grants: z.array(GrantSchema),
  /** Every permission some grant gives (somewhere in the tree). */
  permissions: z.array(z.string()),
  csrfToken: z.string(),
});
export type Session = z.infer<typeof SessionSchema>;

/** A grant as the accounts page lists it. */
export const AccountGrantSchema = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  unitCode: z.string(),
  role: RoleSchema,
});
export type AccountGrant = z.infer<typeof AccountGrantSchema>;

export const AccountSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  personId: z.number().nullable(),
  isDisabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  grants: z.array(AccountGrantSchema),
});
export type Account = z.infer<typeof AccountSchema>;
export const AccountsAnswerSchema = pagedAnswerSchema(AccountSchema);
