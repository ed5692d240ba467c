import type { Language } from '../i18n/language';
import { PacketItemKind } from './packet';

/*
 * The words of the letters to record holders (request-letter.ts), in the language staff choose
 * per request: English by default (the holder is a US office), or Spanish. The patient's name and
 * the legal citation are carried over as they are: the right of access is cited the same way in
 * both, so a records office can act on a Spanish letter too.
 */

/**
 * The law the letters rest on, named the same way in both languages. Deliberately the law's
 * short name and not its section numbers: a short, polite letter gets answered faster than a
 * wall of legal citations (request-letter.ts).
 */
export const RIGHT_OF_ACCESS_LAW = 'HIPAA';

export interface LetterWords {
  readonly months: readonly string[];
  date(day: number, month: string, year: number): string;
  /** What each packet item means in words a records office acts on ('' = never asked for). */
  readonly items: Readonly<Record<PacketItemKind, string>>;
  readonly delivery: {
    emailTo(email: string): string;
    emailAsk: string;
    portal: string;
    mailTo(address: string): string;
    mailHome: string;
    faxTo(number: string): string;
    faxAsk: string;
    pickup: string;
    slidesAndImages: string;
    slides: string;
    images: string;
    collect(what: string): string;
  };
  readonly identity: { patient(name: string): string; dateOfBirth(date: string): string; email(email: string): string; firstSent(date: string): string };
  helper(advocate: string | null, organization: string): string;
  contact(email: string | null): string;
  /** Addressee when the request names no holder. */
  readonly defaultHolder: string;
  readonly dear: string;
  readonly sincerely: string;
  /** The footer of a letter that runs over a page. */
  page(n: number, total: number): string;
  readonly request: { documentTitle(name: string): string; subject(name: string): string; opening: string; items(lines: string): string; allRecords: string; timing: string; thanks: string };
  readonly followUp: {
    documentTitle(name: string): string;
    subject(sent: string, name: string): string;
    asked(sent: string): string;
    received(date: string): string;
    /** The extension's reason, quoted the way the language punctuates a quote that ends a sentence. */
    quoted(reason: string | null): string;
    lawExtended(originalDue: string, due: string, quoted: string): string;
    law(due: string): string;
    partlyAnswered: string;
    nothingReceived: string;
    itemsAgain(partly: boolean, lines: string): string;
    allAgain: string;
    denial: string;
    regulator: string;
    thanks: string;
    countersignAdvocate(advocate: string, organization: string): string;
    countersignOrganization(organization: string): string;
  };
}

const endsSentence = (s: string): boolean => /[.!?]$/.test(s);

const EN: LetterWords = {
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  date: (day, month, year) => `${month} ${day}, ${year}`,
  items: {
    [PacketItemKind.IMAGING_DISC]: 'Imaging: the images themselves in DICOM format (on a CD/DVD or by secure electronic transfer), with the radiology reports',
    [PacketItemKind.PATHOLOGY_SLIDES]: 'Pathology slides (and tissue blocks if the reviewing pathologist needs them), for review by the second-opinion pathologist',
    [PacketItemKind.PATHOLOGY_REPORT]: 'Pathology reports',
    [PacketItemKind.LABS]: 'Laboratory test results',
    [PacketItemKind.CLINIC_NOTES]: 'Clinic and visit notes, including my diagnosis and the proposed treatment plan',
    [PacketItemKind.PROCEDURE_REPORT]: 'Surgical and procedure reports',
    [PacketItemKind.OWN_TIMELINE]: '',
    [PacketItemKind.MEDICATIONS_ALLERGIES]: 'My current medication list and recorded allergies',
    [PacketItemKind.OTHER]: 'Other records',
  },
  delivery: {
    emailTo: (email) => `Please send electronic copies by email to ${email}. Regular (unencrypted) email is fine with me; I understand it carries a small risk, and I accept it for this request.`,
    emailAsk: 'Please send electronic copies by email; I will confirm the address when you contact me.',
    portal: 'Please make the copies available through my patient portal, and let me know when they are there.',
    mailTo: (address) => `Please mail the copies to:\n${address}`,
    mailHome: 'Please mail the copies to the home address you have on file for me.',
    faxTo: (number) => `Please fax the copies to ${number}.`,
    faxAsk: 'Please fax the copies to the number I give you when you contact me.',
    pickup: 'Please let me know when the copies are ready, and I will collect them in person.',
    slidesAndImages: 'the slides, and the images if they cannot be shared electronically',
    slides: 'the slides',
    images: 'the images, if they cannot be shared electronically',
    collect: (what) => ` For ${what}, please let me know when and where I can collect them, or how to arrange delivery.`,
  },
  identity: {
    patient: (name) => `Patient: ${name}`,
    dateOfBirth: (date) => `Date of birth: ${date}`,
    email: (email) => `Email: ${email}`,
    firstSent: (date) => `First request sent: ${date}`,
  },
  helper: (advocate, organization) =>
    advocate
      ? `${advocate} at ${organization}, a patient advocacy organization, is helping me gather my records.`
      : `${organization}, a patient advocacy organization, is helping me gather my records.`,
  contact: (email) => (email ? `If anything about this request is unclear, please contact me at ${email}.` : 'If anything about this request is unclear, please contact me.'),
  defaultHolder: 'Medical records department',
  dear: 'Dear records team,',
  sincerely: 'Sincerely,',
  page: (n, total) => `Page ${n} of ${total}`,
  request: {
    documentTitle: (name) => `Request for medical records: ${name}`,
    subject: (name) => `Request for copies of my medical records: ${name}`,
    opening: `I am writing to ask for copies of my medical records, using my right of access under ${RIGHT_OF_ACCESS_LAW}. I am seeking a second opinion about my care, and the doctor reviewing it needs to see my records in full.`,
    items: (lines) => `Please send me copies of the following:\n${lines}`,
    allRecords: 'Please send me a complete copy of my medical records held by your office.',
    timing:
      'I understand that you have up to 30 days to respond to this request. Because my next treatment decision depends on this second opinion, I would be very grateful for anything you can send sooner. If there is a fee, please tell me the amount before you go ahead; I understand it should be reasonable and based on the cost of making the copies.',
    thanks: 'Thank you for your help.',
  },
  followUp: {
    documentTitle: (name) => `Follow-up request for medical records: ${name}`,
    subject: (sent, name) => `Follow-up to my request of ${sent} for copies of my medical records: ${name}`,
    asked: (sent) => `On ${sent}, I asked your office for copies of my medical records, using my right of access under ${RIGHT_OF_ACCESS_LAW}.`,
    received: (date) => ` Your office received it on ${date}.`,
    // US style: the sentence's full stop goes inside the closing quote, and only once.
    quoted: (reason) => (reason ? `, giving this reason: “${endsSentence(reason) ? reason : `${reason}.`}”` : '.'),
    lawExtended: (originalDue, due, quoted) => `The law gives you 30 days to respond, and you extended that once, from ${originalDue} to ${due}${quoted} That extended date has now passed`,
    law: (due) => `The law gives you 30 days to respond. That date, ${due}, has now passed`,
    partlyAnswered: 'and part of my request is still unanswered. Thank you for what you have already sent.',
    nothingReceived: 'and I have not received my records or a written response from you.',
    itemsAgain: (partly, lines) => `Please send ${partly ? 'the records that are still outstanding' : 'copies of the following'} without further delay:\n${lines}`,
    allAgain: 'Please send a complete copy of my medical records held by your office without further delay.',
    denial: 'If you are denying any part of my request, or do not have some of these records, please tell me so in writing, with the reason.',
    regulator:
      'I would rather settle this with your office directly, but if I do not hear from you soon, I may ask the Office for Civil Rights at the U.S. Department of Health and Human Services, which enforces the right of access, for help.',
    thanks: 'Thank you for your prompt attention.',
    countersignAdvocate: (advocate, organization) => `${advocate}\nPatient advocate, ${organization}`,
    countersignOrganization: (organization) => `For ${organization}`,
  },
};

/** US Spanish, addressed to the records team as ustedes; the patient writes as yo. */
const ES: LetterWords = {
  months: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  date: (day, month, year) => `${day} de ${month} de ${year}`,
  items: {
    [PacketItemKind.IMAGING_DISC]: 'Estudios de imagen: las imágenes mismas en formato DICOM (en CD/DVD o por transferencia electrónica segura), con los informes de radiología',
    [PacketItemKind.PATHOLOGY_SLIDES]: 'Laminillas de patología (y los bloques de tejido si el patólogo los necesita), para que las revise el patólogo de la segunda opinión',
    [PacketItemKind.PATHOLOGY_REPORT]: 'Informes de patología',
    [PacketItemKind.LABS]: 'Resultados de análisis de laboratorio',
    [PacketItemKind.CLINIC_NOTES]: 'Notas de consultas y visitas, incluidos mi diagnóstico y el plan de tratamiento propuesto',
    [PacketItemKind.PROCEDURE_REPORT]: 'Informes de cirugías y procedimientos',
    [PacketItemKind.OWN_TIMELINE]: '',
    [PacketItemKind.MEDICATIONS_ALLERGIES]: 'Mi lista actual de medicamentos y las alergias registradas',
    [PacketItemKind.OTHER]: 'Otros documentos médicos',
  },
  delivery: {
    emailTo: (email) =>
      `Por favor, envíen copias electrónicas por correo electrónico a ${email}. Acepto recibirlas por correo electrónico normal (sin cifrar); entiendo que tiene un pequeño riesgo y lo acepto para esta solicitud.`,
    emailAsk: 'Por favor, envíen copias electrónicas por correo electrónico; les confirmaré la dirección cuando se comuniquen conmigo.',
    portal: 'Por favor, pongan las copias en mi portal del paciente y avísenme cuando estén allí.',
    mailTo: (address) => `Por favor, envíen las copias por correo postal a:\n${address}`,
    mailHome: 'Por favor, envíen las copias por correo postal a la dirección de mi casa que tienen en su archivo.',
    faxTo: (number) => `Por favor, envíen las copias por fax al ${number}.`,
    faxAsk: 'Por favor, envíen las copias por fax al número que les daré cuando se comuniquen conmigo.',
    pickup: 'Por favor, avísenme cuando las copias estén listas y pasaré a recogerlas en persona.',
    slidesAndImages: 'las laminillas, y las imágenes si no se pueden compartir de forma electrónica',
    slides: 'las laminillas',
    images: 'las imágenes, si no se pueden compartir de forma electrónica',
    collect: (what) => ` Para ${what}, por favor díganme cuándo y dónde puedo recogerlas, o cómo organizar el envío.`,
  },
  identity: {
    patient: (name) => `Paciente: ${name}`,
    dateOfBirth: (date) => `Fecha de nacimiento: ${date}`,
    email: (email) => `Correo electrónico: ${email}`,
    firstSent: (date) => `Primera solicitud enviada: ${date}`,
  },
  helper: (advocate, organization) =>
    advocate
      ? `${advocate}, de ${organization}, una organización de defensa de pacientes, me está ayudando a reunir mi expediente médico.`
      : `${organization}, una organización de defensa de pacientes, me está ayudando a reunir mi expediente médico.`,
  contact: (email) => (email ? `Si algo de esta solicitud no está claro, por favor comuníquense conmigo en ${email}.` : 'Si algo de esta solicitud no está claro, por favor comuníquense conmigo.'),
  defaultHolder: 'Departamento de expedientes médicos',
  dear: 'Estimado equipo de expedientes médicos:',
  sincerely: 'Atentamente,',
  page: (n, total) => `Página ${n} de ${total}`,
  request: {
    documentTitle: (name) => `Solicitud de expediente médico: ${name}`,
    subject: (name) => `Solicitud de copias de mi expediente médico: ${name}`,
    opening: `Les escribo para pedir copias de mi expediente médico, en ejercicio de mi derecho de acceso según la ley ${RIGHT_OF_ACCESS_LAW}. Estoy buscando una segunda opinión sobre mi atención médica, y el médico que la va a dar necesita ver mi expediente completo.`,
    items: (lines) => `Por favor, envíenme copias de lo siguiente:\n${lines}`,
    allRecords: 'Por favor, envíenme una copia completa del expediente médico que tienen sobre mí.',
    timing:
      'Entiendo que tienen hasta 30 días para responder a esta solicitud. Como mi próxima decisión de tratamiento depende de esta segunda opinión, les agradecería mucho cualquier cosa que puedan enviarme antes. Si hay algún cargo, por favor díganme el monto antes de continuar; entiendo que debe ser razonable y basado en el costo de hacer las copias.',
    thanks: 'Gracias por su ayuda.',
  },
  followUp: {
    documentTitle: (name) => `Seguimiento de la solicitud de expediente médico: ${name}`,
    subject: (sent, name) => `Seguimiento de mi solicitud del ${sent} de copias de mi expediente médico: ${name}`,
    asked: (sent) => `El ${sent} pedí a su oficina copias de mi expediente médico, en ejercicio de mi derecho de acceso según la ley ${RIGHT_OF_ACCESS_LAW}.`,
    received: (date) => ` Su oficina la recibió el ${date}.`,
    // Spanish puts the full stop after the closing quote.
    quoted: (reason) => (reason ? `, con este motivo: “${reason.replace(/[.]$/, '')}”.` : '.'),
    lawExtended: (originalDue, due, quoted) => `La ley les da 30 días para responder, y ustedes extendieron ese plazo una vez, del ${originalDue} al ${due}${quoted} Esa fecha extendida ya pasó`,
    law: (due) => `La ley les da 30 días para responder. Esa fecha, el ${due}, ya pasó`,
    partlyAnswered: 'y parte de mi solicitud sigue sin respuesta. Gracias por lo que ya me enviaron.',
    nothingReceived: 'y no he recibido mi expediente ni una respuesta por escrito de su parte.',
    itemsAgain: (partly, lines) => `Por favor, envíen ${partly ? 'los documentos que todavía faltan' : 'copias de lo siguiente'} sin más demora:\n${lines}`,
    allAgain: 'Por favor, envíen sin más demora una copia completa del expediente médico que tienen sobre mí.',
    denial: 'Si van a negar alguna parte de mi solicitud, o si no tienen algunos de estos documentos, por favor díganmelo por escrito, con el motivo.',
    regulator:
      'Prefiero resolver esto directamente con su oficina, pero si no recibo respuesta pronto, podría pedir ayuda a la Oficina de Derechos Civiles (Office for Civil Rights) del Departamento de Salud y Servicios Humanos de los EE. UU., que hace cumplir el derecho de acceso.',
    thanks: 'Gracias por su pronta atención.',
    countersignAdvocate: (advocate, organization) => `${advocate}\nDefensa del paciente, ${organization}`,
    countersignOrganization: (organization) => `En nombre de ${organization}`,
  },
};

export const LETTER_WORDS: Readonly<Record<Language, LetterWords>> = { en: EN, es: ES };
