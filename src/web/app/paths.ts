export const paths = {
  login: '/login',
  changePassword: '/change-password',
  home: '/',
  units: '/units',
  people: '/people',
  standards: '/standards',
  plans: '/plans',
  topics: '/topics',
  breakthroughs: '/breakthroughs',
  audit: '/audit',
  accounts: '/accounts',
} as const;
