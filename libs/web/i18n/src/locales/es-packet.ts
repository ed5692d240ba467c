/** Spanish (US) strings for the visit packet; keys mirror en-packet.ts. */
export const visitPacketEs = {
  download: 'Descargar el paquete para la cita',
  downloadFor: 'Descargar el paquete para la cita con {{provider}} (PDF)',
  downloadCase: 'Descargar el paquete para la cita (PDF)',
  help: 'Una o dos páginas para imprimir o llevar en el teléfono: su pregunta, la cita, su seguro, sus expedientes y sus preguntas, con espacio para escribir las respuestas.',
};
