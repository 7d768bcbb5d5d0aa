/** The one failure type of ledger functions; routes turn it into each endpoint's error body. */
import { ERROR_TEXT } from '../../shared/stamps/errors'

/** `invalid` answers 400 with field errors, `not_found` answers 404. */
export type LedgerErrorKind = 'invalid' | 'not_found'

/** A refused ledger change. Nothing was written: it is thrown inside the db transaction. */
export class LedgerError extends Error {
  constructor(
    readonly kind: LedgerErrorKind,
    readonly fields: Readonly<Record<string, string>> = {},
    /** The machine-readable reason the newer error form carries (`insufficient_stamps`). */
    readonly code?: string
  ) {
    super(
      Object.entries(fields)
        .map(([k, v]) => `${k}: ${v}`)
        .join('; ') || kind
    )
    this.name = 'LedgerError'
  }
}

/** Exact messages the ledger answers with, DRF-worded where DRF has a word for it. */
export const LEDGER_TEXT = {
  required: ERROR_TEXT.required,
  invalidChoice: 'Select a valid choice. That choice is not one of the available choices.',
  userNotFound: 'User not found',
  duplicateInvoice: ERROR_TEXT.duplicateInvoice,
  insufficientStamps: "Transaction can't be canceled due to insufficient Stamps",
  transactionCanceled: 'Transaction has already been canceled',
  openSaleCancel: 'This transaction has no member; it cannot be canceled through this call',
  invoiceInSeveralStores:
    'More than one store has a transaction with this invoice number on this date; cancel it by its id',
  insufficientBalance: 'Insufficient balance',
  balanceCanceled: 'Balance update has already been canceled',
  tooLarge: 'Ensure this value is less than or equal to 1000000000000.',
  counterFull: "The member's ledger cannot hold this amount",
  decimalPlaces: 'Ensure that there are no more than 2 decimal places.',
  badDatetime: ERROR_TEXT.badDatetime
} as const

/** Throws `invalid` when any field error was collected. */
export function throwIfInvalid(fields: Record<string, string>): void {
  if (Object.keys(fields).length > 0) throw new LedgerError('invalid', fields)
}
