export { findUserByUsername, insertGrant, insertUser, moveGrants } from './accounts.repo';
