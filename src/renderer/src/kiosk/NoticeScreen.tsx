/** A short, friendly message (unknown card, unreadable code, service trouble) with a way back. */
import { useEffect, useRef } from 'react'
import { useT } from '../i18n'

export function NoticeScreen({
  title,
  body,
  onBack
}: {
  title: string
  body: string
  onBack: () => void
}): React.JSX.Element {
  const t = useT()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return (
    <section className="notice" role="alert" aria-labelledby="notice-title">
      <h1 id="notice-title" ref={heading} tabIndex={-1} className="notice__title">
        {title}
      </h1>
      <p className="notice__body">{body}</p>
      <button type="button" className="button button--primary" onClick={onBack}>
        {t('common.back')}
      </button>
    </section>
  )
}
