/** Renderer entry: mounts the app inside the error boundary, with a reload as the last resort. */
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { AppErrorBoundary } from './recovery/AppErrorBoundary'
import { reloadSoon } from './recovery/page-reload'
import { resetViewState } from './stores/reset-view'
import './styles.css'

const root = document.getElementById('root')
if (root)
  // An error the boundary could not catch (it failed itself) would leave a blank kiosk: reload.
  createRoot(root, { onUncaughtError: (error) => reloadSoon(error) }).render(
    <AppErrorBoundary onRecover={resetViewState}>
      <App />
    </AppErrorBoundary>
  )
