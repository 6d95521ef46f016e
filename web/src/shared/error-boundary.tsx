// Renders a readable message instead of a blank screen when a component throws. `resetKey` (e.g. the
// location) lets the next navigation try again.
import { Component, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  resetKey?: string;
}
interface State {
  error: Error | null;
  key?: string;
}

export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  componentDidCatch(error: Error) {
    console.error('Vigil web app error:', error);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="error-box page-error" role="alert">
        <p className="error-title">Something went wrong on this page</p>
        <p>{this.state.error.message || 'An unexpected error occurred.'}</p>
        <p>
          <button type="button" onClick={() => window.location.reload()}>
            Reload the page
          </button>
        </p>
      </div>
    );
  }
}
