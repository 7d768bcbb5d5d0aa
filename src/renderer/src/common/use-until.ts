/** True until `deadline` (ms since epoch) passes; re-renders the caller when it does. */
import { useEffect, useState } from 'react'

export function useUntil(deadline: number | null | undefined): boolean {
  const [now, setNow] = useState(Date.now)
  useEffect(() => {
    if (!deadline) return
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, deadline - Date.now()))
    return () => clearTimeout(timer)
  }, [deadline])
  return (deadline ?? 0) > now
}
