import { Button, Group, Modal, Stack, type ModalProps } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A Mantine Modal whose content is drawn only while it is open. Mantine 9.8 keeps a closed
 * modal's children mounted, so a form inside would come back with what was typed, or refused,
 * the last time; here every opening starts fresh. The close button is named in the reader's
 * language unless a caller names it.
 */
export function Dialog({ opened, children, closeButtonProps, ...rest }: ModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} closeButtonProps={{ 'aria-label': t('common.close'), ...closeButtonProps }} {...rest}>
      {opened ? children : null}
    </Modal>
  );
}

/**
 * "Are you sure?" in a Dialog: the question, Cancel, and the action. `onConfirm` answers what
 * went wrong (shown in the dialog, which stays open) or nothing (the dialog closes). What was
 * refused is kept by the dialog's own content, so the next opening starts without it.
 */
export function ConfirmDialog(props: {
  opened: boolean;
  onClose: () => void;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  color?: string;
  onConfirm: () => Promise<ReactNode | null | undefined>;
}) {
  return (
    <Dialog opened={props.opened} onClose={props.onClose} title={props.title} centered>
      <ConfirmBody {...props} />
    </Dialog>
  );
}

function ConfirmBody(props: { onClose: () => void; message: ReactNode; confirmLabel: string; color?: string; onConfirm: () => Promise<ReactNode | null | undefined> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ReactNode>(null);
  const confirm = async () => {
    setBusy(true);
    setProblem(null);
    const refused = await props.onConfirm();
    setBusy(false);
    if (refused) setProblem(refused);
    else props.onClose();
  };
  return (
    <Stack gap="md">
      {props.message}
      {problem}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={props.onClose}>
          {t('common.cancel')}
        </Button>
        <Button color={props.color ?? 'red.9'} loading={busy} onClick={() => void confirm()}>
          {props.confirmLabel}
        </Button>
      </Group>
    </Stack>
  );
}
