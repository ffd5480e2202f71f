interface StatusMessageProps {
  message: string | null;
}

/** Polite live region for confirmations such as "Role changed". */
export function StatusMessage({ message }: StatusMessageProps) {
  return (
    <div className="alert alert-success" role="status">
      {message && <p className="alert-message">{message}</p>}
    </div>
  );
}
