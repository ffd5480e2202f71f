import { describeError } from './describe-error';

interface ErrorAlertProps {
  /** The error to show; nothing is shown for null. */
  error: unknown;
}

/**
 * Live region for errors. It stays in the document while empty so that
 * screen readers announce the message as soon as it appears.
 */
export function ErrorAlert({ error }: ErrorAlertProps) {
  const description = error === null ? null : describeError(error);
  return (
    <div className="alert alert-error" role="alert">
      {description && (
        <>
          <p className="alert-message">{description.message}</p>
          {description.issues.length > 0 && (
            <ul className="alert-issues">
              {description.issues.map((issue, index) => (
                <li key={`${issue.path}-${String(index)}`}>
                  {issue.path ? <strong>{issue.path}: </strong> : null}
                  {issue.message}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
