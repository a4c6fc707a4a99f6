/** The loop's next step, where the owner finishes the one before: what to do now and a button that goes there. */
export function NextStep({ title, body, action, onAction, testId }: { title: string; body: string; action: string; onAction: () => void; testId: string }) {
  return (
    <aside className="next-step" data-testid={testId} aria-label={title}>
      <div className="next-step-text">
        <strong>{title}</strong>
        <p>{body}</p>
      </div>
      <button type="button" className="primary" onClick={onAction}>
        {action}
      </button>
    </aside>
  )
}
