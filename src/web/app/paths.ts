export const paths = {
  login: '/login',
  changePassword: '/change-password',
  home: '/',
  units: '/units',
  people: '/people',
  standards: '/standards',
  audit: '/audit',
  accounts: '/accounts',
} as const;
