/** The few Spanish security strings the first screens need (the user menu, an error); the rest load with their pages (es-security-account.ts). */
export const securityAccountEagerEs = {
  menuLink: 'Seguridad y aparatos',
  mustAdd: 'Su organización pide a todo el personal un segundo paso para entrar. Por favor, agréguelo ahora. Después podrá usar todo Second Look.',
};
