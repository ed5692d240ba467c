import { TextInput } from '@mantine/core';

/** A typed one-time code: six digits from the app (`kind="totp"`) or a recovery code. */
export function CodeInput(props: { kind: 'totp' | 'recovery'; label: string; value: string; onChange: (value: string) => void; error?: string }) {
  const totp = props.kind === 'totp';
  return (
    <TextInput
      label={props.label}
      inputMode={totp ? 'numeric' : 'text'}
      autoComplete={totp ? 'one-time-code' : 'off'}
      autoCapitalize={totp ? undefined : 'characters'}
      maxLength={totp ? 7 : 40}
      required
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      error={props.error}
    />
  );
}
