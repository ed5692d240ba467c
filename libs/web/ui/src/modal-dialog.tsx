import { Modal, type ModalProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The Modal behind `Dialog` (dialog.tsx), in a chunk of its own: a Modal brings its scroll lock,
 * focus trap and scroll area, which no screen needs until someone opens a dialog. Content is drawn
 * only while it is open: Mantine 9.8 keeps a closed modal's children mounted, so a form inside
 * would come back with what was typed, or refused, the last time. The close button is named in
 * the reader's language unless a caller names it.
 */
export function ModalDialog({ opened, children, closeButtonProps, ...rest }: ModalProps) {
  const { t } = useTranslation();
  // Mounted closed, then opened: Mantine notes the element that had focus (the button that opened
  // the dialog) only when `opened` changes, and gives focus back to it on closing.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const open = opened && mounted;
  return (
    <Modal opened={open} closeButtonProps={{ 'aria-label': t('common.close'), ...closeButtonProps }} {...rest}>
      {open ? children : null}
    </Modal>
  );
}
