/** Spanish strings for "deciding and asking", key for key with en-guided-start.ts. */
export const esGuidedStart = {
  heading: '¿Vale la pena pedir una segunda opinión?',
  because: 'Lo que más pesa aquí: {{reasons}}.',
  actSoon: 'Esto es urgente, así que busque un proveedor que pueda revisar su expediente pronto. Los programas de segunda opinión a distancia muchas veces contestan en pocos días.',
  ruleOfThumb:
    'Una regla sencilla: vale la pena cuando la decisión le cambia la vida, tiene riesgos o no se puede deshacer, o cuando la duda sigue después de una explicación clara. Casi nunca hace falta para una receta de rutina.',
  currentDoctorSection: 'El médico de ahora',
  currentDoctorSpecialty: 'Especialidad del médico de ahora',
  currentDoctorSpecialtyHelp: 'Por ejemplo, "Cirugía" o "Cardiología". Ayuda a encontrar a alguien que lo vea desde otro ángulo.',
  currentDoctorSubSpecialty: 'Subespecialidad',
  currentDoctorSubSpecialtyHelp: 'Por ejemplo, "Cirugía de mama". Déjelo en blanco si no está seguro.',
};
