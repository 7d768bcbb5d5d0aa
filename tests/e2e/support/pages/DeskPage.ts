/** The cashier desk: member panel, task tabs, sale form and result, PIN gate. Labels in id or en. */
import { expect, type Locator, type Page } from '@playwright/test'

export type DeskTab = 'sale' | 'balance' | 'cancel' | 'history' | 'today' | 'queue' | 'admin'

export class DeskPage {
  readonly memberQuery: Locator
  readonly findMember: Locator
  readonly member: Locator
  readonly memberStamps: Locator
  readonly memberBalance: Locator
  readonly invoice: Locator
  readonly total: Locator
  readonly submit: Locator
  readonly preview: Locator
  readonly result: Locator
  readonly receipt: Locator
  readonly saleError: Locator

  constructor(readonly page: Page) {
    this.memberQuery = page.getByLabel(/^(Nomor kartu, email, atau nomor HP|Card number, email or mobile)$/)
    this.findMember = page.getByRole('button', { name: /^(Cari|Find)$/ })
    this.member = page.getByTestId('desk-member')
    this.memberStamps = page.getByTestId('desk-member-stamps')
    this.memberBalance = page.getByTestId('desk-member-balance')
    this.invoice = page.getByLabel(/^(Nomor invoice|Invoice number)$/)
    this.total = page.getByLabel(/^Total$/)
    this.submit = page.getByRole('button', { name: /^(Kirim penjualan|Post sale|Mengirim…|Posting…)$/ })
    this.preview = page.getByTestId('sale-preview')
    this.result = page.getByTestId('sale-result')
    this.receipt = page.getByTestId('receipt-preview')
    this.saleError = page.getByTestId('sale-error')
  }

  async waitReady(): Promise<void> {
    await expect(this.page.locator('.shell[data-ready="true"]')).toBeVisible()
    await expect(this.page.locator('.desk')).toBeVisible()
  }

  tab(name: DeskTab): Locator {
    return this.page.locator(`nav .tabs__tab[data-tab="${name}"]`)
  }

  async open(name: DeskTab): Promise<void> {
    await this.tab(name).click()
    await expect(this.tab(name)).toHaveAttribute('aria-current', 'page')
  }

  /** Types an identifier into the lookup field (fill: no keystrokes the wedge detector could take for a scan). */
  async lookUp(text: string): Promise<void> {
    await this.memberQuery.fill(text)
    await this.findMember.click()
  }

  field(label: RegExp): Locator {
    return this.page.getByLabel(label)
  }

  /** Enters `pin` in the PIN gate for the current tab. */
  async unlock(pin: string): Promise<void> {
    await this.page.getByLabel(/^(PIN kasir|PIN admin|Cashier PIN|Admin PIN)$/).fill(pin)
    await this.page.getByRole('button', { name: /^(Buka|Unlock)$/ }).click()
  }

  statusValue(item: 'upstream' | 'queue' | 'printer' | 'scanner'): Locator {
    return this.page.getByRole('contentinfo').locator(`[data-status="${item}"] .status-item__value`)
  }
}
