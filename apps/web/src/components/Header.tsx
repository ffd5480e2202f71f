export function Header() {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <p className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">kubelab</span>
        </p>
        <p className="tagline">Learn Kubernetes Services on a private simulated cluster</p>
      </div>
    </header>
  );
}
