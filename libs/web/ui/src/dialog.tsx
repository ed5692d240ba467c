import { Button, Group, Stack, type ModalProps } from '@mantine/core';
import { Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyNamed } from './lazy';

const ModalDialog = lazyNamed(() => import('./modal-dialog'), 'ModalDialog');

/**
 * A Mantine Modal whose content is drawn only while it is open, so every opening starts fresh
 * (modal-dialog.tsx). The Modal's code loads the first time the dialog opens, not with the screen
 * that holds it (docs/architecture.md, "First screens"); a closed dialog never opened draws nothing.
 */
export function Dialog(props: ModalProps) {
  const [asked, setAsked] = useState(props.opened);
  if (props.opened && !asked) setAsked(true);
  return asked ? (
    <Suspense fallback={null}>
      <ModalDialog {...props} />
    </Suspense>
  ) : null;
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
