import { z } from 'zod';
import { IdSchema, IsoDateSchema, PagingSchema, TrimmedText } from './common';
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
export const AuditQuerySchema = PagingSchema.extend({
  action: z.string().trim().max(60).optional(),
  entityType: z.string().trim().max(40).optional(),
  actor: z.string().trim().max(100).optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
});
