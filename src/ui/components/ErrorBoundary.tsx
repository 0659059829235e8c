import { useApp } from 'ink';
import { Component, type ReactNode, useEffect } from 'react';

function ExitWith({ error }: { readonly error: Error }) {
  const { exit } = useApp();
  useEffect(() => exit(error), [exit, error]);
  return null;
}

/**
 * A render bug ends the app through Ink's exit(error), so the terminal is restored and main prints
 * one line, instead of Ink drawing a stack trace over the screen.
 */
export class ErrorBoundary extends Component<{ readonly children: ReactNode }, { readonly error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    return this.state.error ? <ExitWith error={this.state.error} /> : this.props.children;
  }
}
