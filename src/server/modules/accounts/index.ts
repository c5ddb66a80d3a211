export { findUserByUsername, insertGrant, insertUser, moveGrants } from './accounts.repo';
export { resolveSession } from './auth.service';
