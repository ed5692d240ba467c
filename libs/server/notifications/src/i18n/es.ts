import { REMINDER_EMAIL_ES } from '@second-look/domain';
import type { EmailResources } from './en';

/**
 * The e-mails' words in US Spanish: usted, plain words, the terms US Spanish-language patient
 * materials use (expediente médico, seguro médico, autorización previa). Written, not copied
 * word for word from en.ts. Spanish plural forms: one, many, other (i18next with Intl.PluralRules).
 */
export const emailEs: EmailResources & { digest: { subject_many: string; more_many: string } } = {
  hello: 'Hola:',
  footer: {
    reason: 'Recibe este mensaje por la configuración de sus notificaciones.',
    changeHere: 'Puede cambiarla aquí:',
    changeLink: 'Cambiar la configuración',
  },
  openCase: 'Abrir el caso en Second Look',
  account: {
    reset: {
      subject: 'Elija una contraseña nueva para Second Look',
      asked: 'Alguien pidió poner una contraseña nueva en su cuenta de Second Look.',
      linkLabel: 'Abra este enlace para elegir una contraseña nueva',
      worksUntil: 'El enlace sirve una sola vez y hasta el {{until}}.',
      notYou: 'Si usted no lo pidió, puede ignorar este correo. Su contraseña sigue igual.',
    },
    changed: {
      subject: 'Su contraseña de Second Look cambió',
      body: 'La contraseña de su cuenta de Second Look acaba de cambiar, y se cerró la sesión en todos los aparatos donde estaba abierta.',
      signInLabel: 'Entre con su contraseña nueva',
      notYou: 'Si usted no hizo este cambio, ponga una contraseña nueva ahora mismo y avísele al administrador de su organización.',
      forgotLabel: 'Poner una contraseña nueva',
    },
    signUp: {
      subject: 'Termine de crear su organización en Second Look',
      started: 'Usted empezó a crear "{{organization}}" en Second Look.',
      linkLabel: 'Abra este enlace para terminar y entrar',
      worksUntil: 'El enlace sirve una sola vez y hasta el {{until}}. Si usted no hizo esto, puede ignorar este correo.',
    },
    exists: {
      subject: 'Alguien intentó crear una cuenta con su correo electrónico',
      body: 'Alguien intentó crear una organización nueva en Second Look con este correo electrónico. Usted ya tiene una cuenta, así que no se creó nada.',
      signInLabel: 'Si fue usted, entre aquí',
      forgotLabel: '¿Olvidó su contraseña? Ponga una nueva',
      notYou: 'Si no fue usted, no tiene que hacer nada.',
    },
    newDevice: {
      subject: 'Alguien entró a su cuenta de Second Look desde un aparato nuevo',
      body: 'Alguien acaba de entrar a su cuenta de Second Look desde un navegador o aparato que no se había usado antes ({{at}}).',
      wasYou: 'Si fue usted, no tiene que hacer nada.',
      notYou: 'Si no fue usted, ponga una contraseña nueva ahora mismo. Así se cierra la sesión en todos los aparatos.',
      forgotLabel: 'Poner una contraseña nueva',
    },
    factor: {
      subject: 'Cambiaron los pasos para entrar a su cuenta de Second Look',
      change: {
        TOTP_ADDED: 'Se agregó una aplicación de códigos como segundo paso para entrar a su cuenta de Second Look ({{at}}).',
        PASSKEY_ADDED: 'Se agregó una llave de acceso (passkey) a su cuenta de Second Look ({{at}}).',
        FACTOR_REMOVED: 'Se quitó un segundo paso para entrar a su cuenta de Second Look ({{at}}).',
        RECOVERY_CODES_NEW: 'Se hicieron códigos de recuperación nuevos para su cuenta de Second Look ({{at}}). Los anteriores ya no sirven.',
        RECOVERY_CODE_USED: 'Se usó un código de recuperación para entrar a su cuenta de Second Look ({{at}}). Cada código sirve una sola vez.',
        FACTORS_RESET: 'Un administrador de su organización quitó los segundos pasos para entrar a su cuenta de Second Look ({{at}}). Puede agregar otros nuevos cuando entre.',
      },
      securityLabel: 'Ver sus pasos para entrar y sus aparatos',
      notYou: 'Si no fue usted, ponga una contraseña nueva ahora mismo y avísele al administrador de su organización.',
      forgotLabel: 'Poner una contraseña nueva',
    },
  },
  invitation: {
    subjectCase: '{{organization}} le invitó a Second Look',
    subjectStaff: 'Únase a {{organization}} en Second Look',
    whatCase: '{{inviter}}, de {{organization}}, le invitó a un caso compartido en Second Look. Allí usted y su equipo de apoyo pueden preparar juntos su segunda opinión.',
    whatStaff: '{{inviter}} le invitó a unirse a {{organization}} en Second Look con el rol de {{role}}.',
    role: {
      ADMIN: 'administrador',
      COORDINATOR: 'coordinador',
      ADVOCATE: 'defensor del paciente',
      PATIENT: 'paciente',
      CAREGIVER: 'cuidador',
    },
    linkIntro: 'Abra este enlace para crear su contraseña:',
    linkButton: 'Crear mi contraseña y entrar',
    expires: 'El enlace sirve una sola vez y vence el {{until}}. Si no esperaba este mensaje, puede ignorarlo.',
  },
  /** Each reminder kind's subject and sentence live with its bell sentence in the domain (reminder-words-es.ts). */
  notification: {
    ...REMINDER_EMAIL_ES,
    generic: { subject: 'Algo en un caso necesita atención', line: 'Hay una novedad en uno de sus casos.' },
  },
  date: {
    PLAN_TARGET: 'Fecha prevista: {{date}}',
    LEGAL_DUE: 'Plazo legal: {{date}}',
    VISIT: 'Fecha de la cita: {{date}}',
    PRE_AUTH_END: 'Fin de la autorización previa: {{date}}',
    TASK_DUE: 'Fecha límite: {{date}}',
  },
  digest: {
    subject_one: 'Su resumen del día: {{count}} cosa necesita atención',
    subject_many: 'Su resumen del día: {{count}} cosas necesitan atención',
    subject_other: 'Su resumen del día: {{count}} cosas necesitan atención',
    intro: 'Esto es lo que le espera:',
    more_one: '…y {{count}} más en la aplicación.',
    more_many: '…y {{count}} más en la aplicación.',
    more_other: '…y {{count}} más en la aplicación.',
    allNotifications: 'Todas sus notificaciones',
    openCase: 'Abrir el caso',
  },
};
