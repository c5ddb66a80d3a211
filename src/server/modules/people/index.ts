export { countActiveMembers } from './people.repo';
export { moveActiveMembers, createPersonInTx, personColumns } from './people.service';
export { membershipDeltas, MEMBERS_METRIC, PARTY_MEMBERS_METRIC } from './people.figures';
export { changeCategoryInTx, movePersonInTx } from './people.service';
export { findPersonById, findActivePrimaryMembership, updatePerson, updateMembership, listMembershipsOfPerson } from './people.repo';
