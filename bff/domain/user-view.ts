/**
 * How a user is shown to clients: one shape for sign-in, /api/me and the user APIs.
 */
import { z } from 'zod';
import { companyRole, partnerAccess, type User } from '../../db/schema.ts';

export const userViewSchema = z.object({
  id: z.string(),
  companyId: z.string(),
  email: z.string(),
  displayName: z.string(),
  companyRoles: z.array(z.enum(companyRole.enumValues)),
  partnerAccess: z.enum(partnerAccess.enumValues),
  disabled: z.boolean(),
  passwordTemporary: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type UserView = z.infer<typeof userViewSchema>;

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    companyId: user.companyId,
    email: user.email,
    displayName: user.displayName,
    companyRoles: user.companyRoles,
    partnerAccess: user.partnerAccess,
    disabled: user.disabledAt !== null,
    passwordTemporary: user.passwordTemporary,
    createdAt: user.createdAt.toISOString(),
  };
}

