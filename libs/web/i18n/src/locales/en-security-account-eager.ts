/** The few English security strings the first screens need (the user menu, an error); the rest load with their pages (en-security-account.ts). */
export const securityAccountEagerEn = {
  menuLink: 'Security and devices',
  mustAdd: 'Your organization asks everyone on staff to add a second sign-in step. Please add one now. You can use the rest of Second Look after that.',
};
