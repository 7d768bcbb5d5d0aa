/**
 * The kiosk never goes blank: when a screen throws while rendering, this boundary shows the calm
 * restarting screen, then mounts the app again from reset stores a few seconds later; when that
 * keeps failing it reloads the page (recovery-plan.ts decides which, and when).
 */
import { Component, Fragment, type ErrorInfo, type ReactNode } from 'react'
import { reloadPage, recoveryReloads } from './page-reload'
import { planRecovery, RECOVERY } from './recovery-plan'
import { RestartingScreen } from './RestartingScreen'

interface Props {
  children: ReactNode
  /** Clears what the failed tree left in the stores, so the new one starts as a fresh page would. */
  onRecover(): void
}

interface State {
  failed: boolean
  /** Bumped on each recovery so React mounts a new tree rather than reusing anything. */
  generation: number
}

export class AppErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, generation: 0 }
  private crashes: number[] = []
  private timer: ReturnType<typeof setTimeout> | undefined

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    const now = Date.now()
    this.crashes = [...this.crashes.filter((t) => now - t <= RECOVERY.crashWindowMs), now]
    const plan = planRecovery(this.crashes, recoveryReloads(), now)
    console.error(
      `renderer: a screen failed to render (${error.message}); ${plan.action} in ${plan.delayMs} ms`,
      info.componentStack
    )
    clearTimeout(this.timer)
    this.timer = setTimeout(() => (plan.action === 'reload' ? reloadPage() : this.remount()), plan.delayMs)
  }

  override componentWillUnmount(): void {
    clearTimeout(this.timer)
  }

  private remount(): void {
    this.props.onRecover()
    this.setState((s) => ({ failed: false, generation: s.generation + 1 }))
  }

  override render(): ReactNode {
    if (this.state.failed) return <RestartingScreen />
    return <Fragment key={this.state.generation}>{this.props.children}</Fragment>
  }
}
