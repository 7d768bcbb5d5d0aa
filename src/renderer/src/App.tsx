/** Top-level screen switch (kiosk and cashier screens arrive with the app issues). */
export function App(): React.JSX.Element {
  return (
    <main>
      <h1>Stamps Kiosk</h1>
    </main>
  )
}
