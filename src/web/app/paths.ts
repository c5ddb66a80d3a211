export const paths = {
  login: '/login',
  changePassword: '/change-password',
  home: '/',
  units: '/units',
  people: '/people',
  audit: '/audit',
  accounts: '/accounts',
  study: '/study',
  programmeFigures: '/programme-figures',
} as const;
